#include <nlohmann/json.hpp>

#include "state/app_state.h"

namespace skyloom::app {

std::string RouteName(const ui::Route& route) {
    std::string hash = ui::FormatRoute(route);  // "#/post/42"
    const size_t start = hash.find('/') + 1;
    return hash.substr(start, hash.find('/', start) - start);
}

std::string StateJson(const AppState& state) {
    nlohmann::json j;
    j["route"] = RouteName(state.location);
    j["user"] = state.user ? nlohmann::json(*state.user) : nlohmann::json(nullptr);
    j["busy"] = state.requests_in_flight;
    nlohmann::json toasts = nlohmann::json::array();
    for (const Toast& t : state.toasts) toasts.push_back({{"kind", t.kind}, {"text", t.text}});
    // Inline field errors count as messages the user sees now.
    if (state.location.screen == ui::Screen::kLogin) {
        for (const std::string* text : {&state.sign_in.login_error, &state.sign_in.password_error,
                                        &state.sign_in.error})
            if (!text->empty()) toasts.push_back({{"kind", "error"}, {"text", *text}});
    }
    j["toasts"] = std::move(toasts);
    j["feed"] = {{"tab", "explore"}, {"posts", nlohmann::json::array()}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace skyloom::app
