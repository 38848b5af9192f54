// Screen routes and their URL hashes ("#/login", "#/post/ID", ...). Pure; unit-testable natively.
#pragma once

#include <string>

namespace skyloom::app {

enum class Route { Login, Signup, Verify, Forgot, Feed, Me, Post };

struct Location {
    Route route = Route::Login;
    std::string post_id;  // Route::Post only
    bool operator==(const Location&) const = default;
};

// Unknown or empty hashes land on `fallback` (sign-in when signed out, feed when signed in).
[[nodiscard]] Location ParseHash(const std::string& hash, Location fallback);
[[nodiscard]] std::string ToHash(const Location& location);
[[nodiscard]] const char* RouteName(Route route);   // "login", "feed", ... (bridge state)
[[nodiscard]] std::string PageTitle(const Location& location);
[[nodiscard]] bool NeedsSession(Route route);        // feed, me, post

}  // namespace skyloom::app
