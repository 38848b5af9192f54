// The API client's request building, response parsing and refresh logic. The transport here is
// an in-memory script of server answers (the real server is exercised in tests/integration).
#include "api/api_client.h"

#include <gtest/gtest.h>

#include <deque>

#include "api/requests.h"
#include "api/responses.h"

namespace skyloom {
namespace {

struct ScriptedServer {
    std::vector<HttpRequest> received;
    std::deque<HttpResponse> answers;
    Transport transport() {
        return [this](const std::string&, const HttpRequest& request, ResponseCallback done) {
            received.push_back(request);
            HttpResponse answer = answers.empty() ? HttpResponse{} : answers.front();
            if (!answers.empty()) answers.pop_front();
            done(answer);
        };
    }
};

std::string Header(const HttpRequest& request, const std::string& name) {
    for (const auto& [key, value] : request.headers)
        if (key == name) return value;
    return "";
}

const char* kSessionBody =
    R"({"access_token":"A2","refresh_token":"R2","expires_in":900,"user":{"id":"1","username":"ada","verified":true,"created_at":""}})";

TEST(Requests, SignupBuildsJsonPost) {
    HttpRequest request = api::Signup("ada", "ada@example.org", "pw \"quoted\"");
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/api/v1/auth/signup");
    EXPECT_EQ(Header(request, "Content-Type"), "application/json");
    Json body = Json::parse(request.body);
    EXPECT_EQ(body["username"], "ada");
    EXPECT_EQ(body["email"], "ada@example.org");
    EXPECT_EQ(body["password"], "pw \"quoted\"");
}

TEST(Requests, ListPostsEncodesQuery) {
    HttpRequest request = api::ListPosts({"ada b", "c/+=", 50, ""});
    EXPECT_EQ(request.method, "GET");
    EXPECT_EQ(request.path, "/api/v1/posts?limit=50&author=ada%20b&cursor=c%2F%2B%3D");
    EXPECT_TRUE(request.body.empty());
}

TEST(Requests, AuthorizeReplacesExistingHeader) {
    HttpRequest request = api::GetMe();
    api::Authorize(request, "one");
    api::Authorize(request, "two");
    EXPECT_EQ(Header(request, "Authorization"), "Bearer two");
    EXPECT_EQ(request.headers.size(), 1u);
}

TEST(Responses, ParsesErrorsAndNetworkFailures) {
    auto error = api::ParseUserResponse(
        {409, R"({"error":{"code":"username_taken","message":"That username is taken"}})", ""});
    ASSERT_FALSE(error.ok());
    EXPECT_EQ(error.error().code, "username_taken");
    EXPECT_EQ(error.error().http_status, 409);

    auto offline = api::ParsePageResponse({0, "", "Connection refused"});
    ASSERT_FALSE(offline.ok());
    EXPECT_EQ(offline.error().code, "network_error");

    auto garbage = api::ParsePageResponse({200, "<html>", ""});
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().code, "malformed_response");

