#include "config.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace skyloom::server {
namespace {

TEST(Config, DefaultsAndFlags) {
    auto config = ParseConfig(
        {"--port", "0", "--data=/tmp/x", "--demo", "--mailer", "smtp://127.0.0.1:2525"});
    ASSERT_TRUE(config.ok());
    EXPECT_EQ(config.value().host, "127.0.0.1");
    EXPECT_EQ(config.value().port, 0);
    EXPECT_EQ(config.value().data_dir, "/tmp/x");
    EXPECT_TRUE(config.value().demo);
    EXPECT_EQ(config.value().mailer, "smtp://127.0.0.1:2525");
}

TEST(Config, DemoPostsInOtherScripts) {
    EXPECT_EQ(ParseConfig({}).value().demo_world_every, 3);  // make run shows them
    EXPECT_EQ(ParseConfig({"--demo-world-every", "0"}).value().demo_world_every, 0);
    EXPECT_EQ(ParseConfig({"--demo-world-every=1"}).value().demo_world_every, 1);
    EXPECT_FALSE(ParseConfig({"--demo-world-every", "-1"}).ok());
}

TEST(Config, EnvironmentIsOverriddenByFlags) {
    setenv("SKYLOOM_PORT", "9999", 1);
    setenv("SKYLOOM_HOST", "0.0.0.0", 1);
    auto config = ParseConfig({"--port", "1234"});
    unsetenv("SKYLOOM_PORT");
    unsetenv("SKYLOOM_HOST");
    ASSERT_TRUE(config.ok());
    EXPECT_EQ(config.value().port, 1234);
    EXPECT_EQ(config.value().host, "0.0.0.0");
}

TEST(Config, BadFlagsAreNamed) {
    EXPECT_NE(ParseConfig({"--port", "70000"}).error().message.find("--port"), std::string::npos);
    EXPECT_NE(ParseConfig({"--bogus"}).error().message.find("--bogus"), std::string::npos);
    EXPECT_FALSE(ParseConfig({"--data"}).ok());
}

TEST(Config, CorsOriginsFromTheEnvironmentAndRepeatedFlags) {
    setenv("SKYLOOM_CORS_ORIGINS", "https://app.example, http://localhost:5173", 1);
    auto config = ParseConfig({"--cors-origin", "https://cdn.example:8443", "--hsts"});
    unsetenv("SKYLOOM_CORS_ORIGINS");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config.value().cors_origins,
              (std::vector<std::string>{"https://app.example", "http://localhost:5173",
                                        "https://cdn.example:8443"}));
    EXPECT_TRUE(config.value().hsts);
    EXPECT_TRUE(ParseConfig({}).value().cors_origins.empty());
    EXPECT_FALSE(ParseConfig({}).value().hsts);
    // An origin is a scheme and a host (and port): no path, no wildcard, no other scheme.
    for (const char* bad : {"app.example", "https://app.example/", "https://app.example/x", "*",
                            "ftp://app.example", "https://", ""}) {
        EXPECT_FALSE(ParseConfig({"--cors-origin", bad}).ok()) << bad;
    }
}

TEST(Config, AiProviderFromEnvironmentAndKeyOnlyFromEnvironment) {
    EXPECT_EQ(ParseConfig({}).value().ai_provider, "builtin");
    setenv("SKYLOOM_AI_PROVIDER", "openai", 1);
    setenv("SKYLOOM_AI_URL", "http://127.0.0.1:8000", 1);
    setenv("SKYLOOM_AI_MODEL", "llama", 1);
    setenv("SKYLOOM_AI_KEY", "sk-secret", 1);
    auto config = ParseConfig({});
    unsetenv("SKYLOOM_AI_PROVIDER");
    unsetenv("SKYLOOM_AI_URL");
    unsetenv("SKYLOOM_AI_MODEL");
    unsetenv("SKYLOOM_AI_KEY");
    ASSERT_TRUE(config.ok());
    EXPECT_EQ(config.value().ai_provider, "openai");
    EXPECT_EQ(config.value().ai_url, "http://127.0.0.1:8000");
    EXPECT_EQ(config.value().ai_model, "llama");
    EXPECT_EQ(config.value().ai_key, "sk-secret");
    // A key on the command line would be visible in `ps`: there is no such flag.
    EXPECT_FALSE(ParseConfig({"--ai-key", "sk-secret"}).ok());
    EXPECT_FALSE(ParseConfig({"--ai-provider", "gpt"}).ok());
    EXPECT_FALSE(ParseConfig({"--ai-provider", "hf"}).ok());  // needs --ai-url
    EXPECT_FALSE(ParseConfig({"--ai-provider", "hf", "--ai-url", "ftp://x"}).ok());
    EXPECT_TRUE(
        ParseConfig({"--ai-provider", "hf", "--ai-url", "https://x.endpoints.hf.cloud"}).ok());
}

}  // namespace
}  // namespace skyloom::server
