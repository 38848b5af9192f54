// Everything the screens draw from. Screens read it and emit actions; the controller
// (state/controller.h) is the only writer outside of a screen's own form fields.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "screens/chat_screen.h"
#include "screens/feed_screen.h"
#include "screens/forgot_screen.h"
#include "screens/meme_editor.h"
#include "screens/notifications_screen.h"
#include "screens/portfolio_screen.h"
#include "screens/reset_screen.h"
#include "screens/settings_screen.h"
#include "screens/sign_in_screen.h"
#include "screens/sign_up_screen.h"
#include "screens/verify_screen.h"
#include "ui/route.h"  // core: routes <-> URL hashes

namespace skyloom::app {

struct Toast {
    std::string kind;  // "error", "info", "success"
    std::string text;
    double expires_at_ms = 0;  // 0: stays until dismissed
};

struct AppState {
    ui::Route location;               // the screen shown
    std::optional<std::string> user;  // signed-in username
    bool restoring = false;           // a stored session is being refreshed at start-up
    int requests_in_flight = 0;
    std::vector<Toast> toasts;
    SignInScreen sign_in;
    SignUpScreen sign_up;
    VerifyScreen verify;
    ForgotScreen forgot;
    ResetScreen reset;
    FeedScreen feed;
    ChatScreen chat;
    MemeEditorScreen meme;  // #/meme/new, #/meme/remix/ID
    // Social screens (issues 5/6): #/u/NAME, #/notifications (and the bell), #/settings.
    PortfolioScreen portfolio;
    NotificationsScreen notifications;
    SettingsScreen settings;
    bool fonts_ready = false;
    bool show_shortcuts = false;     // "?": the list of keyboard shortcuts is open
    std::string page_focus_request;  // a mirror node to focus on the page ("post-ID"), once

    // The feed the route shows (Me on #/me, the group's on #/g/ID, Explore otherwise).
    [[nodiscard]] FeedTab feed_tab() const {
        if (location.screen == ui::Screen::kMe) return FeedTab::kMe;
        if (location.screen == ui::Screen::kGroup) return FeedTab::kGroup;
        if (location.screen == ui::Screen::kFollowing) return FeedTab::kFollowing;
        return FeedTab::kExplore;
    }
};

// Feed images on the GPU (media/image_library.h), reported by the bridge.
struct ImageStats {
    size_t used_bytes = 0;
    size_t budget_bytes = 0;
    int ready = 0;
    int loading = 0;
    int failed = 0;
    int placeholders = 0;
};

// window.skyloom.state() for the automation bridge.
[[nodiscard]] std::string StateJson(const AppState& state, const ImageStats& images = {});
// "login", "feed", "post", ... (the first segment of the route's hash).
[[nodiscard]] std::string RouteName(const ui::Route& route);

}  // namespace skyloom::app
