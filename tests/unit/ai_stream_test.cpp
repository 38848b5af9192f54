// AiStreamReader: the app's reader of the /ai/* server-sent event streams.
#include "api/ai_stream.h"

#include <gtest/gtest.h>

#include "model/ai.h"

namespace skyloom::api {
namespace {

constexpr const char* kStream =
    "data: {\"token\":\"Hello\"}\n\n"
    "data: {\"token\":\" world\"}\n\n"
    ": keep-alive comment\n\n"
    "data: {\"done\":true,\"completion\":\"Hello world\"}\n\n";

HttpResponse Ok(std::string body) {
    HttpResponse r;
    r.status = 200;
    r.body = std::move(body);
    return r;
}

TEST(AiStreamReader, PiecesArriveWhereverTheBytesAreSplit) {
    const std::string stream = kStream;
    for (size_t cut = 0; cut <= stream.size(); ++cut) {
        AiStreamReader reader;
        std::string text;
        auto on_token = [&](const std::string& piece) { text += piece; };
        reader.Feed(std::string_view(stream).substr(0, cut), on_token);
        reader.Feed(std::string_view(stream).substr(cut), on_token);
        auto final_event = reader.Finish(Ok(stream), on_token);
        ASSERT_TRUE(final_event.ok()) << "cut at " << cut;
        EXPECT_EQ(text, "Hello world");
        EXPECT_EQ(final_event.value()["completion"], "Hello world");
    }
}

TEST(AiStreamReader, AnUnstreamedBodyIsReadWhole) {
    AiStreamReader reader;
    std::string text;
    auto final_event = reader.Finish(Ok(kStream), [&](const std::string& piece) { text += piece; });
    ASSERT_TRUE(final_event.ok());
    EXPECT_EQ(text, "Hello world");
    // A JSON-only answer (Accept: application/json) is the final object itself.
    AiStreamReader json_reader;
    auto json_only = json_reader.Finish(Ok(R"({"done":true,"completion":"x"})"), nullptr);
    ASSERT_TRUE(json_only.ok());
    EXPECT_EQ(json_only.value()["completion"], "x");
}

TEST(AiStreamReader, ErrorsBeforeAndAfterTheFirstPiece) {
    AiStreamReader before;
    HttpResponse busy;
    busy.status = 503;
    busy.body = R"({"error":{"code":"ai_busy","message":"The AI is busy","retry_after":5}})";
    auto refused = before.Finish(busy, nullptr);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "ai_busy");
    EXPECT_EQ(refused.error().http_status, 503);
    EXPECT_EQ(refused.error().retry_after, 5);

    AiStreamReader after;
    std::string text;
    const std::string stream =
        "data: {\"token\":\"Hel\"}\n\nevent: error\n"
        "data: {\"error\":{\"code\":\"upstream_failed\",\"message\":\"The model stopped\"}}\n\n";
    auto on_token = [&](const std::string& piece) { text += piece; };
    after.Feed(stream, on_token);
    auto failed = after.Finish(Ok(stream), on_token);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(text, "Hel");
    EXPECT_EQ(failed.error().code, "upstream_failed");
    EXPECT_EQ(failed.error().http_status, 502);
}

TEST(AiStreamReader, AStreamCutShortIsAnErrorNotASilentSuccess) {
    AiStreamReader reader;
    const std::string stream = "data: {\"token\":\"Hel\"}\n\n";
    reader.Feed(stream, nullptr);
    auto cut = reader.Finish(Ok(stream), nullptr);
    ASSERT_FALSE(cut.ok());
    EXPECT_EQ(cut.error().code, "malformed_response");
}

TEST(AiModels, ChatPageAndReplyParse) {
    Json page = Json::parse(R"({"items":[{"id":"1","role":"user","content":"hi","created_at":"t"},
        {"id":"2","role":"assistant","content":"hello","created_at":"t"}],
        "next_cursor":null,"persona":{"name":"Wren","initial":"W","style":"brief"}})");
    auto parsed = skyloom::ParseChatPage(page);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value().items.size(), 2u);
    EXPECT_EQ(parsed.value().persona.initial, "W");
    EXPECT_TRUE(parsed.value().next_cursor.empty());
    EXPECT_FALSE(skyloom::ParseChatPage(Json::parse(R"({"items":[{"id":1}]})")).ok());
    EXPECT_FALSE(skyloom::ParseChatReply(Json::parse(R"({"reply":"x"})")).ok());
}

}  // namespace
}  // namespace skyloom::api
