// App routes as URL hashes ("#/login", "#/post/42"), parsed and formatted without a browser so
// routing is unit-tested natively. The platform layer only reads/writes location.hash.
#pragma once

#include <string>
#include <string_view>

namespace skyloom::ui {

enum class Screen {
    kLogin,
    kSignup,
    kVerify,
    kForgot,
    kReset,
    kFeed,
    kMe,
    kPost,    // param: post id
    kGroups,  // the list of groups
    kGroup,   // param: group id
    kChat,    // the AI persona chat
    // Meme editor (issue 5): "#/meme/new", and "#/meme/remix/POST_ID" (param: the post id).
    kMemeNew,
    kMemeRemix,
    // Social (issue 5/6): portfolios, the Following feed, notifications, settings.
    kUser,           // param: username ("#/u/ada")
    kFollowing,      // the feed of creators the user subscribes to
    kNotifications,  // the notification list
    kSettings,       // email notifications, blur, AI history
};

struct Route {
    Screen screen = Screen::kLogin;
    std::string param;  // e.g. the post id for kPost
    friend bool operator==(const Route&, const Route&) = default;
};

// Unknown or malformed hashes fall back to `fallback` (the feed when signed in, else login).
[[nodiscard]] Route ParseRoute(std::string_view hash, Route fallback);
[[nodiscard]] std::string FormatRoute(const Route& route);  // "#/post/42"
[[nodiscard]] std::string PageTitle(const Route& route);    // "Sign in · Skyloom"
// The screens of signing in and up (a signed-in user is sent on to the feed).
[[nodiscard]] bool IsAuthScreen(Screen screen);
// Screens a signed-out visitor may see: the auth screens and the content everyone can read
// (Explore, a post, a portfolio, groups). Others ask the visitor to sign in first.
[[nodiscard]] bool IsPublic(Screen screen);

}  // namespace skyloom::ui
