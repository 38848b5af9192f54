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

}  // namespace
}  // namespace skyloom::server
