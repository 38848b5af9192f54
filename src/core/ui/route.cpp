#include "ui/route.h"

#include <array>
#include <optional>

namespace skyloom::ui {
namespace {

struct RouteName {
    Screen screen;
    std::string_view path;
    std::string_view title;
};

constexpr std::array<RouteName, 15> kRoutes = {{
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
    {Screen::kChat, "chat", "Chat"},
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

// ---- meme editor routes: two path segments, so they are parsed apart from kRoutes ----------
constexpr std::string_view kMemePath = "meme";
constexpr std::string_view kMemeNewPath = "new";
constexpr std::string_view kMemeRemixPrefix = "remix/";

bool IsMemeScreen(Screen screen) {
    return screen == Screen::kMemeNew || screen == Screen::kMemeRemix;
}

// "new" or "remix/ID" (after "meme/"); nullopt when malformed.
std::optional<Route> ParseMemeRoute(std::string_view rest) {
    if (rest == kMemeNewPath) return Route{Screen::kMemeNew, {}};
    if (rest.substr(0, kMemeRemixPrefix.size()) == kMemeRemixPrefix &&
        IsDigits(rest.substr(kMemeRemixPrefix.size()))) {
        return Route{Screen::kMemeRemix, std::string(rest.substr(kMemeRemixPrefix.size()))};
    }
    return std::nullopt;
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
    if (head == kMemePath) return ParseMemeRoute(rest).value_or(fallback);
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
    if (route.screen == Screen::kMemeNew) return "#/meme/new";
    if (route.screen == Screen::kMemeRemix) return "#/meme/remix/" + route.param;
    for (const RouteName& name : kRoutes) {
        if (name.screen != route.screen) continue;
        std::string out = "#/" + std::string(name.path);
        if (TakesId(route.screen) || TakesUsername(route.screen)) out += "/" + route.param;
        return out;
    }
    return "#/login";
}

std::string PageTitle(const Route& route) {
    if (IsMemeScreen(route.screen))
        return std::string(route.screen == Screen::kMemeNew ? "Make a meme" : "Remix a meme") +
               " \xc2\xb7 Skyloom";
    for (const RouteName& name : kRoutes) {
        if (name.screen != route.screen) continue;
        if (TakesUsername(route.screen))
            return "@" + route.param + " \xc2\xb7 Skyloom";  // "@ada · Skyloom"
        return std::string(name.title) + " \xc2\xb7 Skyloom";
    }
    return "Skyloom";
}

bool IsAuthScreen(Screen screen) {
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

bool IsPublic(Screen screen) {
    switch (screen) {
        case Screen::kFeed:
        case Screen::kPost:
        case Screen::kUser:
        case Screen::kGroups:
        case Screen::kGroup:
        case Screen::kMemeNew:  // the template gallery; making a meme signs in first
            return true;
        default:
            return IsAuthScreen(screen);
    }
}

}  // namespace skyloom::ui
