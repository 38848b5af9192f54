// The Content-Security-Policy values (http/security_policy.h): the site's, built from
// web/content-security-policy, and the API origin read from config.json.
#include "http/security_policy.h"

#include <gtest/gtest.h>

namespace skyloom::server {
namespace {

TEST(SitePolicyTest, JoinsTheDirectivesAndNamesAnotherApiOrigin) {
    const char* file =
        "# a comment\n"
        "default-src 'self'\n"
        "\n"
        "connect-src 'self'{api}\n"
        "img-src 'self' blob:{api}\n";
    EXPECT_EQ(SitePolicy(file, ""), "default-src 'self'; connect-src 'self'; img-src 'self' blob:");
    EXPECT_EQ(SitePolicy(file, "https://api.example"),
              "default-src 'self'; connect-src 'self' https://api.example; "
              "img-src 'self' blob: https://api.example");
}

TEST(SitePolicyTest, TheEmbeddedPolicyHasNoInlineScriptAndAllowsWasm) {
    const std::string policy = SitePolicy("https://api.example");
    EXPECT_NE(policy.find("script-src 'self' 'wasm-unsafe-eval';"), std::string::npos) << policy;
    EXPECT_NE(policy.find("connect-src 'self' https://api.example;"), std::string::npos);
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(policy.find("{api}"), std::string::npos);
}

TEST(ApiOriginOfConfigTest, OnlyAnAbsoluteApiBaseIsAnotherOrigin) {
    EXPECT_EQ(ApiOriginOfConfig(R"({"api_base": ""})"), "");
    EXPECT_EQ(ApiOriginOfConfig(R"({"api_base": "/api"})"), "");
    EXPECT_EQ(ApiOriginOfConfig(R"({"api_base": "https://api.example.com"})"),
              "https://api.example.com");
    EXPECT_EQ(ApiOriginOfConfig(R"({"api_base": "http://127.0.0.1:8081/v"})"),
              "http://127.0.0.1:8081");
    // Not a URL a policy could name, or not JSON: no origin rather than a broken policy.
    EXPECT_EQ(ApiOriginOfConfig(R"({"api_base": "https://a b; script-src *"})"), "");
    EXPECT_EQ(ApiOriginOfConfig(R"({"api_base": 7})"), "");
    EXPECT_EQ(ApiOriginOfConfig("{not json"), "");
}

TEST(PreviewPagePolicyTest, AllowsItsOwnStyleByHashAndNoScript) {
    // sha256("p{}") in base64, as `printf 'p{}' | openssl dgst -sha256 -binary | base64` prints.
    const std::string policy = PreviewPagePolicy("p{}");
    EXPECT_NE(policy.find("style-src 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='"),
              std::string::npos)
        << policy;
    EXPECT_EQ(policy.find("script-src"), std::string::npos);
    EXPECT_NE(policy.find("default-src 'none'"), std::string::npos);
}

}  // namespace
}  // namespace skyloom::server
