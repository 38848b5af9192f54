// CORS for a site on another origin (issue 12 item 4) and the headers every answer carries
// (item 7), against the real server.
#include <gtest/gtest.h>

#include "client_helpers.h"
#include "curl_transport.h"
#include "raw_headers.h"
#include "server_process.h"
#include "test_images.h"

namespace skyloom::testing {
namespace {

constexpr const char* kApp = "https://app.example";

struct Answer {
    int status = 0;
    std::string body;
    std::string headers;
};

Answer Send(const ServerProcess& server, const std::string& method, const std::string& path,
            std::vector<HttpHeader> headers = {}, std::string body = {}) {
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.headers = std::move(headers);
    request.body = std::move(body);
    RawHttpResponse raw = CurlPerformWithHeaders(server.base_url(), request);
    return Answer{raw.response.status, raw.response.body, raw.headers};
}

class CorsTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server = new ServerProcess(
            {"--cors-origin", kApp, "--cors-origin", "http://localhost:5173", "--hsts"});
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }
    static ServerProcess* server;
};
ServerProcess* CorsTest::server = nullptr;

TEST_F(CorsTest, AnAllowedOriginsPreflightIsGranted) {
    Answer a = Send(*server, "OPTIONS", "/api/v1/posts",
                    {{"Origin", kApp},
                     {"Access-Control-Request-Method", "POST"},
                     {"Access-Control-Request-Headers", "authorization, content-type"}});
    EXPECT_EQ(a.status, 204);
    EXPECT_EQ(HeaderValues(a.headers, "Access-Control-Allow-Origin"), kApp);
    const std::string methods = HeaderValues(a.headers, "Access-Control-Allow-Methods");
    EXPECT_NE(methods.find("POST"), std::string::npos) << methods;
    EXPECT_NE(methods.find("GET"), std::string::npos) << methods;
    const std::string allowed = HeaderValues(a.headers, "Access-Control-Allow-Headers");
    EXPECT_NE(allowed.find("authorization"), std::string::npos);
    EXPECT_NE(allowed.find("content-type"), std::string::npos);
    EXPECT_EQ(HeaderValues(a.headers, "Access-Control-Max-Age"), "600");
    EXPECT_NE(HeaderValues(a.headers, "Vary").find("Origin"), std::string::npos);
}

TEST_F(CorsTest, AnOriginNotConfiguredGetsNoGrant) {
    Answer pre =
        Send(*server, "OPTIONS", "/api/v1/posts",
             {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
    EXPECT_EQ(pre.status, 204);
    EXPECT_EQ(HeaderValues(pre.headers, "Access-Control-Allow-Origin"), "");
    EXPECT_EQ(HeaderValues(pre.headers, "Access-Control-Allow-Methods"), "");
    Answer get = Send(*server, "GET", "/api/v1/posts", {{"Origin", "https://evil.example"}});
    EXPECT_EQ(get.status, 200);
    EXPECT_EQ(HeaderValues(get.headers, "Access-Control-Allow-Origin"), "");
    // A configured origin's prefix or a variant is not that origin.
    Answer near = Send(*server, "GET", "/api/v1/posts", {{"Origin", "https://app.example.evil"}});
    EXPECT_EQ(HeaderValues(near.headers, "Access-Control-Allow-Origin"), "");
}

TEST_F(CorsTest, AnswersAndErrorsToAnAllowedOriginCarryTheGrant) {
    Answer ok = Send(*server, "GET", "/api/v1/posts", {{"Origin", "http://localhost:5173"}});
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(HeaderValues(ok.headers, "Access-Control-Allow-Origin"), "http://localhost:5173");
    // Errors too, so the app can read the message: bad JSON, a missing token, a 404, a 405.
    Answer bad = Send(*server, "POST", "/api/v1/auth/login",
                      {{"Origin", kApp}, {"Content-Type", "application/json"}}, "{nope");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(HeaderValues(bad.headers, "Access-Control-Allow-Origin"), kApp);
    Answer unauthorized =
        Send(*server, "POST", "/api/v1/posts",
             {{"Origin", kApp}, {"Content-Type", "application/json"}}, R"({"text":"hi"})");
    EXPECT_EQ(unauthorized.status, 401);
    EXPECT_EQ(HeaderValues(unauthorized.headers, "Access-Control-Allow-Origin"), kApp);
    Answer missing = Send(*server, "GET", "/api/v1/nothing-here", {{"Origin", kApp}});
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(HeaderValues(missing.headers, "Access-Control-Allow-Origin"), kApp);
    Answer wrong = Send(*server, "PATCH", "/api/v1/posts", {{"Origin", kApp}});
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(HeaderValues(wrong.headers, "Access-Control-Allow-Origin"), kApp);
    // Retry-After must be readable by the app's script.
    EXPECT_NE(HeaderValues(ok.headers, "Access-Control-Expose-Headers").find("Retry-After"),
              std::string::npos);
}

TEST_F(CorsTest, MediaIsReadableCrossOriginForWebGlTextures) {
    ApiClient client = SignupAndLogin(*server, "cors_media");
    std::string png = MakePng(32, 24);
    auto media = Await<skyloom::Media>([&](auto cb) { client.UploadMedia(png, "image/png", cb); });
    ASSERT_TRUE(media.ok()) << media.error().message;
    Answer got = Send(*server, "GET", media.value().url, {{"Origin", kApp}});
    EXPECT_EQ(got.status, 200);
    EXPECT_EQ(HeaderValues(got.headers, "Access-Control-Allow-Origin"), kApp);
    Answer range =
        Send(*server, "GET", media.value().url, {{"Origin", kApp}, {"Range", "bytes=0-9"}});
    EXPECT_EQ(range.status, 206);
    EXPECT_EQ(HeaderValues(range.headers, "Access-Control-Allow-Origin"), kApp);
}

TEST_F(CorsTest, EveryAnswerCarriesTheSecurityHeaders) {
    for (const char* path : {"/api/v1/posts", "/api/v1/nothing-here", "/p/999999"}) {
        Answer a = Send(*server, "GET", path);
        EXPECT_EQ(HeaderValues(a.headers, "X-Content-Type-Options"), "nosniff") << path;
        EXPECT_EQ(HeaderValues(a.headers, "Referrer-Policy"), "strict-origin-when-cross-origin")
            << path;
        EXPECT_EQ(HeaderValues(a.headers, "Strict-Transport-Security"),
                  "max-age=31536000; includeSubDomains")
            << path;
    }
}

TEST(CorsOff, WithoutOriginsNoGrantAndNoHsts) {
    ServerProcess server;
    Answer a = Send(server, "GET", "/api/v1/posts", {{"Origin", kApp}});
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(HeaderValues(a.headers, "Access-Control-Allow-Origin"), "");
    EXPECT_EQ(HeaderValues(a.headers, "Strict-Transport-Security"), "");
    EXPECT_EQ(HeaderValues(a.headers, "X-Content-Type-Options"), "nosniff");
}

}  // namespace
}  // namespace skyloom::testing
