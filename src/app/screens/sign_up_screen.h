// Sign up: username, email, password (show/hide) with the live rule checklists from the shared
// core validation; server refusals (username_taken, email_taken, ...) land under their field.
#pragma once

#include <string>

#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

struct SignUpScreen {
    std::string username;
    std::string email;
    std::string password;
    bool show_password = false;
    bool focus_username = true;  // focus the first field when the screen opens
    std::string username_error;  // inline, under each field
    std::string email_error;
    std::string password_error;
    ui::RequestStatus request;  // the signup call
    std::string error;          // failures that belong to no field
    float card_height = 0;      // layout cache
};

enum class SignUpAction { None, Submit, GoToSignIn };

[[nodiscard]] SignUpAction DrawSignUpScreen(SignUpScreen& screen, const ui::FontSet& fonts);

}  // namespace skyloom::app
