// Reset password: email, the mailed code and a new password with the live policy checklist.
// On success the app signs in with the new password.
#pragma once

#include <string>

#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

struct ResetScreen {
    std::string email;
    std::string code;
    std::string password;
    bool show_password = false;
    bool focus_code = true;
    std::string email_error;
    std::string code_error;
    std::string password_error;
    ui::RequestStatus request;  // reset, then the sign-in that follows it
    std::string error;
    std::string notice;  // "We sent a code to ..."
    float card_height = 0;
};

enum class ResetAction { None, Submit, GoToForgot, GoToSignIn };

[[nodiscard]] ResetAction DrawResetScreen(ResetScreen& screen, const ui::FontSet& fonts);

}  // namespace skyloom::app
