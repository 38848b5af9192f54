// The AI routes against the real server: builtin autofill streaming, the hf and openai adapters
// against a local fake model server (request format, key, streaming), upstream failures as
// 502/503, the per-user rate limit, chat isolation between concurrent users, the inference log.
#include <curl/curl.h>
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "api/requests.h"
#include "api/sse.h"
#include "client_helpers.h"
#include "fake_upstream.h"

namespace skyloom::testing {
namespace {

using Clock = std::chrono::steady_clock;

struct AiAnswer {
    int status = 0;
    std::string content_type;
    std::string retry_after;
    std::string body;
    std::vector<SseEvent> events;
    double first_token_ms = -1;  // client-side: request start to the first token event
    double total_ms = 0;

    [[nodiscard]] std::string Tokens() const {
        std::string text;
        for (const SseEvent& e : events) {
            Json j = Json::parse(e.data, nullptr, false);
            if (e.event == "message" && j.is_object() && j.contains("token")) {
                text += j["token"].get<std::string>();
            }
        }
        return text;
    }
    [[nodiscard]] Json Last() const {
        return events.empty() ? Json() : Json::parse(events.back().data, nullptr, false);
    }
    [[nodiscard]] Json JsonBody() const { return Json::parse(body, nullptr, false); }
};

struct Transfer {
    AiAnswer* answer;
    Clock::time_point start;
    SseParser parser;
    int hang_up_after_tokens = 0;  // > 0: close the connection after this many token events
    int tokens = 0;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::string_view bytes(data, size * count);
    t->answer->body.append(bytes);
    t->parser.Feed(bytes, [&](const SseEvent& e) {
        if (t->answer->first_token_ms < 0 && e.data.find("\"token\"") != std::string::npos) {
            t->answer->first_token_ms =
                std::chrono::duration<double, std::milli>(Clock::now() - t->start).count();
        }
        t->answer->events.push_back(e);
        t->tokens += e.data.find("\"token\"") != std::string::npos;
    });
    if (t->hang_up_after_tokens > 0 && t->tokens >= t->hang_up_after_tokens) return 0;
    return size * count;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
    auto* answer = static_cast<AiAnswer*>(user);
    std::string line(data, size * count);
    auto value = [&](const std::string& name) {
        if (strncasecmp(line.c_str(), name.c_str(), name.size()) != 0) return std::string();
        std::string v = line.substr(name.size());
        while (!v.empty() && (v.back() == '\r' || v.back() == '\n')) v.pop_back();
        return v;
    };
    if (auto v = value("content-type: "); !v.empty()) answer->content_type = v;
    if (auto v = value("retry-after: "); !v.empty()) answer->retry_after = v;
    return size * count;
}

// POSTs JSON to an AI route and reads the answer as it streams.
AiAnswer AiPost(const ServerProcess& server, const std::string& token, const std::string& path,
                const Json& body, bool json_only = false, int hang_up_after_tokens = 0) {
    AiAnswer answer;
    Transfer transfer{&answer, Clock::now(), {}, hang_up_after_tokens, 0};
    CURL* curl = curl_easy_init();
    std::string url = server.base_url() + path;
    std::string text = body.dump();
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
    if (json_only) headers = curl_slist_append(headers, "Accept: application/json");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, text.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &answer);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 30000L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    answer.status = int(status);
    answer.total_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - transfer.start).count();
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    transfer.parser.Feed("\n\n", [&](const SseEvent& e) { answer.events.push_back(e); });
    return answer;
}

HttpResponse Call(const ServerProcess& server, const std::string& token, const std::string& method,
                  const std::string& path) {
    HttpRequest request;
    request.method = method;
    request.path = path;
    api::Authorize(request, token);
    return CurlPerform(server.base_url(), request);
}

Json CallJson(const ServerProcess& server, const std::string& token, const std::string& path) {
    HttpResponse response = Call(server, token, "GET", path);
    EXPECT_EQ(response.status, 200) << path << ": " << response.body;
    return Json::parse(response.body, nullptr, false);
}

std::string HeaderValue(const std::string& headers, const std::string& name) {
    std::string lower_headers = headers;
    for (char& c : lower_headers) c = char(std::tolower(static_cast<unsigned char>(c)));
    size_t at = lower_headers.find(name + ": ");
    if (at == std::string::npos) return "";
    size_t start = at + name.size() + 2;
    return headers.substr(start, headers.find("\r\n", start) - start);
}

