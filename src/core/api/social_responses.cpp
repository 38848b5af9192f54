#include "api/social_responses.h"

#include "api/responses.h"

namespace skyloom::api {
namespace {

// A 2xx body as JSON (under `key` when given), or the response's Error.
Result<Json> Body(const HttpResponse& response, const char* key) {
    if (response.status < 200 || response.status >= 300) return ErrorFromResponse(response);
    Result<Json> json = ParseJsonText(response.body);
    if (!json || !json.value().is_object()) {
        return Error{"malformed_response", "The server sent an unreadable answer", response.status};
    }
    if (key == nullptr) return json;
    auto it = json.value().find(key);
    if (it == json.value().end()) {
        return Error{"malformed_response", "The server's answer lacks its content",
                     response.status};
    }
    return Json(*it);
}

template <typename T, typename Parser>
Result<T> Parse(const HttpResponse& response, const char* key, Parser parse) {
    Result<Json> body = Body(response, key);
    if (!body) return body.error();
    return parse(body.value());
}

}  // namespace

Result<UserProfile> ParseProfileResponse(const HttpResponse& response) {
    return Parse<UserProfile>(response, nullptr, ParseUserProfile);
}

Result<MemeTemplate> ParseTemplateResponse(const HttpResponse& response) {
    return Parse<MemeTemplate>(response, "template", ParseTemplate);
}

Result<TemplatePage> ParseTemplatePageResponse(const HttpResponse& response) {
    return Parse<TemplatePage>(response, nullptr, ParseTemplatePage);
}

Result<NotificationPage> ParseNotificationPageResponse(const HttpResponse& response) {
    return Parse<NotificationPage>(response, nullptr, ParseNotificationPage);
}

Result<int64_t> ParseUnreadCountResponse(const HttpResponse& response) {
    return Parse<int64_t>(response, "unread_count", [](const Json& j) -> Result<int64_t> {
        if (!j.is_number_integer()) {
            return Error{"malformed_response", "The server sent an unreadable unread count", 0};
        }
        return j.get<int64_t>();
    });
}

Result<UserSettings> ParseSettingsResponse(const HttpResponse& response) {
    return Parse<UserSettings>(response, nullptr, ParseUserSettings);
}

}  // namespace skyloom::api
