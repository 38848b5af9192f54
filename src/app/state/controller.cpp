// Controller: session, routing and toasts. Auth flows live in controller_auth.cpp, feeds in
// controller_feed.cpp.
#include "state/controller.h"

#include <cmath>

#include "platform/platform.h"

namespace skyloom::app {

Controller::Controller(AppState& state, ApiClient& client) : m_state(state), m_client(client) {
    // Every rotation (login, transparent refresh, logout) is persisted, so a reload resumes.
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
        m_state.restoring = true;
        m_state.requests_in_flight++;
        m_client.SetSession("", *token);
        m_client.Refresh([this, hash](Result<AuthSession> result) {
            m_state.requests_in_flight--;
            m_state.restoring = false;
            if (result) {
                OnSignedIn(result.value());
                const ui::Route wanted = ui::ParseRoute(hash, {ui::Screen::kFeed, {}});
                Navigate(
                    ui::IsAuthScreen(wanted.screen) ? ui::Route{ui::Screen::kFeed, {}} : wanted,
                    false);
            } else {
                EndSessionLocally();
                Navigate(ui::ParseRoute(hash, Fallback()), false);
            }
        });
    }
    // Until a restore finishes, show the requested screen (or sign-in) rather than nothing.
    Navigate(ui::ParseRoute(hash, Fallback()), false);
}

void Controller::OnHashChanged(const std::string& hash) {
    Navigate(ui::ParseRoute(hash, Fallback()), false);
}

ui::Route Controller::Fallback() const {
    return ui::Route{ui::Screen::kFeed, {}};  // Explore, for members and visitors alike
}

void Controller::AskSignIn(ui::Screen screen) {
    m_after_sign_in = m_state.location;  // back to exactly here afterwards
    Navigate({screen, {}});
}

void Controller::Navigate(const ui::Route& requested, bool push) {
    ui::Route location = requested;
    if (!ui::IsPublic(location.screen) && !m_state.user && !m_state.restoring) {
        m_after_sign_in = location;
        location = {ui::Screen::kLogin, {}};
    }
    if (m_state.user &&
        (location.screen == ui::Screen::kLogin || location.screen == ui::Screen::kSignup))
        location = {ui::Screen::kFeed, {}};
    platform::SetHash(ui::FormatRoute(location), push && !(location == m_state.location));
    ShowRoute(location);
}

void Controller::ShowRoute(const ui::Route& location) {
    const bool changed = !(m_state.location == location);
    if (changed) {
        switch (location.screen) {
            case ui::Screen::kLogin:
                m_state.sign_in.focus_login = true;
                break;
            case ui::Screen::kSignup:
                m_state.sign_up.focus_username = true;
                break;
            case ui::Screen::kVerify:
                m_state.verify.focus_code = true;
                break;
            case ui::Screen::kForgot:
                m_state.forgot.focus_email = true;
                break;
            case ui::Screen::kReset:
                m_state.reset.focus_code = true;
                break;
            case ui::Screen::kFeed:
            case ui::Screen::kMe:
            case ui::Screen::kGroup:
            case ui::Screen::kGroups:
            case ui::Screen::kFollowing:
                m_state.feed.scroll_target = -1;
                break;
            case ui::Screen::kPost:
            case ui::Screen::kMemeNew:
            case ui::Screen::kMemeRemix:
                break;
            case ui::Screen::kChat:
                m_state.chat.focus_draft = true;
                m_state.chat.scroll_to_end = true;
                break;
            case ui::Screen::kUser:
            case ui::Screen::kNotifications:
            case ui::Screen::kSettings:
                break;
        }
        m_state.feed.viewer.reset();  // back/forward closes the full-size image
    }
    m_state.location = location;
    // Visitors load what they may read; during a session restore the signed-in loads follow.
    const bool can_load = m_state.user.has_value() || !m_state.restoring;
    if (location.screen == ui::Screen::kPost && can_load && changed) LoadPost(location.param);
    if (can_load && changed) {
        const ui::Screen s = location.screen;
        // The picker and #/groups need the list; refresh it when entering those screens.
        if (s == ui::Screen::kGroups ||
            ((s == ui::Screen::kFeed || s == ui::Screen::kMe || s == ui::Screen::kGroup) &&
             m_state.user &&  // for the composer's group picker
             !m_state.feed.groups_request.in_progress() && m_state.feed.groups.empty()))
            LoadGroups();
        if (s == ui::Screen::kGroup) LoadGroup(location.param);
        // Social screens refresh what they show each time they open.
        if (s == ui::Screen::kUser) LoadProfile(location.param);
        if (s == ui::Screen::kNotifications) PollNotifications();
        if (s == ui::Screen::kSettings) {
            LoadSettings();
            LoadHistory(false);
        }
    }
    // Also after a reload, where the route is shown before the session is restored.
    if (m_state.user && location.screen == ui::Screen::kChat &&
        m_state.chat.history.state == ui::RequestState::kNotAttempted)
        LoadChat();
    // The meme editor opens fresh for each visit (also when a restored session arrives after
    // the route was shown) and lets go of its textures and work when left.
    const bool meme =
        location.screen == ui::Screen::kMemeNew || location.screen == ui::Screen::kMemeRemix;
    if (!meme && m_meme_route) {
        m_meme_route.reset();
        ResetMemeEditor();
    } else if (meme && (m_state.user || (!m_state.restoring && ui::IsPublic(location.screen))) &&
               !(m_meme_route && *m_meme_route == location)) {
        m_meme_route = location;
        OpenMemeEditor(location);
    }
    platform::SetTitle(ui::PageTitle(location));
    platform::RequestFrames();
}