void ExpectError(const AiAnswer& answer, int status, const std::string& code) {
    EXPECT_EQ(answer.status, status) << answer.body;
    Json body = answer.JsonBody();
    ASSERT_TRUE(body.is_object() && body.contains("error")) << answer.body;
    EXPECT_EQ(body["error"].value("code", ""), code) << answer.body;
    EXPECT_FALSE(body["error"].value("message", "").empty());
    EXPECT_NE(answer.content_type.find("application/json"), std::string::npos);
}

// [SECTION] builtin

TEST(AiBuiltin, AutofillStreamsTokensAndFinishes) {
    ServerProcess server;
    ApiClient ada = SignupAndLogin(server, "ada");
    Json request = {{"text", "The meaning of life is"}, {"max_tokens", 40}, {"seed", 7}};
    AiAnswer warm = AiPost(server, ada.access_token(), "/api/v1/ai/autofill", request);  // training
    ASSERT_EQ(warm.status, 200) << warm.body;

    AiAnswer answer = AiPost(server, ada.access_token(), "/api/v1/ai/autofill", request);
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_NE(answer.content_type.find("text/event-stream"), std::string::npos);
    ASSERT_GE(answer.events.size(), 41u);
    Json done = answer.Last();
    EXPECT_TRUE(done.value("done", false));
    EXPECT_EQ(done["tokens"], 40);
    EXPECT_EQ(done["provider"], "builtin");
    EXPECT_EQ(done["finish_reason"], "length");
    EXPECT_EQ(done["completion"], answer.Tokens());
    EXPECT_EQ(answer.Tokens().rfind(" ", 0), 0u) << "continues after the last word";
    std::printf(
        "builtin autofill: first token %.1f ms, 40 tokens %.1f ms (client); server %d/%d "
        "ms\n",
        answer.first_token_ms, answer.total_ms, done["first_token_ms"].get<int>(),
        done["latency_ms"].get<int>());
    // Loose bounds: the budgets are checked by `make bench`, not by a timed test.
    EXPECT_GE(answer.first_token_ms, 0.0);
    EXPECT_LT(answer.total_ms, 5000.0);

    // Same seed, same words; the JSON form carries the same completion.
    AiAnswer again = AiPost(server, ada.access_token(), "/api/v1/ai/autofill", request, true);
    ASSERT_EQ(again.status, 200);
    EXPECT_NE(again.content_type.find("application/json"), std::string::npos);
    EXPECT_EQ(again.JsonBody()["completion"], answer.Tokens());
    request["seed"] = 8;
    EXPECT_NE(AiPost(server, ada.access_token(), "/api/v1/ai/autofill", request, true)
                  .JsonBody()["completion"],
              answer.Tokens());
}

TEST(AiBuiltin, ChatStoresBothMessagesAndReturnsThePersona) {
    ServerProcess server({"--ai-persona-name", "Wren", "--ai-persona-style", "Be brief."});
    ApiClient ada = SignupAndLogin(server, "ada");
    AiAnswer answer = AiPost(server, ada.access_token(), "/api/v1/ai/chat",
                             {{"message", "What do you think about computers?"}});
    ASSERT_EQ(answer.status, 200) << answer.body;
    Json done = answer.Last();
    ASSERT_TRUE(done.value("done", false)) << answer.body;
    EXPECT_FALSE(done["reply"].get<std::string>().empty());
    EXPECT_EQ(done["reply"], answer.Tokens());
    Json chat = CallJson(server, ada.access_token(), "/api/v1/ai/chat");
    EXPECT_EQ(chat["persona"]["name"], "Wren");
    EXPECT_EQ(chat["persona"]["initial"], "W");
    ASSERT_EQ(chat["items"].size(), 2u);
    EXPECT_EQ(chat["items"][0]["role"], "user");
    EXPECT_EQ(chat["items"][0]["content"], "What do you think about computers?");
    EXPECT_EQ(chat["items"][1]["role"], "assistant");
    EXPECT_EQ(chat["items"][1]["content"], done["reply"]);
}

