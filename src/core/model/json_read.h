// Non-throwing JSON field readers shared by the model parsers (models.cpp, social.cpp): each
// returns false when the field is missing or mistyped, leaving `out` untouched.
#pragma once

#include <cstdint>
#include <string>

#include "model/models.h"  // Json, Error

namespace skyloom::json_read {

inline bool ReadString(const Json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return false;
    out = it->get_ref<const std::string&>();
    return true;
}

inline bool ReadInt(const Json& j, const char* key, int64_t& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return false;
    out = it->get<int64_t>();
    return true;
}

inline bool ReadBool(const Json& j, const char* key, bool& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_boolean()) return false;
    out = it->get<bool>();
    return true;
}

// The error for a response body that parsed as JSON but not as the expected `what`.
inline Error Malformed(const char* what) {
    return Error{"malformed_response", std::string("The server sent an unreadable ") + what, 0};
}

}  // namespace skyloom::json_read
