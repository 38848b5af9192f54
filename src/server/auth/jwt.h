// Access tokens: compact JWS with HS256 only. The algorithm is pinned: a token whose header
// names any other "alg" (including "none") is rejected before its signature is looked at.
#pragma once

#include <cstdint>
#include <string>

#include "util/result.h"

namespace skyloom::server {

struct AccessClaims {
    int64_t user_id = 0;
    std::string username;
    int64_t issued_at = 0;   // seconds
    int64_t expires_at = 0;  // seconds
};

class JwtSigner {
  public:
    explicit JwtSigner(std::string secret) : m_secret(std::move(secret)) {}
    [[nodiscard]] std::string Sign(const AccessClaims& claims) const;
    // Errors: "invalid_token" (malformed, bad signature, wrong alg) or "token_expired".
    [[nodiscard]] Result<AccessClaims> Verify(const std::string& token, int64_t now_seconds) const;

  private:
    std::string m_secret;
};

}  // namespace skyloom::server
