// The social API in core: request builders (paths, query encoding, bodies), response parsers
// (profile, templates, notifications, settings, unread count) and model round trips; plus
// one ApiClient call through a scripted transport to check signing and parsing end to end.
#include <gtest/gtest.h>

#include <deque>

#include "api/api_client.h"
#include "api/requests.h"
#include "api/social_requests.h"
#include "api/social_responses.h"
#include "model/social.h"

namespace skyloom {
namespace {

std::string Header(const HttpRequest& request, const std::string& name) {
    for (const auto& [key, value] : request.headers)
        if (key == name) return value;
    return "";
}

MediaRef SampleMedia() {
    MediaRef media;
    media.id = std::string(64, 'b');
    media.url = "/api/v1/media/" + media.id;
    media.width = 1000;
    media.height = 750;
    media.placeholder = "LEHV6nWB2yk8";
    media.thumb_url = "/api/v1/media/" + std::string(64, 'c');
    return media;
}

TEST(SocialRequests, ProfileAndSubscriptionPaths) {
    HttpRequest profile = api::GetProfile("ada lovelace");
    EXPECT_EQ(profile.method, "GET");
    EXPECT_EQ(profile.path, "/api/v1/users/ada%20lovelace");
    HttpRequest subscribe = api::Subscribe("ada");
    EXPECT_EQ(subscribe.method, "PUT");
    EXPECT_EQ(subscribe.path, "/api/v1/users/ada/subscription");
    EXPECT_TRUE(subscribe.body.empty());
    HttpRequest unsubscribe = api::Unsubscribe("ada/x");
    EXPECT_EQ(unsubscribe.method, "DELETE");
    EXPECT_EQ(unsubscribe.path, "/api/v1/users/ada%2Fx/subscription");
}

TEST(SocialRequests, FollowingFeedAndMemePost) {
    api::PostQuery query;
    query.following = true;
    query.cursor = "cDE";
    EXPECT_EQ(api::ListPosts(query).path, "/api/v1/posts?limit=20&following=1&cursor=cDE");

    api::NewPost post;
    post.media_id = std::string(64, 'b');
    MemeSpec meme;
    meme.background.template_id = "3";
    meme.boxes = DefaultMemeBoxes();
    meme.boxes[0].text = "top";
    post.meme = meme;
    HttpRequest request = api::CreatePost(post);
    Json body = Json::parse(request.body);
    EXPECT_EQ(body["meme"]["background"]["template_id"], "3");
    EXPECT_EQ(body["meme"]["boxes"][0]["text"], "top");
    EXPECT_EQ(body["meme"]["boxes"].size(), 2u);
    EXPECT_FALSE(Json::parse(api::CreatePost(api::NewPost{"hi", "", ""}).body).contains("meme"));
}

TEST(SocialRequests, TemplatesSearchAndPublish) {
    api::TemplateQuery query;
    query.q = "two buttons&more";
    query.limit = 10;
    EXPECT_EQ(api::ListTemplates(query).path, "/api/v1/templates?limit=10&q=two%20buttons%26more");
    EXPECT_EQ(api::ListTemplates({}).path, "/api/v1/templates?limit=30");

    api::NewTemplate tmpl;
    tmpl.name = "Cat";
    tmpl.media_id = std::string(64, 'b');
    HttpRequest plain = api::CreateTemplate(tmpl);
    EXPECT_EQ(plain.method, "POST");
    EXPECT_EQ(plain.path, "/api/v1/templates");
    EXPECT_EQ(Header(plain, "Content-Type"), "application/json");
    EXPECT_FALSE(Json::parse(plain.body).contains("boxes"));  // server picks the default
    tmpl.boxes = std::vector<MemeBox>{MemeBox{}};
    Json body = Json::parse(api::CreateTemplate(tmpl).body);
    EXPECT_EQ(body["name"], "Cat");
    EXPECT_EQ(body["boxes"].size(), 1u);
    EXPECT_EQ(body["boxes"][0]["font"], "bebas");
}

TEST(SocialRequests, NotificationsAndSettings) {
    EXPECT_EQ(api::ListNotifications({"bjE", 5}).path, "/api/v1/notifications?limit=5&cursor=bjE");
    HttpRequest read = api::MarkNotificationsRead({"1", "2"});
    EXPECT_EQ(read.method, "POST");
    EXPECT_EQ(read.path, "/api/v1/notifications/read");
    EXPECT_EQ(Json::parse(read.body), Json({{"ids", {"1", "2"}}}));
    EXPECT_EQ(Json::parse(api::MarkAllNotificationsRead().body), Json({{"all", true}}));
    EXPECT_EQ(api::GetSettings().path, "/api/v1/me/settings");
    HttpRequest patch = api::UpdateSettings(false);
    EXPECT_EQ(patch.method, "PATCH");
    EXPECT_EQ(Json::parse(patch.body), Json({{"email_notifications", false}}));
}

TEST(SocialModels, TemplatePageRoundTrip) {
    MemeTemplate tmpl;
    tmpl.id = "4";
    tmpl.name = "Two buttons";
    tmpl.media = SampleMedia();
    tmpl.boxes = DefaultMemeBoxes();
    tmpl.owner = "memequeen";
    tmpl.created_at = "2026-11-23T18:00:00.000Z";
    TemplatePage page;
    page.items = {tmpl};
    page.next_cursor = "dDQ";
    Result<TemplatePage> parsed = ParseTemplatePage(Json::parse(DumpJson(ToJson(page))));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    ASSERT_EQ(parsed.value().items.size(), 1u);
    const MemeTemplate& back = parsed.value().items[0];
    EXPECT_EQ(back.name, "Two buttons");
    EXPECT_EQ(back.media.width, 1000);
    EXPECT_EQ(back.media.thumb_url, tmpl.media.thumb_url);
    EXPECT_EQ(back.boxes.size(), 2u);
    EXPECT_EQ(back.owner, "memequeen");
    EXPECT_EQ(parsed.value().next_cursor, "dDQ");
    tmpl.owner.clear();  // the publisher deleted their account
    EXPECT_TRUE(ToJson(tmpl)["owner"].is_null());
    EXPECT_TRUE(ParseTemplate(ToJson(tmpl)).value().owner.empty());
    EXPECT_FALSE(ParseTemplate(Json{{"id", "1"}, {"name", "x"}}).ok());
}

TEST(SocialModels, NotificationPageRoundTrip) {
    Notification n;
    n.id = "12";
    n.kind = "new_meme";
    n.actor = "ada";
    n.post_id = "99";
    n.text = "ada posted a new meme";
    n.thumb_url = "/api/v1/media/x";
    n.read = true;
    n.created_at = "2026-11-23T18:00:00.000Z";
    NotificationPage page;
    page.items = {n, Notification{}};
    page.items[1].id = "11";
    page.items[1].kind = "new_meme";
    page.unread_count = 7;
    Json json = ToJson(page);
    EXPECT_TRUE(json["next_cursor"].is_null());
    EXPECT_TRUE(json["items"][1]["thumb_url"].is_null());
    Result<NotificationPage> parsed = ParseNotificationPage(Json::parse(DumpJson(json)));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().unread_count, 7);
    ASSERT_EQ(parsed.value().items.size(), 2u);
    EXPECT_EQ(parsed.value().items[0].actor, "ada");
    EXPECT_EQ(parsed.value().items[0].post_id, "99");
    EXPECT_TRUE(parsed.value().items[0].read);
    EXPECT_FALSE(parsed.value().items[1].read);
    EXPECT_TRUE(parsed.value().next_cursor.empty());
}

TEST(SocialResponses, ProfileSettingsAndUnreadCount) {
    UserProfile profile;
    profile.user = User{"3", "ada", "", true, "2026-11-23T18:00:00.000Z"};
    profile.post_count = 5;
    profile.meme_count = 2;
    profile.subscriber_count = 1000;
    profile.subscribed = true;
    Json json = ToJson(profile);
    EXPECT_EQ(json["username"], "ada");  // flat fields beside `user`
    EXPECT_EQ(json["created_at"], "2026-11-23T18:00:00.000Z");
    EXPECT_FALSE(json["user"].contains("email"));
    auto parsed = api::ParseProfileResponse({200, DumpJson(json), ""});
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().user.username, "ada");
    EXPECT_EQ(parsed.value().meme_count, 2);
    EXPECT_EQ(parsed.value().subscriber_count, 1000);
    EXPECT_TRUE(parsed.value().subscribed);

