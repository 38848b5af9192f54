// Controller: sign in, sign up, email verification (with resend cooldown), forgot/reset.
#include <algorithm>

#include "platform/platform.h"
#include "state/controller.h"
#include "validation/validation.h"  // core

namespace skyloom::app {

void Controller::Handle(SignInAction action) {
    switch (action) {
        case SignInAction::None:
            break;
        case SignInAction::Submit:
            SignIn();
            break;
        case SignInAction::GoToSignUp:
            Navigate({ui::Screen::kSignup, {}});
            break;
        case SignInAction::GoToForgot:
            Navigate({ui::Screen::kForgot, {}});
            break;
    }
}

void Controller::Handle(SignUpAction action) {
    switch (action) {
        case SignUpAction::None:
            break;
        case SignUpAction::Submit:
            SignUp();
            break;
        case SignUpAction::GoToSignIn:
            Navigate({ui::Screen::kLogin, {}});
            break;
    }
}

void Controller::Handle(VerifyAction action) {
    switch (action) {
        case VerifyAction::None:
            break;
        case VerifyAction::Submit:
            Verify();
            break;
        case VerifyAction::Resend:
            Resend();
            break;
        case VerifyAction::GoToSignIn:
            Navigate({ui::Screen::kLogin, {}});
            break;
    }
}

void Controller::Handle(ForgotAction action) {
    switch (action) {
        case ForgotAction::None:
            break;
        case ForgotAction::Submit:
            Forgot();
            break;
        case ForgotAction::HaveCode:
            if (m_state.reset.email.empty()) m_state.reset.email = m_state.forgot.email;
            Navigate({ui::Screen::kReset, {}});
            break;
        case ForgotAction::GoToSignIn:
            Navigate({ui::Screen::kLogin, {}});
            break;
    }
}

void Controller::Handle(ResetAction action) {
    switch (action) {
        case ResetAction::None:
            break;
        case ResetAction::Submit:
            Reset();
            break;
        case ResetAction::GoToForgot:
            Navigate({ui::Screen::kForgot, {}});
            break;
        case ResetAction::GoToSignIn:
            Navigate({ui::Screen::kLogin, {}});
            break;
    }
}

// ---- Sign in --------------------------------------------------------------------------------

void Controller::SignIn() {
    SignInScreen& s = m_state.sign_in;
    if (s.request.in_progress()) return;
    s.login_error = s.login.empty() ? "Enter your username or email." : "";
    s.password_error = s.password.empty() ? "Enter your password." : "";
    if (!s.login_error.empty() || !s.password_error.empty()) return;
    s.error.clear();
    SignInAfter(s.login, s.password, &s.request, &s.error);
}

// Logs in and lands on the feed; failures go to `status`/`error` of the screen that asked.
void Controller::SignInAfter(const std::string& login, const std::string& password,
                             ui::RequestStatus* status, std::string* error) {
    status->Start();
    m_state.requests_in_flight++;
    m_client.Login(login, password, [this, status, error, password](Result<AuthSession> result) {
        m_state.requests_in_flight--;
        if (!result) {
            *error = HumanMessage(result.error());
            status->Fail(result.error());
            return;
        }
        status->Succeed();
        error->clear();
        // Password managers save what worked (sign-in, first sign-in after sign-up, reset).
        platform::StoreCredential(result.value().user.username, password);
        m_state.sign_in.password.clear();
        m_state.sign_in.show_password = false;
        OnSignedIn(result.value());
        // Back to the page that asked for a sign-in (a shared #/post/ID, #/chat), else the feed.
        const ui::Route next = m_after_sign_in.value_or(ui::Route{ui::Screen::kFeed, {}});
        m_after_sign_in.reset();
        Navigate(next);
    });
}

// ---- Sign up --------------------------------------------------------------------------------

void Controller::SignUp() {
    SignUpScreen& s = m_state.sign_up;
    if (s.request.in_progress()) return;
    s.username_error = IsValidUsername(s.username)
                           ? ""
                           : (s.username.empty() ? "Choose a username."
                                                 : "Usernames are 3 to 30 letters, digits or _.");
    s.email_error = IsValidEmail(s.email) ? "" : "Enter a valid email address.";
    s.password_error =
        IsValidPassword(s.password, s.username) ? "" : "Meet every rule below to continue.";
    s.error.clear();
    if (!s.username_error.empty() || !s.email_error.empty() || !s.password_error.empty()) return;
    s.request.Start();
    m_state.requests_in_flight++;
    m_client.Signup(s.username, s.email, s.password, [this](Result<User> result) {
        m_state.requests_in_flight--;
        SignUpScreen& screen = m_state.sign_up;
        if (!result) {
            const Error& e = result.error();
            screen.request.Fail(e);
            const std::string message = HumanMessage(e);
            if (e.code == "username_taken" || e.code == "invalid_username")
                screen.username_error = message;
            else if (e.code == "email_taken" || e.code == "invalid_email")
                screen.email_error = message;
            else if (e.code == "weak_password")
                screen.password_error = message;
            else
                screen.error = message;
            return;
        }
        screen.request.Succeed();
        m_signup_password = screen.password;
        VerifyScreen& v = m_state.verify;
        v = VerifyScreen{};
        v.username = result.value().username;
        v.email = screen.email;
        v.resend_at_ms = platform::NowMs() + kResendCooldownMs;  // the first code just went out
        screen.password.clear();
        screen.show_password = false;
        Navigate({ui::Screen::kVerify, {}});
    });
}

// ---- Verify ---------------------------------------------------------------------------------

void Controller::Verify() {
    VerifyScreen& v = m_state.verify;
    if (v.request.in_progress()) return;
    v.username_error = v.username.empty() ? "Enter your username." : "";
    v.code_error = IsSixDigitCode(v.code) ? "" : "Enter the 6-digit code from the email.";
    if (!v.username_error.empty() || !v.code_error.empty()) return;
    v.notice.clear();
    v.request.Start();
    m_state.requests_in_flight++;
    m_client.Verify(v.username, v.code, [this](Result<Unit> result) {
        m_state.requests_in_flight--;
        VerifyScreen& screen = m_state.verify;
        if (!result) {
            screen.request.Fail(result.error());
            if (result.error().code == "not_found")
                screen.username_error = "No account with that username.";
            else
                screen.code_error = HumanMessage(result.error());
            return;
        }
        if (!m_signup_password.empty()) {
            // Signed in right away with the password from sign-up (kept in memory only).
            const std::string password = std::move(m_signup_password);
            m_signup_password.clear();
            std::string* error = &screen.code_error;
            SignInAfter(screen.username, password, &screen.request, error);
            ShowToast("success", "Your email is verified. Welcome to Skyloom!");
            return;
        }
        screen.request.Succeed();
        m_state.sign_in.login = screen.username;
        m_state.sign_in.password.clear();
        ShowToast("success", "Your email is verified. Sign in to continue.");
        Navigate({ui::Screen::kLogin, {}});
    });
}

void Controller::Resend() {
    VerifyScreen& v = m_state.verify;
    if (v.resend.in_progress()) return;
    if (v.username.empty()) {
        v.username_error = "Enter your username.";
        return;
    }
    v.resend.Start();
    v.notice.clear();
    m_state.requests_in_flight++;
    m_client.Resend(v.username, [this](Result<Unit> result) {
        m_state.requests_in_flight--;
        VerifyScreen& screen = m_state.verify;
        if (!result) {
            const Error& e = result.error();
            screen.resend.Fail(e);
            if (e.retry_after > 0) {
                // The server's cooldown wins over our guess.
                screen.resend_at_ms = platform::NowMs() + e.retry_after * 1000.0;
            } else {
                screen.code_error = HumanMessage(e);
            }
            return;
        }
        screen.resend.Succeed();
        screen.resend_at_ms = platform::NowMs() + kResendCooldownMs;
        screen.notice = "We sent a new code. It replaces the previous one.";
    });
}

// ---- Forgot / reset -------------------------------------------------------------------------

void Controller::Forgot() {
    ForgotScreen& f = m_state.forgot;
    if (f.request.in_progress()) return;
    f.email_error = IsValidEmail(f.email) ? "" : "Enter the email of your account.";
    f.error.clear();
    if (!f.email_error.empty()) return;
    f.request.Start();
    m_state.requests_in_flight++;
    m_client.Forgot(f.email, [this](Result<Unit> result) {
        m_state.requests_in_flight--;
        ForgotScreen& screen = m_state.forgot;
        if (!result) {
            screen.request.Fail(result.error());
            screen.error = HumanMessage(result.error());
            return;
        }
        screen.request.Succeed();
        ResetScreen& r = m_state.reset;
        r = ResetScreen{};
        r.email = screen.email;
        r.notice = "If an account uses " + screen.email + ", a code is on its way.";
        Navigate({ui::Screen::kReset, {}});
    });
}

void Controller::Reset() {
    ResetScreen& r = m_state.reset;
    if (r.request.in_progress()) return;
    r.email_error = IsValidEmail(r.email) ? "" : "Enter the email of your account.";
    r.code_error = IsSixDigitCode(r.code) ? "" : "Enter the 6-digit code from the email.";
    r.password_error = IsValidPassword(r.password, "") ? "" : "Meet every rule below to continue.";
    r.error.clear();
    if (!r.email_error.empty() || !r.code_error.empty() || !r.password_error.empty()) return;
    r.request.Start();
    m_state.requests_in_flight++;
    m_client.Reset(r.email, r.code, r.password, [this](Result<Unit> result) {
        m_state.requests_in_flight--;
        ResetScreen& screen = m_state.reset;
        if (!result) {
            const Error& e = result.error();
            screen.request.Fail(e);
            if (e.code == "invalid_code" || e.code == "code_expired" ||
                e.code == "too_many_attempts")
                screen.code_error = HumanMessage(e);
            else if (e.code == "weak_password")
                screen.password_error = HumanMessage(e);
            else
                screen.error = HumanMessage(e);
            return;
        }
        const std::string password = std::move(screen.password);
        screen.password.clear();
        screen.code.clear();
        ShowToast("success", "Your password is changed.");
        SignInAfter(screen.email, password, &screen.request, &screen.error);
    });
}

}  // namespace skyloom::app
