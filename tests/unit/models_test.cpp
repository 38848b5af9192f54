#include "model/models.h"

#include <gtest/gtest.h>

namespace skyloom {
namespace {

TEST(Models, UserRoundTrip) {
    User user{"42", "ada", "ada@example.org", true, "2026-11-23T18:00:00.000Z"};
    Result<User> parsed = ParseUser(ToJson(user));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().id, "42");
    EXPECT_EQ(parsed.value().username, "ada");
    EXPECT_EQ(parsed.value().email, "ada@example.org");
    EXPECT_TRUE(parsed.value().verified);
    EXPECT_EQ(parsed.value().created_at, user.created_at);
}

TEST(Models, PostPageRoundTripKeepsOrderAndCursor) {
    PostPage page;
    page.items.push_back(
        Post{"2", {"ada"}, "second \xf0\x9f\x98\x80", false, "2026-11-23T18:00:01.000Z", {}, {}});
    page.items.push_back(
        Post{"1", {"grace"}, "first\nline", true, "2026-11-23T18:00:00.000Z", {}, {}});
    page.next_cursor = "cDE";
    Result<PostPage> parsed = ParsePostPage(Json::parse(DumpJson(ToJson(page))));
    ASSERT_TRUE(parsed.ok());
    ASSERT_EQ(parsed.value().items.size(), 2u);
    EXPECT_EQ(parsed.value().items[0].id, "2");
    EXPECT_EQ(parsed.value().items[0].text, page.items[0].text);
    EXPECT_EQ(parsed.value().items[1].author.username, "grace");
    EXPECT_TRUE(parsed.value().items[1].sensitive);
    EXPECT_EQ(parsed.value().next_cursor, "cDE");
}

TEST(Models, LastPageHasNullCursor) {
    PostPage page;
    Json json = ToJson(page);
    EXPECT_TRUE(json["next_cursor"].is_null());
    Result<PostPage> parsed = ParsePostPage(json);
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed.value().next_cursor.empty());
}

TEST(Models, SessionRoundTrip) {
    AuthSession session{"access", "refresh", 900, User{"1", "ada", "", false, ""}};
    Result<AuthSession> parsed = ParseAuthSession(ToJson(session));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().access_token, "access");
    EXPECT_EQ(parsed.value().refresh_token, "refresh");
    EXPECT_EQ(parsed.value().expires_in, 900);
    EXPECT_EQ(parsed.value().user.username, "ada");
}

TEST(Models, ErrorRoundTripWithRetryAfter) {
    Error error{"resend_too_soon", "Wait a bit", 429, 42};
    Error parsed = ParseError(ToJson(error), 429);
    EXPECT_EQ(parsed.code, "resend_too_soon");
    EXPECT_EQ(parsed.message, "Wait a bit");
    EXPECT_EQ(parsed.http_status, 429);
    EXPECT_EQ(parsed.retry_after, 42);
}

TEST(Models, WrongTypesAreErrorsNotCrashes) {
    EXPECT_FALSE(ParseUser(Json::parse(R"({"id": 5, "username": "ada"})")).ok());
    EXPECT_FALSE(ParsePost(Json::parse(R"({"id": "1", "text": "x", "author": "ada"})")).ok());
    EXPECT_FALSE(ParsePostPage(Json::parse(R"({"items": {}})")).ok());
    EXPECT_FALSE(ParsePostPage(Json::parse(R"([1,2])")).ok());
    EXPECT_FALSE(ParseAuthSession(Json::parse(R"({"access_token": "a"})")).ok());
    Error fallback = ParseError(Json::parse("[]"), 503);
    EXPECT_EQ(fallback.code, "http_503");
}

TEST(Models, ParseJsonTextDoesNotThrow) {
    EXPECT_FALSE(ParseJsonText("{bad").ok());
    EXPECT_EQ(ParseJsonText("{bad").error().code, "malformed_json");
    EXPECT_TRUE(ParseJsonText(R"({"a": 1})").ok());
}

TEST(Models, DumpJsonSurvivesInvalidUtf8) {
    Json j = {{"text", std::string("bad \xff byte")}};
    std::string text = DumpJson(j);
    EXPECT_NE(text.find("\xef\xbf\xbd"), std::string::npos) << text;  // U+FFFD
}

}  // namespace
}  // namespace skyloom
