// Sign in: username or email + password (show/hide), links to sign up and forgot password.
// Draws from SignInScreen and returns what the person asked for; the controller does the rest.
#pragma once

#include <string>

#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

struct SignInScreen {
    std::string login;  // username or email
    std::string password;
    bool show_password = false;
    bool focus_login = true;  // focus the first field when the screen opens
    std::string login_error;  // inline, under the field
    std::string password_error;
    ui::RequestStatus request;  // the login call
    std::string error;          // its failure, in words for people (shown above the button)
    float card_height = 0;      // layout cache: last frame's card height, for centring
};

enum class SignInAction { None, Submit, GoToSignUp, GoToForgot };

[[nodiscard]] SignInAction DrawSignInScreen(SignInScreen& screen, const ui::FontSet& fonts);

}  // namespace skyloom::app
