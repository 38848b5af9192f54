// The built-in static site server: precompressed variants by Accept-Encoding (issue 12 item 5)
// and the headers every file carries.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "curl_transport.h"
#include "raw_headers.h"
#include "server_process.h"

namespace skyloom::testing {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

class StaticFilesTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        site = new fs::path(fs::temp_directory_path() /
                            ("skyloom-site-" + std::to_string(::getpid())));
        fs::create_directories(*site);
        // The server sends the variants as they are: their bytes need not be real brotli here.
        Write(*site / "app.0123456789ab.js", "plain javascript");
        Write(*site / "app.0123456789ab.js.br", "BROTLI BYTES");
        Write(*site / "app.0123456789ab.js.gz", "GZIP BYTES");
        Write(*site / "config.json", "{\"api_base\": \"\"}");
        Write(*site / "index.html", "<!doctype html><title>x</title>");
        server = new ServerProcess({"--site", site->string()});
    }
    static void TearDownTestSuite() {
        delete server;
        fs::remove_all(*site);
        delete site;
    }
    static RawHttpResponse Get(const std::string& path, std::vector<HttpHeader> headers = {}) {
        HttpRequest request;
        request.method = "GET";
        request.path = path;
        request.headers = std::move(headers);
        return CurlPerformWithHeaders(server->base_url(), request);
    }
    static ServerProcess* server;
    static fs::path* site;
};
ServerProcess* StaticFilesTest::server = nullptr;
fs::path* StaticFilesTest::site = nullptr;

TEST_F(StaticFilesTest, BrotliGzipOrIdentityByAcceptEncoding) {
    RawHttpResponse br = Get("/app.0123456789ab.js", {{"Accept-Encoding", "gzip, deflate, br"}});
    EXPECT_EQ(br.response.status, 200);
    EXPECT_EQ(br.response.body, "BROTLI BYTES");
    EXPECT_EQ(HeaderValues(br.headers, "Content-Encoding"), "br");
    EXPECT_EQ(HeaderValues(br.headers, "Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_NE(HeaderValues(br.headers, "Vary").find("Accept-Encoding"), std::string::npos);
    EXPECT_EQ(HeaderValues(br.headers, "Cache-Control"), "public, max-age=31536000, immutable");

    RawHttpResponse gz = Get("/app.0123456789ab.js", {{"Accept-Encoding", "gzip"}});
    EXPECT_EQ(gz.response.body, "GZIP BYTES");
    EXPECT_EQ(HeaderValues(gz.headers, "Content-Encoding"), "gzip");

    RawHttpResponse plain = Get("/app.0123456789ab.js", {{"Accept-Encoding", "identity"}});
    EXPECT_EQ(plain.response.body, "plain javascript");
    EXPECT_EQ(HeaderValues(plain.headers, "Content-Encoding"), "");

    RawHttpResponse refused = Get("/app.0123456789ab.js", {{"Accept-Encoding", "br;q=0, gzip"}});
    EXPECT_EQ(refused.response.body, "GZIP BYTES");
}

TEST_F(StaticFilesTest, PagesAreNotCachedAndCarryTheSecurityHeaders) {
    for (const char* path : {"/", "/config.json"}) {
        RawHttpResponse page = Get(path, {{"Accept-Encoding", "br"}});
        EXPECT_EQ(page.response.status, 200) << path;
        EXPECT_EQ(HeaderValues(page.headers, "Cache-Control"), "no-cache") << path;
        EXPECT_EQ(HeaderValues(page.headers, "X-Content-Type-Options"), "nosniff") << path;
        EXPECT_EQ(HeaderValues(page.headers, "Content-Encoding"), "") << path;  // no variant
    }
    RawHttpResponse missing = Get("/nope.js");
    EXPECT_EQ(missing.response.status, 404);
    EXPECT_EQ(HeaderValues(missing.headers, "X-Content-Type-Options"), "nosniff");
}

}  // namespace
}  // namespace skyloom::testing