TEST(AiBuiltin, CoreClientStreamsPiecesAndReadsTheChatBack) {
    ServerProcess server;
    ApiClient ada = SignupAndLogin(server, "ada");
    // The app's path: ApiClient over a streaming transport, pieces before the final result.
    std::vector<std::string> pieces;
    ApiClient::AiStreamOptions options;
    options.on_token = [&](const std::string& piece) { pieces.push_back(piece); };
    auto filled = Await<AutofillResult>(
        [&](auto cb) { ada.Autofill("The meaning of life is", 12, options, cb); });
    ASSERT_TRUE(filled.ok()) << filled.error().message;
    EXPECT_EQ(pieces.size(), 12u);
    std::string joined;
    for (const std::string& p : pieces) joined += p;
    EXPECT_EQ(joined, filled.value().completion);
    EXPECT_EQ(filled.value().provider, "builtin");
    EXPECT_FALSE(filled.value().inference_id.empty());

    auto bad = Await<AutofillResult>([&](auto cb) { ada.Autofill("too many tokens", 100000, {}, cb); });
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().http_status, 422) << bad.error().code;

    pieces.clear();
    auto reply = Await<ChatReply>([&](auto cb) { ada.SendChat("Hello there", options, cb); });
    ASSERT_TRUE(reply.ok()) << reply.error().message;
    joined.clear();
    for (const std::string& p : pieces) joined += p;
    EXPECT_EQ(joined, reply.value().reply);
    ASSERT_EQ(reply.value().messages.size(), 2u);
    auto page = Await<ChatPage>([&](auto cb) { ada.GetChat("", cb); });
    ASSERT_TRUE(page.ok()) << page.error().message;
    ASSERT_EQ(page.value().items.size(), 2u);
    EXPECT_EQ(page.value().items[0].content, "Hello there");
    EXPECT_EQ(page.value().items[1].content, reply.value().reply);
    EXPECT_FALSE(page.value().persona.name.empty());
}

// [SECTION] remote adapters

TEST(AiRemote, HfAdapterSendsTheDocumentedRequest) {
    FakeUpstream upstream;
    ServerProcess server({"--ai-provider", "hf", "--ai-url", upstream.url() + "/generate",
                          "--ai-model", "my-hf-model"},
                         {}, {{"SKYLOOM_AI_KEY", "hf-secret-123"}});
    ApiClient ada = SignupAndLogin(server, "ada");
    AiAnswer answer = AiPost(server, ada.access_token(), "/api/v1/ai/autofill",
                             {{"text", "Once upon a time"}, {"max_tokens", 12}, {"seed", 5}});
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(answer.Tokens(), " hello from hf");
    EXPECT_EQ(answer.Last()["model"], "my-hf-model");
    auto requests = upstream.Requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method, "POST");
    EXPECT_EQ(requests[0].path, "/generate");
    EXPECT_EQ(HeaderValue(requests[0].headers, "authorization"), "Bearer hf-secret-123");
    Json sent = Json::parse(requests[0].body, nullptr, false);
    EXPECT_EQ(sent["inputs"], "Once upon a time");
    EXPECT_EQ(sent["parameters"]["max_new_tokens"], 12);
    EXPECT_EQ(sent["parameters"]["return_full_text"], false);
    EXPECT_EQ(sent["parameters"]["seed"], 5);

    // Chat: the prompt is the persona's style plus the history as "User:" / "Loom:" lines, and
    // the reply stops where the model starts writing the user's next line.
    upstream.ClearRequests();
    AiAnswer chat = AiPost(server, ada.access_token(), "/api/v1/ai/chat", {{"message", "Hi!"}});
    ASSERT_EQ(chat.status, 200) << chat.body;
    EXPECT_EQ(chat.Last()["reply"], "Hi there, friend!");
    AiAnswer second =
        AiPost(server, ada.access_token(), "/api/v1/ai/chat", {{"message", "And again?"}});
    ASSERT_EQ(second.status, 200) << second.body;
    requests = upstream.Requests();
    ASSERT_EQ(requests.size(), 2u);
    std::string prompt = Json::parse(requests[1].body)["inputs"];
    EXPECT_NE(prompt.find("User: Hi!\nLoom: Hi there, friend!\nUser: And again?\nLoom:"),
              std::string::npos)
        << prompt;
    // The key never reaches the browser.
    EXPECT_EQ(chat.body.find("hf-secret-123"), std::string::npos);
    EXPECT_EQ(Call(server, ada.access_token(), "GET", "/api/v1/ai/chat").body.find("hf-secret"),
              std::string::npos);
}

