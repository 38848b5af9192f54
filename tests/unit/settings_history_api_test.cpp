// The settings screen's API pieces (issues 5 and 6): partial settings updates, the
// blur_sensitive setting, and the AI inference log's requests and parsers.
#include <gtest/gtest.h>

#include "api/ai_history.h"
#include "api/social_requests.h"
#include "api/social_responses.h"

namespace skyloom {
namespace {

TEST(SettingsRequests, PatchSendsOnlyTheFieldsThatAreSet) {
    api::SettingsPatch blur;
    blur.blur_sensitive = false;
    HttpRequest request = api::UpdateSettings(blur);
    EXPECT_EQ(request.method, "PATCH");
    EXPECT_EQ(request.path, "/api/v1/me/settings");
    EXPECT_EQ(Json::parse(request.body), Json({{"blur_sensitive", false}}));
    api::SettingsPatch both;
    both.email_notifications = true;
    both.blur_sensitive = true;
    EXPECT_EQ(Json::parse(api::UpdateSettings(both).body),
              Json({{"email_notifications", true}, {"blur_sensitive", true}}));
}

TEST(SettingsResponses, BlurSensitiveDefaultsOnAndRoundTrips) {
    auto old_server = api::ParseSettingsResponse({200, R"({"email_notifications":true})", ""});
    ASSERT_TRUE(old_server.ok());
    EXPECT_TRUE(old_server.value().blur_sensitive) << "absent means the safe default";
    UserSettings settings;
    settings.email_notifications = false;
    settings.blur_sensitive = false;
    auto parsed = api::ParseSettingsResponse({200, DumpJson(ToJson(settings)), ""});
    ASSERT_TRUE(parsed.ok());
    EXPECT_FALSE(parsed.value().email_notifications);
    EXPECT_FALSE(parsed.value().blur_sensitive);
    EXPECT_FALSE(api::ParseSettingsResponse(
                     {200, R"({"email_notifications":true,"blur_sensitive":"yes"})", ""})
                     .ok());
}

TEST(AiHistoryRequests, ListAndDelete) {
    api::AiHistoryQuery query;
    query.cursor = "41";
    query.limit = 10;
    EXPECT_EQ(api::ListAiHistory(query).path, "/api/v1/ai/history?limit=10&cursor=41");
    EXPECT_EQ(api::ListAiHistory({}).path, "/api/v1/ai/history?limit=20");
    EXPECT_EQ(api::DeleteAiHistory().method, "DELETE");
    EXPECT_EQ(api::DeleteAiHistory().path, "/api/v1/ai/history");
    HttpRequest one = api::DeleteAiHistoryEntry("7");
    EXPECT_EQ(one.method, "DELETE");
    EXPECT_EQ(one.path, "/api/v1/ai/history/7");
}

TEST(AiHistoryResponses, ParsesPagesAndDeletionCounts) {
    const char* body = R"({"items":[
        {"id":"9","kind":"autofill","input":"Once upon","output":" a time","provider":"builtin",
         "model":"trigram","status":"ok","latency_ms":3,"created_at":"2026-11-24T00:00:00.000Z"},
        {"id":"8","kind":"chat","input":"hi","output":"","provider":"builtin","model":"trigram",
         "status":"error","latency_ms":1,"created_at":"2026-11-23T23:00:00.000Z",
         "error_code":"upstream_timeout"}],
        "next_cursor":"8"})";
    auto page = api::ParseInferencePageResponse({200, body, ""});
    ASSERT_TRUE(page.ok()) << page.error().message;
    ASSERT_EQ(page.value().items.size(), 2u);
    EXPECT_EQ(page.value().items[0].kind, "autofill");
    EXPECT_EQ(page.value().items[0].output, " a time");
    EXPECT_EQ(page.value().items[0].latency_ms, 3);
    EXPECT_EQ(page.value().items[1].status, "error");
    EXPECT_EQ(page.value().next_cursor, "8");

    auto last = api::ParseInferencePageResponse({200, R"({"items":[],"next_cursor":null})", ""});
    ASSERT_TRUE(last.ok());
    EXPECT_TRUE(last.value().next_cursor.empty());

    EXPECT_FALSE(api::ParseInferencePageResponse({200, R"({"items":{}})", ""}).ok());
    EXPECT_FALSE(api::ParseInferencePageResponse({200, R"({"items":[{"kind":"chat"}]})", ""}).ok());
    auto denied = api::ParseInferencePageResponse(
        {401, R"({"error":{"code":"unauthorized","message":"Sign in"}})", ""});
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().http_status, 401);

    auto deleted = api::ParseDeletedCountResponse({200, R"({"deleted":4})", ""});
    ASSERT_TRUE(deleted.ok());
    EXPECT_EQ(deleted.value(), 4);
    EXPECT_FALSE(api::ParseDeletedCountResponse({200, R"({"deleted":"4"})", ""}).ok());
}

}  // namespace
}  // namespace skyloom
