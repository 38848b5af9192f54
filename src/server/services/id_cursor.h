// Opaque keyset cursors for lists ordered by a strictly increasing id, newest first:
// base64url("<prefix><last id>"). Each list has its own prefix so cursors do not cross lists.
#pragma once

#include <cstdint>
#include <string>

#include "util/crypto.h"

namespace skyloom::server {

[[nodiscard]] inline std::string EncodeIdCursor(char prefix, int64_t last_id) {
    return Base64UrlEncode(std::string(1, prefix) + std::to_string(last_id));
}

// False for anything this server did not issue with `prefix`.
[[nodiscard]] inline bool DecodeIdCursor(char prefix, const std::string& cursor, int64_t& last_id) {
    std::string raw;
    if (cursor.size() > 40 || !Base64UrlDecode(cursor, raw) || raw.size() < 2 || raw[0] != prefix)
        return false;
    int64_t value = 0;
    for (size_t i = 1; i < raw.size(); ++i) {
        if (raw[i] < '0' || raw[i] > '9' || value > (INT64_MAX - 9) / 10) return false;
        value = value * 10 + (raw[i] - '0');
    }
    last_id = value;
    return value > 0;
}

// A positive decimal id as sent in JSON bodies ("42"); false for anything else.
[[nodiscard]] inline bool DecodeDecimalId(const std::string& text, int64_t& id) {
    if (text.empty() || text.size() > 18) return false;
    id = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        id = id * 10 + (c - '0');
    }
    return id > 0;
}

}  // namespace skyloom::server