TEST(AiRemote, OpenAiAdapterStreamsCompletionsAndChat) {
    FakeUpstream upstream;
    ServerProcess server(
        {"--ai-provider", "openai", "--ai-url", upstream.url() + "/v1", "--ai-model", "test-model"},
        {}, {{"SKYLOOM_AI_KEY", "sk-test-456"}});
    ApiClient ada = SignupAndLogin(server, "ada");
    AiAnswer answer = AiPost(server, ada.access_token(), "/api/v1/ai/autofill",
                             {{"text", "Say hello"}, {"max_tokens", 12}});
    ASSERT_EQ(answer.status, 200) << answer.body;
    ASSERT_EQ(answer.events.size(), 4u) << answer.body;  // 3 tokens + done, in order
    EXPECT_EQ(answer.Tokens(), "Hello world!");
    EXPECT_EQ(answer.Last()["completion"], "Hello world!");
    EXPECT_EQ(answer.Last()["model"], "test-model");
    EXPECT_EQ(answer.Last()["finish_reason"], "length");
    auto requests = upstream.Requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].path, "/v1/completions");
    EXPECT_EQ(HeaderValue(requests[0].headers, "authorization"), "Bearer sk-test-456");
    Json sent = Json::parse(requests[0].body, nullptr, false);
    EXPECT_EQ(sent["model"], "test-model");
    EXPECT_EQ(sent["prompt"], "Say hello");
    EXPECT_EQ(sent["max_tokens"], 12);
    EXPECT_EQ(sent["stream"], true);

    upstream.ClearRequests();
    AiAnswer first = AiPost(server, ada.access_token(), "/api/v1/ai/chat", {{"message", "Hi"}});
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.Last()["reply"], "Hello world!");
    AiAnswer second = AiPost(server, ada.access_token(), "/api/v1/ai/chat",
                             {{"message", "How are you?"}, {"max_tokens", 30}});
    ASSERT_EQ(second.status, 200) << second.body;
    requests = upstream.Requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[1].path, "/v1/chat/completions");
    Json chat = Json::parse(requests[1].body, nullptr, false);
    EXPECT_EQ(chat["max_tokens"], 30);
    EXPECT_EQ(chat["stream"], true);
    ASSERT_EQ(chat["messages"].size(), 4u) << chat.dump();
    EXPECT_EQ(chat["messages"][0]["role"], "system");
    EXPECT_NE(chat["messages"][0]["content"].get<std::string>().find("Loom"), std::string::npos);
    EXPECT_EQ(chat["messages"][1]["content"], "Hi");
    EXPECT_EQ(chat["messages"][2]["role"], "assistant");
    EXPECT_EQ(chat["messages"][2]["content"], "Hello world!");
    EXPECT_EQ(chat["messages"][3]["content"], "How are you?");
}

TEST(AiRemote, UpstreamFailuresAre502Or503AndTheServerKeepsServing) {
    FakeUpstream upstream;
    ServerProcess server({"--ai-provider", "openai", "--ai-url", upstream.url(), "--ai-model", "m",
                          "--ai-timeout-ms", "1000", "--ai-requests-per-minute", "100"});
    ApiClient ada = SignupAndLogin(server, "ada");
    Json request = {{"text", "Hello"}};
    struct Row {
        FakeUpstream::Mode mode;
        int status;
        std::string code;
        bool retry_after;
    };
    for (const Row& row : std::vector<Row>{
             {FakeUpstream::Mode::kSlow, 503, "ai_timeout", true},
             {FakeUpstream::Mode::kServerError, 502, "ai_upstream_error", false},
             {FakeUpstream::Mode::kBusy, 503, "ai_busy", true},
             {FakeUpstream::Mode::kGarbage, 502, "ai_bad_response", false},
         }) {
        upstream.SetMode(row.mode);
        for (const char* path : {"/api/v1/ai/autofill", "/api/v1/ai/chat"}) {
            Json body = std::string(path).find("chat") != std::string::npos
                            ? Json{{"message", "Hello"}}
                            : request;
            AiAnswer answer = AiPost(server, ada.access_token(), path, body);
            SCOPED_TRACE(row.code + " " + path);
            ExpectError(answer, row.status, row.code);
            if (row.retry_after) {
                EXPECT_FALSE(answer.retry_after.empty());
                EXPECT_GT(answer.JsonBody()["error"].value("retry_after", 0), 0);
            }
            if (row.code == "ai_busy") {
                EXPECT_EQ(answer.retry_after, "7");
            }
        }
    }
    // A model that fails after its first piece: the stream ends with an error event.
    upstream.SetMode(FakeUpstream::Mode::kGarbageMidStream);
    AiAnswer mid = AiPost(server, ada.access_token(), "/api/v1/ai/autofill", request);
    EXPECT_EQ(mid.status, 200);
    EXPECT_EQ(mid.Tokens(), "Hello");
    ASSERT_FALSE(mid.events.empty());
    EXPECT_EQ(mid.events.back().event, "error");
    EXPECT_EQ(mid.Last()["error"]["code"], "ai_bad_response");

    // Nothing broke: the server serves, healthy answers work again, failures are logged.
    ASSERT_TRUE(server.running());
    upstream.SetMode(FakeUpstream::Mode::kNormal);
    EXPECT_EQ(AiPost(server, ada.access_token(), "/api/v1/ai/autofill", request).Tokens(),
              "Hello world!");
    Json history = CallJson(server, ada.access_token(), "/api/v1/ai/history");
    ASSERT_EQ(history["items"].size(), 10u);
    EXPECT_EQ(history["items"][0]["status"], "ok");
    EXPECT_EQ(history["items"][1]["status"], "error");
    EXPECT_EQ(history["items"][1]["error_code"], "ai_bad_response");
    EXPECT_EQ(history["items"][2]["error_code"], "ai_bad_response");
    EXPECT_EQ(history["items"][9]["error_code"], "ai_timeout");
    // Chat failures store no messages.
    EXPECT_TRUE(CallJson(server, ada.access_token(), "/api/v1/ai/chat")["items"].empty());
}