    auto gateway = api::ParsePostResponse({502, "<html>bad gateway</html>", ""});
    ASSERT_FALSE(gateway.ok());
    EXPECT_EQ(gateway.error().code, "http_502");
}

TEST(ApiClient, LoginStoresSessionAndNotifies) {
    ScriptedServer server;
    server.answers.push_back({200, kSessionBody, ""});
    ApiClient client(server.transport(), "http://x");
    std::string persisted = "unset";
    client.OnSessionChanged([&](const std::string& refresh) { persisted = refresh; });
    bool called = false;
    client.Login("ada", "pw", [&](Result<AuthSession> r) {
        called = true;
        EXPECT_TRUE(r.ok());
    });
    EXPECT_TRUE(called);
    EXPECT_EQ(client.access_token(), "A2");
    EXPECT_EQ(persisted, "R2");
}

TEST(ApiClient, RefreshesOnceOnExpiredTokenAndRetries) {
    ScriptedServer server;
    server.answers.push_back({401, R"({"error":{"code":"token_expired","message":"x"}})", ""});
    server.answers.push_back({200, kSessionBody, ""});
    server.answers.push_back({200, R"({"user":{"id":"1","username":"ada"}})", ""});
    ApiClient client(server.transport(), "http://x");
    client.SetSession("A1", "R1");
    Result<User> result = Error{};
    client.GetMe([&](Result<User> r) { result = std::move(r); });
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(server.received.size(), 3u);
    EXPECT_EQ(Header(server.received[0], "Authorization"), "Bearer A1");
    EXPECT_EQ(server.received[1].path, "/api/v1/auth/refresh");
    EXPECT_EQ(Json::parse(server.received[1].body)["refresh_token"], "R1");
    EXPECT_EQ(Header(server.received[2], "Authorization"), "Bearer A2");
}

TEST(ApiClient, OtherUnauthorizedErrorsAreFinal) {
    ScriptedServer server;
    server.answers.push_back({401, R"({"error":{"code":"invalid_token","message":"x"}})", ""});
    ApiClient client(server.transport(), "http://x");
    client.SetSession("A1", "R1");
    Result<User> result = User{};
    client.GetMe([&](Result<User> r) { result = std::move(r); });
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(server.received.size(), 1u);
}

TEST(ApiClient, FailedRefreshClearsSession) {
    ScriptedServer server;
    server.answers.push_back({401, R"({"error":{"code":"token_expired","message":"x"}})", ""});
    server.answers.push_back(
        {401, R"({"error":{"code":"invalid_refresh_token","message":"x"}})", ""});
    ApiClient client(server.transport(), "http://x");
    client.SetSession("A1", "R1");
    std::string persisted = "unset";
    client.OnSessionChanged([&](const std::string& refresh) { persisted = refresh; });
    Result<PostPage> result = PostPage{};
    client.ListPosts({}, [&](Result<PostPage> r) { result = std::move(r); });
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(client.refresh_token(), "");
    EXPECT_EQ(persisted, "");
}

TEST(ApiClient, ConcurrentExpiredRequestsShareOneRefresh) {
    // Asynchronous transport: answers are released by the test, like a browser's fetch.
    std::vector<std::pair<HttpRequest, ResponseCallback>> pending;
    Transport transport = [&](const std::string&, const HttpRequest& request,
                              ResponseCallback done) {
        pending.emplace_back(request, std::move(done));
    };
    ApiClient client(transport, "http://x");
    client.SetSession("A1", "R1");
    int finished = 0;
    client.GetMe([&](Result<User> r) { finished += r.ok(); });
    client.GetMe([&](Result<User> r) { finished += r.ok(); });
    ASSERT_EQ(pending.size(), 2u);
    auto expired = HttpResponse{401, R"({"error":{"code":"token_expired","message":"x"}})", ""};
    auto first = std::move(pending[0].second), second = std::move(pending[1].second);
    pending.clear();
    first(expired);
    second(expired);
    // Only one refresh request went out, even though two requests were rejected.
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].first.path, "/api/v1/auth/refresh");
    auto refresh_done = std::move(pending[0].second);
    pending.clear();
    refresh_done({200, kSessionBody, ""});
    ASSERT_EQ(pending.size(), 2u);  // both retried with the new token
    for (auto& [request, done] : pending) {
        EXPECT_EQ(Header(request, "Authorization"), "Bearer A2");
        done({200, R"({"user":{"id":"1","username":"ada"}})", ""});
    }
    EXPECT_EQ(finished, 2);
}

TEST(ApiClient, LogoutForgetsTokensEvenOffline) {
    ScriptedServer server;  // no answers: transport failure
    ApiClient client(server.transport(), "http://x");
    client.SetSession("A1", "R1");
    client.Logout([](Result<Unit>) {});
    EXPECT_EQ(client.access_token(), "");
    EXPECT_EQ(Json::parse(server.received[0].body)["refresh_token"], "R1");
}

}  // namespace
}  // namespace skyloom
