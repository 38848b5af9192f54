#include "auth/jwt.h"

#include <gtest/gtest.h>

#include "util/crypto.h"

namespace skyloom::server {
namespace {

class JwtTest : public ::testing::Test {
  protected:
    void SetUp() override { InitCrypto(); }
    JwtSigner signer{"top-secret"};
    AccessClaims claims{7, "ada", 1000, 1900};
};

TEST_F(JwtTest, SignedTokenVerifies) {
    auto verified = signer.Verify(signer.Sign(claims), 1500);
    ASSERT_TRUE(verified.ok());
    EXPECT_EQ(verified.value().user_id, 7);
    EXPECT_EQ(verified.value().username, "ada");
}

TEST_F(JwtTest, ExpiredTokenSaysSo) {
    auto verified = signer.Verify(signer.Sign(claims), 1900);
    ASSERT_FALSE(verified.ok());
    EXPECT_EQ(verified.error().code, "token_expired");
}

TEST_F(JwtTest, OtherKeyOrTamperingIsInvalid) {
    std::string token = signer.Sign(claims);
    EXPECT_EQ(JwtSigner("other").Verify(token, 1500).error().code, "invalid_token");
    std::string tampered = token;
    tampered[tampered.find('.') + 5] ^= 1;
    EXPECT_FALSE(signer.Verify(tampered, 1500).ok());
    EXPECT_FALSE(signer.Verify("", 1500).ok());
    EXPECT_FALSE(signer.Verify("a.b", 1500).ok());
    EXPECT_FALSE(signer.Verify("a.b.c.d", 1500).ok());
}

TEST_F(JwtTest, AlgorithmIsPinned) {
    std::string token = signer.Sign(claims);
    std::string payload = token.substr(token.find('.') + 1);
    payload = payload.substr(0, payload.find('.'));
    // "alg":"none" with an empty signature must never pass.
    std::string none = Base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." + payload + ".";
    EXPECT_EQ(signer.Verify(none, 1500).error().code, "invalid_token");
    // HS512 header with a valid HS256 signature over it is still rejected.
    std::string input = Base64UrlEncode(R"({"alg":"HS512","typ":"JWT"})") + "." + payload;
    std::string other_alg = input + "." + Base64UrlEncode(HmacSha256("top-secret", input));
    EXPECT_EQ(signer.Verify(other_alg, 1500).error().code, "invalid_token");
}

}  // namespace
}  // namespace skyloom::server
