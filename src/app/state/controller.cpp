#include "state/controller.h"

#include "platform/platform.h"

namespace skyloom::app {

Controller::Controller(AppState& state, ApiClient& client) : m_state(state), m_client(client) {
    m_client.OnSessionChanged([](const std::string& refresh_token) {
        if (refresh_token.empty())
            platform::StorageRemove(kRefreshTokenKey);
        else
            platform::StorageSet(kRefreshTokenKey, refresh_token);
    });
}

void Controller::Start() {
    const std::string hash = platform::CurrentHash();
    const std::optional<std::string> token = platform::StorageGet(kRefreshTokenKey);
    if (token && !token->empty()) {
        m_restoring = true;
        m_state.requests_in_flight++;
        m_client.SetSession("", *token);
        m_client.Refresh([this, hash](Result<AuthSession> result) {
            m_state.requests_in_flight--;
            m_restoring = false;
            if (result) {
                OnSignedIn(result.value());
                const ui::Route wanted = ui::ParseRoute(hash, {ui::Screen::kFeed, {}});
                Navigate(!ui::IsPublic(wanted.screen) ? wanted : ui::Route{ui::Screen::kFeed, {}}, false);
            } else {
                m_client.ClearSession();
                platform::StorageRemove(kRefreshTokenKey);
                Navigate(ui::ParseRoute(hash, Fallback()), false);
            }
        });
    }
    // Until a restore finishes, show the requested screen (or sign-in) rather than nothing.
    Navigate(ui::ParseRoute(hash, Fallback()), false);
}

void Controller::OnHashChanged(const std::string& hash) { Navigate(ui::ParseRoute(hash, Fallback()), false); }

ui::Route Controller::Fallback() const {
    return m_state.user ? ui::Route{ui::Screen::kFeed, {}} : ui::Route{ui::Screen::kLogin, {}};
}

void Controller::Navigate(const ui::Route& requested, bool push) {
    ui::Route location = requested;
    if (!ui::IsPublic(location.screen) && !m_state.user && !m_restoring)
        location = {ui::Screen::kLogin, {}};
    if (ui::IsPublic(location.screen) && m_state.user &&
        (location.screen == ui::Screen::kLogin || location.screen == ui::Screen::kSignup))
        location = {ui::Screen::kFeed, {}};
    platform::SetHash(ui::FormatRoute(location), push && !(location == m_state.location));
    ShowRoute(location);
}

void Controller::ShowRoute(const ui::Route& location) {
    if (location.screen == ui::Screen::kLogin && !(m_state.location == location))
        m_state.sign_in.focus_login = true;
    m_state.location = location;
    platform::SetTitle(ui::PageTitle(location));
    platform::RequestFrames();
}

void Controller::Handle(SignInAction action) {
    switch (action) {
        case SignInAction::None: break;
        case SignInAction::Submit: SignIn(); break;
        case SignInAction::GoToSignUp: Navigate({ui::Screen::kSignup, {}}); break;
        case SignInAction::GoToForgot: Navigate({ui::Screen::kForgot, {}}); break;
    }
}

void Controller::Handle(TopBarAction action) {
    switch (action) {
        case TopBarAction::None: break;
        case TopBarAction::SignOut: SignOut(); break;
        case TopBarAction::Home: Navigate(Fallback()); break;
    }
}

void Controller::SignIn() {
    SignInScreen& s = m_state.sign_in;
    if (s.request.in_progress()) return;
    s.login_error = s.login.empty() ? "Enter your username or email." : "";
    s.password_error = s.password.empty() ? "Enter your password." : "";
    if (!s.login_error.empty() || !s.password_error.empty()) return;
    s.request.Start();
    s.error.clear();
    m_state.requests_in_flight++;
    m_client.Login(s.login, s.password, [this](Result<AuthSession> result) {
        m_state.requests_in_flight--;
        SignInScreen& screen = m_state.sign_in;
        if (!result) {
            screen.error = HumanMessage(result.error());
            screen.request.Fail(result.error());
            return;
        }
        screen.request.Succeed();
        screen.error.clear();
        screen.password.clear();
        screen.show_password = false;
        OnSignedIn(result.value());
        Navigate({ui::Screen::kFeed, {}});
    });
}

void Controller::OnSignedIn(const AuthSession& session) { m_state.user = session.user.username; }

void Controller::SignOut() {
    m_state.requests_in_flight++;
    m_client.Logout([this](Result<Unit> result) {
        m_state.requests_in_flight--;
        // Signed out locally either way; a failed revoke only means the token expires by itself.
        (void)result;
    });
    m_client.ClearSession();
    platform::StorageRemove(kRefreshTokenKey);
    m_state.user.reset();
    ShowToast("info", "You are signed out.");
    Navigate({ui::Screen::kLogin, {}});
}

void Controller::ShowToast(std::string kind, std::string text) {
    m_state.toasts.push_back({std::move(kind), std::move(text), platform::NowMs() + kToastMs});
    platform::SetTimeout(kToastMs + 50.0, [] {});  // wake to remove it
}

void Controller::Update(double now_ms) {
    std::erase_if(m_state.toasts,
                  [now_ms](const Toast& t) { return t.expires_at_ms > 0 && t.expires_at_ms <= now_ms; });
}

std::string Controller::HumanMessage(const Error& error) {
    if (error.http_status == 0 && error.code == "network_error")
        return "Can't reach Skyloom right now. Check your connection and try again.";
    if (!error.message.empty()) return error.message;
    return "Something went wrong (" + error.code + "). Please try again.";
}

}  // namespace skyloom::app
