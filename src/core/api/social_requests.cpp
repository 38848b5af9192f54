#include "api/social_requests.h"

#include "api/requests.h"
#include "model/models.h"

namespace skyloom::api {
namespace {

HttpRequest Make(const char* method, const std::string& path) {
    HttpRequest request;
    request.method = method;
    request.path = std::string(kApiPrefix) + path;
    return request;
}

HttpRequest MakeJson(const char* method, const std::string& path, const Json& body) {
    HttpRequest request = Make(method, path);
    request.body = DumpJson(body);
    request.headers.emplace_back("Content-Type", "application/json");
    return request;
}

}  // namespace

HttpRequest GetProfile(const std::string& username) {
    return Make("GET", "/users/" + UrlEncode(username));
}

HttpRequest Subscribe(const std::string& username) {
    return Make("PUT", "/users/" + UrlEncode(username) + "/subscription");
}

HttpRequest Unsubscribe(const std::string& username) {
    return Make("DELETE", "/users/" + UrlEncode(username) + "/subscription");
}

HttpRequest ListTemplates(const TemplateQuery& query) {
    std::string path = "/templates?limit=" + std::to_string(query.limit);
    if (!query.q.empty()) path += "&q=" + UrlEncode(query.q);
    if (!query.cursor.empty()) path += "&cursor=" + UrlEncode(query.cursor);
    return Make("GET", path);
}

HttpRequest CreateTemplate(const NewTemplate& tmpl) {
    Json body = {{"name", tmpl.name}, {"media_id", tmpl.media_id}};
    if (tmpl.boxes) {
        Json boxes = Json::array();
        for (const MemeBox& box : *tmpl.boxes) boxes.push_back(ToJson(box));
        body["boxes"] = std::move(boxes);
    }
    return MakeJson("POST", "/templates", body);
}

HttpRequest ListNotifications(const NotificationQuery& query) {
    std::string path = "/notifications?limit=" + std::to_string(query.limit);
    if (!query.cursor.empty()) path += "&cursor=" + UrlEncode(query.cursor);
    return Make("GET", path);
}

HttpRequest MarkNotificationsRead(const std::vector<std::string>& ids) {
    return MakeJson("POST", "/notifications/read", {{"ids", ids}});
}

HttpRequest MarkAllNotificationsRead() {
    return MakeJson("POST", "/notifications/read", {{"all", true}});
}

HttpRequest GetSettings() {
    return Make("GET", "/me/settings");
}

HttpRequest UpdateSettings(bool email_notifications) {
    SettingsPatch patch;
    patch.email_notifications = email_notifications;
    return UpdateSettings(patch);
}

HttpRequest UpdateSettings(const SettingsPatch& patch) {
    Json body = Json::object();
    if (patch.email_notifications) body["email_notifications"] = *patch.email_notifications;
    if (patch.blur_sensitive) body["blur_sensitive"] = *patch.blur_sensitive;
    return MakeJson("PATCH", "/me/settings", body);
}

}  // namespace skyloom::api
