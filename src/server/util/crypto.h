// Small crypto helpers over libsodium: random tokens, hashes, base64url, constant-time compare.
#pragma once

#include <string>
#include <string_view>

namespace skyloom::server {

// Must run once before any other function here (sodium_init).
void InitCrypto();

[[nodiscard]] std::string RandomBytes(size_t count);
// A random URL-safe token carrying `bytes` of entropy.
[[nodiscard]] std::string RandomToken(size_t bytes = 32);
// Uniform in [0, upper).
[[nodiscard]] uint32_t RandomBelow(uint32_t upper);

[[nodiscard]] std::string Sha256Hex(std::string_view data);
[[nodiscard]] std::string HmacSha256(std::string_view key, std::string_view data);  // raw 32 bytes
[[nodiscard]] std::string ToHex(std::string_view bytes);

[[nodiscard]] std::string Base64UrlEncode(std::string_view bytes);
// False on characters outside the URL-safe alphabet or with padding.
[[nodiscard]] bool Base64UrlDecode(std::string_view text, std::string& out);

[[nodiscard]] bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace skyloom::server
