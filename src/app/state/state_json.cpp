#include <nlohmann/json.hpp>

#include "state/app_state.h"

namespace skyloom::app {

std::string RouteName(const ui::Route& route) {
    std::string hash = ui::FormatRoute(route);  // "#/post/42"
    const size_t start = hash.find('/') + 1;
    return hash.substr(start, hash.find('/', start) - start);
}

namespace {

// Inline messages on the current screen count as messages the user sees now.
std::vector<std::pair<const char*, const std::string*>> InlineMessages(const AppState& s) {
    switch (s.location.screen) {
        case ui::Screen::kLogin:
            return {{"error", &s.sign_in.login_error},
                    {"error", &s.sign_in.password_error},
                    {"error", &s.sign_in.error}};
        case ui::Screen::kSignup:
            return {{"error", &s.sign_up.username_error},
                    {"error", &s.sign_up.email_error},
                    {"error", &s.sign_up.password_error},
                    {"error", &s.sign_up.error}};
        case ui::Screen::kVerify:
            return {{"error", &s.verify.username_error},
                    {"error", &s.verify.code_error},
                    {"success", &s.verify.notice}};
        case ui::Screen::kForgot:
            return {{"error", &s.forgot.email_error}, {"error", &s.forgot.error}};
        case ui::Screen::kReset:
            return {{"success", &s.reset.notice},
                    {"error", &s.reset.email_error},
                    {"error", &s.reset.code_error},
                    {"error", &s.reset.password_error},
                    {"error", &s.reset.error}};
        case ui::Screen::kFeed:
        case ui::Screen::kMe:
        case ui::Screen::kPost:
            return {{"error", &s.feed.composer.error}};
    }
    return {};
}

}  // namespace

std::string StateJson(const AppState& state) {
    nlohmann::json j;
    j["route"] = RouteName(state.location);
    j["user"] = state.user ? nlohmann::json(*state.user) : nlohmann::json(nullptr);
    j["busy"] = state.requests_in_flight;
    nlohmann::json toasts = nlohmann::json::array();
    for (const Toast& t : state.toasts) toasts.push_back({{"kind", t.kind}, {"text", t.text}});
    for (const auto& [kind, text] : InlineMessages(state))
        if (!text->empty()) toasts.push_back({{"kind", kind}, {"text", *text}});
    const ui::FeedModel& model = state.feed.Model(state.feed_tab());
    if (model.status().failed())
        toasts.push_back({{"kind", "error"}, {"text", model.status().error.message}});
    j["toasts"] = std::move(toasts);

    const bool me = state.feed_tab() == FeedTab::kMe;
    nlohmann::json posts = nlohmann::json::array();
    for (const Post& p : model.posts())
        posts.push_back(
            {{"id", p.id}, {"author", p.author.username}, {"text", p.text}, {"has_image", false}});
    j["feed"] = {{"tab", me ? "me" : "explore"},
                 {"posts", std::move(posts)},
                 {"loading", model.status().in_progress()},
                 {"reached_end", model.reached_end()},
                 {"last_visible_row", state.feed.last_visible_row}};
    j["composer"] = {{"draft", state.feed.composer.draft},
                     {"busy", state.feed.composer.request.in_progress()}};
    j["verify"] = {{"code", state.verify.code}, {"resend_at_ms", state.verify.resend_at_ms}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace skyloom::app
