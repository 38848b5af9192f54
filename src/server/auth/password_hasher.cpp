#include "auth/password_hasher.h"

#include <sodium.h>

#include <stdexcept>

namespace skyloom::server {

PasswordHasher::PasswordHasher(PasswordCost cost) : m_cost(cost) {
    m_dummy_hash = Hash("skyloom-dummy-password-for-timing");
}

std::string PasswordHasher::Hash(std::string_view password) const {
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), m_cost.ops,
                              m_cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("argon2id hashing ran out of memory");
    }
    return encoded;
}

bool PasswordHasher::Verify(std::string_view encoded_hash, std::string_view password) const {
    std::string hash(encoded_hash);  // libsodium wants a NUL-terminated string
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::VerifyDummy(std::string_view password) const {
    (void)Verify(m_dummy_hash, password);
}

}  // namespace skyloom::server
