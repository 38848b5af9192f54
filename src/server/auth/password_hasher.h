// argon2id password hashing (libsodium). Slow on purpose (~19 MiB, 2 passes): call it from the
// worker pool, never on an I/O thread.
#pragma once

#include <string>
#include <string_view>

namespace skyloom::server {

struct PasswordCost {
    unsigned long long ops = 2;                 // t = 2 passes
    size_t memory_bytes = 19ull * 1024 * 1024;  // m = 19 MiB (OWASP's argon2id baseline)
};

class PasswordHasher {
  public:
    explicit PasswordHasher(PasswordCost cost = {});
    // Returns the self-describing encoded hash ("$argon2id$v=19$m=...").
    [[nodiscard]] std::string Hash(std::string_view password) const;
    [[nodiscard]] bool Verify(std::string_view encoded_hash, std::string_view password) const;
    // Burns the same time as a real verification: used when the account does not exist, so the
    // answer's timing does not reveal whether a username is registered.
    void VerifyDummy(std::string_view password) const;

  private:
    PasswordCost m_cost;
    std::string m_dummy_hash;
};

}  // namespace skyloom::server