TEST(AiRemote, ClientHangingUpStopsTheUpstreamCall) {
    FakeUpstream upstream;
    upstream.SetMode(FakeUpstream::Mode::kSlowStream);
    ServerProcess server(
        {"--ai-provider", "openai", "--ai-url", upstream.url(), "--ai-model", "slow"});
    ApiClient ada = SignupAndLogin(server, "ada");
    AiAnswer answer = AiPost(server, ada.access_token(), "/api/v1/ai/autofill",
                             {{"text", "Hello"}, {"max_tokens", 50}}, false, 2);
    EXPECT_EQ(answer.Tokens(), " word0 word1");
    // The server notices at its next write, stops reading the model, logs `cancelled`.
    Json entry;
    for (int i = 0; i < 100; ++i) {
        Json history = CallJson(server, ada.access_token(), "/api/v1/ai/history");
        if (!history["items"].empty()) {
            entry = history["items"][0];
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(entry.is_object());
    EXPECT_EQ(entry["status"], "cancelled");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_LT(upstream.slow_chunks_sent(), 20);
    EXPECT_TRUE(server.running());
}

TEST(AiRemote, UnreachableModelIs503) {
    int port;
    {
        FakeUpstream closed;  // a port that was just free
        port = std::stoi(closed.url().substr(closed.url().rfind(':') + 1));
    }
    ServerProcess server(
        {"--ai-provider", "hf", "--ai-url", "http://127.0.0.1:" + std::to_string(port) + "/"});
    ApiClient ada = SignupAndLogin(server, "ada");
    AiAnswer answer =
        AiPost(server, ada.access_token(), "/api/v1/ai/autofill", {{"text", "Hello"}});
    ExpectError(answer, 503, "ai_unavailable");
    EXPECT_FALSE(answer.retry_after.empty());
}

// [SECTION] limits and privacy

TEST(AiLimits, RateLimitPerUserIs429WithRetryAfter) {
    ServerProcess server({"--ai-requests-per-minute", "3"});
    ApiClient ada = SignupAndLogin(server, "ada");
    ApiClient bob = SignupAndLogin(server, "bob");
    Json request = {{"text", "Hello"}, {"max_tokens", 3}};
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(AiPost(server, ada.access_token(), "/api/v1/ai/autofill", request).status, 200);
    }
    AiAnswer limited = AiPost(server, ada.access_token(), "/api/v1/ai/chat", {{"message", "hi"}});
    ExpectError(limited, 429, "ai_rate_limited");
    EXPECT_FALSE(limited.retry_after.empty());
    int retry = limited.JsonBody()["error"].value("retry_after", 0);
    EXPECT_GT(retry, 0);
    EXPECT_LE(retry, 60);
    // Another user has their own budget; rejected requests are not logged.
    EXPECT_EQ(AiPost(server, bob.access_token(), "/api/v1/ai/autofill", request).status, 200);
    EXPECT_EQ(CallJson(server, ada.access_token(), "/api/v1/ai/history")["items"].size(), 3u);
}

TEST(AiPrivacy, ConcurrentChatsNeverSeeEachOthersMessages) {
    FakeUpstream upstream;
    upstream.SetMode(FakeUpstream::Mode::kEcho);  // replies repeat every user message sent
    ServerProcess server(
        {"--ai-provider", "openai", "--ai-url", upstream.url(), "--ai-model", "echo"});
    ApiClient ada = SignupAndLogin(server, "ada");
    ApiClient bob = SignupAndLogin(server, "bob");
    constexpr int kRounds = 6;
    auto chat = [&](const ApiClient& client, const std::string& mine, const std::string& theirs,
                    std::vector<std::string>& failures) {
        for (int i = 0; i < kRounds; ++i) {
            std::string message = mine + "-" + std::to_string(i);
            AiAnswer answer =
                AiPost(server, client.access_token(), "/api/v1/ai/chat", {{"message", message}});
            if (answer.status != 200) failures.push_back("status " + answer.body);
            // The echoed history holds this user's messages and never the other's.
            if (answer.Tokens().find(message) == std::string::npos) {
                failures.push_back("own message missing: " + answer.Tokens());
            }
            if (answer.body.find(theirs) != std::string::npos) {
                failures.push_back("saw the other user's message: " + answer.body);
            }
            Json history = CallJson(server, client.access_token(), "/api/v1/ai/chat");
            if (history.dump().find(theirs) != std::string::npos) {
                failures.push_back("history holds the other user's message");
            }
        }
    };
    std::vector<std::string> ada_failures, bob_failures;
    std::thread a([&] { chat(ada, "alpha-secret", "bravo-secret", ada_failures); });
    std::thread b([&] { chat(bob, "bravo-secret", "alpha-secret", bob_failures); });
    a.join();
    b.join();
    EXPECT_TRUE(ada_failures.empty()) << ada_failures.front();
    EXPECT_TRUE(bob_failures.empty()) << bob_failures.front();
    for (const auto& [client, mine] : {std::pair{&ada, "alpha"}, std::pair{&bob, "bravo"}}) {
        Json history = CallJson(server, client->access_token(), "/api/v1/ai/chat?limit=200");
        EXPECT_EQ(history["items"].size(), size_t(2 * kRounds));
        for (const Json& item : history["items"]) {
            if (item["role"] == "user") {
                EXPECT_EQ(item["content"].get<std::string>().rfind(mine, 0), 0u);
            }
        }
    }
    // What the model was sent: every request carries one user's messages only.
    for (const auto& request : upstream.Requests()) {
        bool alpha = request.body.find("alpha-secret") != std::string::npos;
        bool bravo = request.body.find("bravo-secret") != std::string::npos;
        EXPECT_NE(alpha, bravo) << request.body;
    }
}

TEST(AiPrivacy, InferenceLogListAndDelete) {
    ServerProcess server;
    ApiClient ada = SignupAndLogin(server, "ada");
    ApiClient bob = SignupAndLogin(server, "bob");
    for (const char* text : {"First words", "Second words"}) {
        ASSERT_EQ(AiPost(server, ada.access_token(), "/api/v1/ai/autofill",
                         {{"text", text}, {"max_tokens", 5}})
                      .status,
                  200);
    }
    ASSERT_EQ(
        AiPost(server, ada.access_token(), "/api/v1/ai/chat", {{"message", "Hello there"}}).status,
        200);
    Json list = CallJson(server, ada.access_token(), "/api/v1/ai/history");
    ASSERT_EQ(list["items"].size(), 3u);
    EXPECT_EQ(list["items"][0]["kind"], "chat");
    EXPECT_EQ(list["items"][1]["kind"], "autofill");
    EXPECT_EQ(list["items"][1]["input"], "Second words");
    EXPECT_EQ(list["items"][2]["input"], "First words");
    EXPECT_EQ(list["items"][0]["provider"], "builtin");
    EXPECT_TRUE(list["items"][0].contains("latency_ms"));
    EXPECT_TRUE(list["next_cursor"].is_null());
    // Paging.
    Json page = CallJson(server, ada.access_token(), "/api/v1/ai/history?limit=2");
    ASSERT_EQ(page["items"].size(), 2u);
    Json rest =
        CallJson(server, ada.access_token(),
                 "/api/v1/ai/history?limit=2&cursor=" + page["next_cursor"].get<std::string>());
    ASSERT_EQ(rest["items"].size(), 1u);
    EXPECT_EQ(rest["items"][0]["input"], "First words");

    // Bob sees nothing of Ada's and cannot delete it.
    EXPECT_TRUE(CallJson(server, bob.access_token(), "/api/v1/ai/history")["items"].empty());
    EXPECT_TRUE(CallJson(server, bob.access_token(), "/api/v1/ai/chat")["items"].empty());
    std::string chat_id = list["items"][0]["id"];
    HttpResponse stolen =
        Call(server, bob.access_token(), "DELETE", "/api/v1/ai/history/" + chat_id);
    EXPECT_EQ(stolen.status, 404);
    EXPECT_EQ(Json::parse(stolen.body)["error"]["code"], "not_found");
    EXPECT_EQ(Call(server, bob.access_token(), "DELETE", "/api/v1/ai/history").status, 200);
    EXPECT_EQ(CallJson(server, ada.access_token(), "/api/v1/ai/history")["items"].size(), 3u);

    // Deleting the chat entry forgets that exchange too.
    EXPECT_EQ(CallJson(server, ada.access_token(), "/api/v1/ai/chat")["items"].size(), 2u);
    EXPECT_EQ(Call(server, ada.access_token(), "DELETE", "/api/v1/ai/history/" + chat_id).status,
              204);
    EXPECT_EQ(Call(server, ada.access_token(), "DELETE", "/api/v1/ai/history/" + chat_id).status,
              404);
    EXPECT_TRUE(CallJson(server, ada.access_token(), "/api/v1/ai/chat")["items"].empty());
    EXPECT_EQ(CallJson(server, ada.access_token(), "/api/v1/ai/history")["items"].size(), 2u);

    // Delete everything.
    ASSERT_EQ(AiPost(server, ada.access_token(), "/api/v1/ai/chat", {{"message", "Again"}}).status,
              200);
    HttpResponse all = Call(server, ada.access_token(), "DELETE", "/api/v1/ai/history");
    EXPECT_EQ(all.status, 200);
    EXPECT_EQ(Json::parse(all.body)["deleted"], 3);
    EXPECT_TRUE(CallJson(server, ada.access_token(), "/api/v1/ai/history")["items"].empty());
    EXPECT_TRUE(CallJson(server, ada.access_token(), "/api/v1/ai/chat")["items"].empty());
}

// The settings screen's path: the core client's history calls against the real server.
TEST(AiPrivacy, CoreClientListsAndDeletesTheLog) {
    ServerProcess server;
    ApiClient ada = SignupAndLogin(server, "ada");
    for (const char* text : {"One", "Two", "Three"}) {
        ASSERT_EQ(AiPost(server, ada.access_token(), "/api/v1/ai/autofill",
                         {{"text", text}, {"max_tokens", 3}})
                      .status,
                  200);
    }
    api::AiHistoryQuery query;
    query.limit = 2;
    auto first = Await<InferencePage>([&](auto cb) { ada.ListAiHistory(query, cb); });
    ASSERT_TRUE(first.ok()) << first.error().message;
    ASSERT_EQ(first.value().items.size(), 2u);
    EXPECT_EQ(first.value().items[0].input, "Three");
    EXPECT_EQ(first.value().items[0].kind, "autofill");
    ASSERT_FALSE(first.value().next_cursor.empty());
    query.cursor = first.value().next_cursor;
    auto rest = Await<InferencePage>([&](auto cb) { ada.ListAiHistory(query, cb); });
    ASSERT_TRUE(rest.ok());
    ASSERT_EQ(rest.value().items.size(), 1u);
    EXPECT_TRUE(rest.value().next_cursor.empty());

    const std::string id = first.value().items[0].id;
    ASSERT_TRUE(Await<Unit>([&](auto cb) { ada.DeleteAiHistoryEntry(id, cb); }).ok());
    auto again = Await<Unit>([&](auto cb) { ada.DeleteAiHistoryEntry(id, cb); });
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().http_status, 404);
    auto deleted = Await<int64_t>([&](auto cb) { ada.DeleteAiHistory(cb); });
    ASSERT_TRUE(deleted.ok());
    EXPECT_EQ(deleted.value(), 2);
    auto empty = Await<InferencePage>([&](auto cb) { ada.ListAiHistory({}, cb); });
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty.value().items.empty());
}

}  // namespace
}  // namespace skyloom::testing
