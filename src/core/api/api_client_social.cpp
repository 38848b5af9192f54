// ApiClient's social calls (declared in api_client.h): each builds its request with
// social_requests.h, sends it signed (with transparent refresh) and parses the answer.
#include "api/api_client.h"
#include "api/responses.h"
#include "api/social_responses.h"

namespace skyloom {
namespace {

template <typename T>
ResponseCallback Parsed(Callback<T> done, Result<T> (*parse)(const HttpResponse&)) {
    return [done = std::move(done), parse](HttpResponse r) { done(parse(r)); };
}

}  // namespace

void ApiClient::GetProfile(const std::string& username, Callback<UserProfile> done) {
    SendAuthorized(api::GetProfile(username), Parsed(std::move(done), api::ParseProfileResponse));
}

void ApiClient::Subscribe(const std::string& username, Callback<Unit> done) {
    SendAuthorized(api::Subscribe(username), Parsed(std::move(done), api::ParseEmptyResponse));
}

void ApiClient::Unsubscribe(const std::string& username, Callback<Unit> done) {
    SendAuthorized(api::Unsubscribe(username), Parsed(std::move(done), api::ParseEmptyResponse));
}

void ApiClient::ListTemplates(const api::TemplateQuery& query, Callback<TemplatePage> done) {
    SendAuthorized(api::ListTemplates(query),
                   Parsed(std::move(done), api::ParseTemplatePageResponse));
}

void ApiClient::CreateTemplate(const api::NewTemplate& tmpl, Callback<MemeTemplate> done) {
    SendAuthorized(api::CreateTemplate(tmpl), Parsed(std::move(done), api::ParseTemplateResponse));
}

void ApiClient::ListNotifications(const api::NotificationQuery& query,
                                  Callback<NotificationPage> done) {
    SendAuthorized(api::ListNotifications(query),
                   Parsed(std::move(done), api::ParseNotificationPageResponse));
}

void ApiClient::MarkNotificationsRead(const std::vector<std::string>& ids, Callback<int64_t> done) {
    SendAuthorized(api::MarkNotificationsRead(ids),
                   Parsed(std::move(done), api::ParseUnreadCountResponse));
}

void ApiClient::MarkAllNotificationsRead(Callback<int64_t> done) {
    SendAuthorized(api::MarkAllNotificationsRead(),
                   Parsed(std::move(done), api::ParseUnreadCountResponse));
}

void ApiClient::GetSettings(Callback<UserSettings> done) {
    SendAuthorized(api::GetSettings(), Parsed(std::move(done), api::ParseSettingsResponse));
}

void ApiClient::UpdateSettings(bool email_notifications, Callback<UserSettings> done) {
    SendAuthorized(api::UpdateSettings(email_notifications),
                   Parsed(std::move(done), api::ParseSettingsResponse));
}

void ApiClient::UpdateSettings(const api::SettingsPatch& patch, Callback<UserSettings> done) {
    SendAuthorized(api::UpdateSettings(patch), Parsed(std::move(done), api::ParseSettingsResponse));
}

}  // namespace skyloom
