// The bar across the top of every screen: the Skyloom mark, and the signed-in user with
// Sign out on the right; signed in, also the notification bell and Settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

enum class TopBarAction {
    None,
    SignOut,
    Home,
    MakeMeme,
    Notifications,
    Settings,
    MyPortfolio,
    SignIn,  // a visitor's buttons
    SignUp,
};

// `unread`: the bell's badge (notifications not yet read). `show_join`: signed out on a page
// everyone can read, so the bar offers Sign in and Sign up.
[[nodiscard]] TopBarAction DrawTopBar(const ui::FontSet& fonts,
                                      const std::optional<std::string>& user, bool busy,
                                      int64_t unread = 0, bool show_join = false);

}  // namespace skyloom::app
