#include "ui/route.h"

#include <array>

namespace skyloom::ui {
namespace {

struct RouteName {
    Screen screen;
    std::string_view path;
    std::string_view title;
};

constexpr std::array<RouteName, 14> kRoutes = {{
    {Screen::kLogin, "login", "Sign in"},
    {Screen::kSignup, "signup", "Sign up"},
    {Screen::kVerify, "verify", "Verify your email"},
    {Screen::kForgot, "forgot", "Forgot password"},
    {Screen::kReset, "reset", "Reset password"},
    {Screen::kFeed, "feed", "Explore"},
    {Screen::kMe, "me", "My posts"},
    {Screen::kPost, "post", "Post"},
    {Screen::kGroups, "groups", "Groups"},
    {Screen::kGroup, "g", "Group"},
    {Screen::kUser, "u", "Portfolio"},
    {Screen::kFollowing, "following", "Following"},
    {Screen::kNotifications, "notifications", "Notifications"},
    {Screen::kSettings, "settings", "Settings"},
}};

// Screens whose route carries a numeric id ("#/post/42", "#/g/7").
bool TakesId(Screen screen) {
    return screen == Screen::kPost || screen == Screen::kGroup;
}

// Screens whose route carries a username ("#/u/ada"): the server's username characters.
bool TakesUsername(Screen screen) {
    return screen == Screen::kUser;
}

bool IsUsernameParam(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
        if (!ok) return false;
    }
    return true;
}

bool IsDigits(std::string_view text) {
    if (text.empty() || text.size() > 18) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

Route ParseRoute(std::string_view hash, Route fallback) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (!hash.empty() && hash.front() == '/') hash.remove_prefix(1);
    while (!hash.empty() && hash.back() == '/') hash.remove_suffix(1);
    std::string_view head = hash.substr(0, hash.find('/'));
    std::string_view rest = hash.find('/') == std::string_view::npos
                                ? std::string_view()
                                : hash.substr(hash.find('/') + 1);
    for (const RouteName& route : kRoutes) {
        if (route.path != head) continue;
        if (TakesId(route.screen)) {
            if (!IsDigits(rest)) return fallback;
            return Route{route.screen, std::string(rest)};
        }
        if (TakesUsername(route.screen)) {
            if (!IsUsernameParam(rest)) return fallback;
            return Route{route.screen, std::string(rest)};
        }
        if (!rest.empty()) return fallback;
        return Route{route.screen, {}};
    }
    return fallback;
}

std::string FormatRoute(const Route& route) {
    for (const RouteName& name : kRoutes) {
        if (name.screen != route.screen) continue;
        std::string out = "#/" + std::string(name.path);
        if (TakesId(route.screen) || TakesUsername(route.screen)) out += "/" + route.param;
        return out;
    }
    return "#/login";
}

std::string PageTitle(const Route& route) {
    for (const RouteName& name : kRoutes) {
        if (name.screen != route.screen) continue;
        if (TakesUsername(route.screen))
            return "@" + route.param + " \xc2\xb7 Skyloom";  // "@ada · Skyloom"
        return std::string(name.title) + " \xc2\xb7 Skyloom";
    }
    return "Skyloom";
}

bool IsPublic(Screen screen) {
    switch (screen) {
        case Screen::kLogin:
        case Screen::kSignup:
        case Screen::kVerify:
        case Screen::kForgot:
        case Screen::kReset:
            return true;
        default:
            return false;
    }
}

}  // namespace skyloom::ui
