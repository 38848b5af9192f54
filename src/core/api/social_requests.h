// Pure builders for the social API (issue 5): portfolios, subscriptions, meme templates,
// notifications and settings. No I/O, no state; tested natively like requests.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/http.h"
#include "meme/meme_spec.h"

namespace skyloom::api {

struct TemplateQuery {
    std::string q;       // name search, empty: all
    std::string cursor;  // from the previous page's next_cursor
    int limit = 30;
};

struct NewTemplate {
    std::string name;
    std::string media_id;                         // one of the caller's uploads
    std::optional<std::vector<MemeBox>> boxes{};  // default: top and bottom boxes
};

struct NotificationQuery {
    std::string cursor;
    int limit = 20;
};

[[nodiscard]] HttpRequest GetProfile(const std::string& username);
[[nodiscard]] HttpRequest Subscribe(const std::string& username);
[[nodiscard]] HttpRequest Unsubscribe(const std::string& username);
[[nodiscard]] HttpRequest ListTemplates(const TemplateQuery& query);
[[nodiscard]] HttpRequest CreateTemplate(const NewTemplate& tmpl);
[[nodiscard]] HttpRequest ListNotifications(const NotificationQuery& query);
[[nodiscard]] HttpRequest MarkNotificationsRead(const std::vector<std::string>& ids);
[[nodiscard]] HttpRequest MarkAllNotificationsRead();
[[nodiscard]] HttpRequest GetSettings();
[[nodiscard]] HttpRequest UpdateSettings(bool email_notifications);

// PATCH /me/settings with only the fields that are set (at least one).
struct SettingsPatch {
    std::optional<bool> email_notifications;
    std::optional<bool> blur_sensitive;
};
[[nodiscard]] HttpRequest UpdateSettings(const SettingsPatch& patch);

}  // namespace skyloom::api
