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

TEST_F(StaticFilesTest, RangesCountTheBytesOfTheEncodingSent) {
    // "BROTLI BYTES": a range of the brotli file as stored, labelled with its encoding.
    RawHttpResponse br =
        Get("/app.0123456789ab.js", {{"Accept-Encoding", "br"}, {"Range", "bytes=7-11"}});
    EXPECT_EQ(br.response.status, 206);
    EXPECT_EQ(br.response.body, "BYTES");
    EXPECT_EQ(HeaderValues(br.headers, "Content-Encoding"), "br");
    EXPECT_EQ(HeaderValues(br.headers, "Content-Range"), "bytes 7-11/12");

    RawHttpResponse plain = Get("/app.0123456789ab.js", {{"Range", "bytes=-10"}});
    EXPECT_EQ(plain.response.status, 206);
    EXPECT_EQ(plain.response.body, "javascript");
    EXPECT_EQ(HeaderValues(plain.headers, "Content-Encoding"), "");
    EXPECT_EQ(HeaderValues(plain.headers, "Content-Range"), "bytes 6-15/16");

    RawHttpResponse past =
        Get("/app.0123456789ab.js", {{"Accept-Encoding", "gzip"}, {"Range", "bytes=50-"}});
    EXPECT_EQ(past.response.status, 416);
    EXPECT_EQ(HeaderValues(past.headers, "Content-Range"), "bytes */10");

    RawHttpResponse whole = Get("/app.0123456789ab.js", {{"Range", "bytes=0-1,4-5"}});
    EXPECT_EQ(whole.response.status, 200);  // several ranges: the whole file, as RFC 9110 allows
    EXPECT_EQ(HeaderValues(whole.headers, "Accept-Ranges"), "bytes");
}

TEST_F(StaticFilesTest, TheSitePolicyAllowsTheAppAndNothingElse) {
    RawHttpResponse page = Get("/");
    const std::string csp = HeaderValues(page.headers, "Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self' 'wasm-unsafe-eval'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("connect-src 'self';"), std::string::npos) << csp;  // same-origin API
    // Every file of the site carries it (a worker's script included); answers that are not the
    // site get the locked-down one.
    EXPECT_EQ(HeaderValues(Get("/app.0123456789ab.js").headers, "Content-Security-Policy"), csp);
    EXPECT_EQ(HeaderValues(Get("/nope.js").headers, "Content-Security-Policy"),
              "default-src 'none'; frame-ancestors 'none'");
    EXPECT_EQ(HeaderValues(Get("/api/v1/posts?limit=1").headers, "Content-Security-Policy"),
              "default-src 'none'; frame-ancestors 'none'");
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
