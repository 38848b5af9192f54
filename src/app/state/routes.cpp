#include "state/routes.h"

#include <array>
#include <utility>

namespace skyloom::app {
namespace {
constexpr std::array<std::pair<Route, const char*>, 7> kRouteNames = {{
    {Route::Login, "login"},
    {Route::Signup, "signup"},
    {Route::Verify, "verify"},
    {Route::Forgot, "forgot"},
    {Route::Feed, "feed"},
    {Route::Me, "me"},
    {Route::Post, "post"},
}};
constexpr const char* kSiteName = "Skyloom";
}  // namespace

Location ParseHash(const std::string& hash, Location fallback) {
    std::string path = hash;
    if (path.rfind("#", 0) == 0) path.erase(0, 1);
    if (path.rfind("/", 0) == 0) path.erase(0, 1);
    if (path.rfind("post/", 0) == 0) {
        std::string id = path.substr(5);
        if (id.empty() || id.find('/') != std::string::npos) return fallback;
        return {Route::Post, id};
    }
    for (const auto& [route, name] : kRouteNames)
        if (route != Route::Post && path == name) return {route, {}};
    return fallback;
}

std::string ToHash(const Location& location) {
    if (location.route == Route::Post) return "#/post/" + location.post_id;
    return std::string("#/") + RouteName(location.route);
}

const char* RouteName(Route route) {
    for (const auto& [r, name] : kRouteNames)
        if (r == route) return name;
    return "login";
}

std::string PageTitle(const Location& location) {
    const char* screen = "";
    switch (location.route) {
        case Route::Login: screen = "Sign in"; break;
        case Route::Signup: screen = "Sign up"; break;
        case Route::Verify: screen = "Verify your email"; break;
        case Route::Forgot: screen = "Reset password"; break;
        case Route::Feed: screen = "Explore"; break;
        case Route::Me: screen = "My posts"; break;
        case Route::Post: screen = "Post"; break;
    }
    return std::string(screen) + " \xC2\xB7 " + kSiteName;  // U+00B7 middle dot
}

bool NeedsSession(Route route) {
    return route == Route::Feed || route == Route::Me || route == Route::Post;
}

}  // namespace skyloom::app
