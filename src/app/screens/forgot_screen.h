// Forgot password: the account's email; the server mails a reset code and the app moves on to
// the reset screen (#/reset) with the email filled in.
#pragma once

#include <string>

#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

struct ForgotScreen {
    std::string email;
    bool focus_email = true;
    std::string email_error;
    ui::RequestStatus request;
    std::string error;
    float card_height = 0;
};

enum class ForgotAction { None, Submit, HaveCode, GoToSignIn };

[[nodiscard]] ForgotAction DrawForgotScreen(ForgotScreen& screen, const ui::FontSet& fonts);

}  // namespace skyloom::app