    auto missing = api::ParseProfileResponse(
        {404, R"({"error":{"code":"not_found","message":"The user was not found"}})", ""});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "not_found");

    auto settings = api::ParseSettingsResponse({200, R"({"email_notifications":false})", ""});
    ASSERT_TRUE(settings.ok());
    EXPECT_FALSE(settings.value().email_notifications);
    EXPECT_FALSE(api::ParseSettingsResponse({200, R"({"email_notifications":"no"})", ""}).ok());

    auto unread = api::ParseUnreadCountResponse({200, R"({"unread_count":3})", ""});
    ASSERT_TRUE(unread.ok());
    EXPECT_EQ(unread.value(), 3);
    auto bad = api::ParseUnreadCountResponse({200, R"({"unread_count":"3"})", ""});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "malformed_response");
    auto offline = api::ParseTemplatePageResponse({0, "", "refused"});
    ASSERT_FALSE(offline.ok());
    EXPECT_EQ(offline.error().code, "network_error");
    auto templ = api::ParseTemplateResponse({201, R"({"nope":{}})", ""});
    ASSERT_FALSE(templ.ok());
    EXPECT_EQ(templ.error().code, "malformed_response");
}

TEST(SocialApiClient, SignsRequestsAndParsesAnswers) {
    std::vector<HttpRequest> received;
    std::deque<HttpResponse> answers = {
        {204, "", ""},
        {200, R"({"items":[],"unread_count":4,"next_cursor":null})", ""},
        {200, R"({"unread_count":0})", ""},
    };
    ApiClient client(
        [&](const std::string&, const HttpRequest& request, ResponseCallback done) {
            received.push_back(request);
            HttpResponse answer = answers.front();
            answers.pop_front();
            done(answer);
        },
        "http://x");
    client.SetSession("A1", "R1");
    bool subscribed = false;
    client.Subscribe("grace", [&](Result<Unit> r) { subscribed = r.ok(); });
    EXPECT_TRUE(subscribed);
    int64_t unread = -1;
    client.ListNotifications({}, [&](Result<NotificationPage> r) {
        ASSERT_TRUE(r.ok());
        unread = r.value().unread_count;
    });
    EXPECT_EQ(unread, 4);
    client.MarkAllNotificationsRead([&](Result<int64_t> r) { unread = r.ok() ? r.value() : -1; });
    EXPECT_EQ(unread, 0);
    ASSERT_EQ(received.size(), 3u);
    for (const HttpRequest& request : received)
        EXPECT_EQ(Header(request, "Authorization"), "Bearer A1");
    EXPECT_EQ(received[0].method, "PUT");
}

}  // namespace
}  // namespace skyloom