void Controller::OnPaste(const std::string& text) {
    if (m_state.location.screen != ui::Screen::kVerify) return;
    const std::string code = ExtractCode(text);
    if (code.size() != static_cast<size_t>(kCodeDigits)) return;
    VerifyScreen& v = m_state.verify;
    v.code = code;
    v.code_error.clear();
    v.pasted = true;
    if (!v.username.empty()) Verify();  // a whole code: no need to press Verify
    platform::RequestFrames();
}

void Controller::Handle(TopBarAction action) {
    switch (action) {
        case TopBarAction::None:
            break;
        case TopBarAction::SignOut:
            SignOut();
            break;
        case TopBarAction::Home:
            Navigate(Fallback());
            break;
        case TopBarAction::MakeMeme:
            Navigate({ui::Screen::kMemeNew, {}});
            break;
        case TopBarAction::Notifications:
            Navigate({ui::Screen::kNotifications, {}});
            break;
        case TopBarAction::Settings:
            Navigate({ui::Screen::kSettings, {}});
            break;
        case TopBarAction::MyPortfolio:
            if (m_state.user) Navigate({ui::Screen::kUser, *m_state.user});
            break;
        case TopBarAction::SignIn:
            AskSignIn(ui::Screen::kLogin);
            break;
        case TopBarAction::SignUp:
            AskSignIn(ui::Screen::kSignup);
            break;
    }
}

void Controller::OnSignedIn(const AuthSession& session) {
    if (m_state.user && *m_state.user != session.user.username) {
        DiscardAttachment();
        StopChat();
        m_state.feed = FeedScreen{};
        m_state.chat = ChatScreen{};
        ResetSocialState();
    }
    const bool was_signed_in = m_state.user.has_value();
    m_state.user = session.user.username;
    if (!was_signed_in) {
        // The bell's count and the blur setting (the feed needs it) come with the session.
        StartNotificationPolling();
        LoadSettings();
        // A reload restores the session after the route was shown, so a screen opened then
        // (signed out) loads its data now.
        const ui::Route& here = m_state.location;
        if (here.screen == ui::Screen::kUser) LoadProfile(here.param);
        if (here.screen == ui::Screen::kSettings) LoadHistory(false);
    }
}

void Controller::SignOut() {
    m_state.requests_in_flight++;
    m_client.Logout([this](Result<Unit> result) {
        m_state.requests_in_flight--;
        // Signed out locally either way; a failed revoke only means the token expires by itself.
        (void)result;
    });
    EndSessionLocally();
    ShowToast("info", "You are signed out.");
    Navigate({ui::Screen::kLogin, {}});
}

void Controller::EndSessionLocally() {
    DiscardAttachment();  // cancels its processing/upload and frees the preview
    ResetMemeEditor();
    m_client.ClearSession();
    platform::StorageRemove(kRefreshTokenKey);
    m_state.user.reset();
    StopChat();
    m_state.feed = FeedScreen{};  // nothing of the last account stays in memory
    m_state.chat = ChatScreen{};  // nor of its private conversation
    ResetSocialState();
    m_signup_password.clear();
}

bool Controller::HandleSessionLost(const Error& error) {
    if (error.http_status != 401 || !m_state.user) return false;
    EndSessionLocally();
    ShowToast("error", "Your session has ended. Please sign in again.");
    Navigate({ui::Screen::kLogin, {}});
    return true;
}

void Controller::FailRequest(ui::RequestStatus& status, const Error& error) {
    if (HandleSessionLost(error)) return;
    Error e = error;
    e.message = HumanMessage(e);
    status.Fail(std::move(e));
}

void Controller::ResetSocialState() {
    m_poll_generation++;  // the poll timer of the last session stops
    m_state.portfolio = PortfolioScreen{};
    m_state.notifications = NotificationsScreen{};
    m_state.settings = SettingsScreen{};
}

void Controller::ShowToast(std::string kind, std::string text) {
    m_state.toasts.push_back({std::move(kind), std::move(text), platform::NowMs() + kToastMs});
    platform::SetTimeout(kToastMs + 50.0, [] {});  // wake to remove it
    platform::RequestFrames();
}

void Controller::Update(double now_ms) {
    std::erase_if(m_state.toasts, [now_ms](const Toast& t) {
        return t.expires_at_ms > 0 && t.expires_at_ms <= now_ms;
    });
    // The resend countdown redraws once a second while it runs, and only on its screen.
    const double wait_ms = m_state.verify.resend_at_ms - now_ms;
    if (m_state.location.screen == ui::Screen::kVerify && wait_ms > 0 && !m_countdown_timer) {
        m_countdown_timer = true;
        const double to_next_second = std::fmod(wait_ms, 1000.0) + 5.0;
        platform::SetTimeout(to_next_second, [this] { m_countdown_timer = false; });
    }
}

std::string Controller::HumanMessage(const Error& error) {
    if (error.http_status == 0 && error.code == "network_error")
        return "Can't reach Skyloom right now. Check your connection and try again.";
    if (!error.message.empty()) return error.message;
    return "Something went wrong (" + error.code + "). Please try again.";
}

}  // namespace skyloom::app
