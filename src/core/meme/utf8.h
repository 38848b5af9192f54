// UTF-8 decoding for the meme fit and renderer, which measure and draw code point by code point.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace skyloom::meme {

// Decodes one UTF-8 code point at *i and advances; malformed input yields U+FFFD.
inline char32_t NextCodepoint(std::string_view s, size_t* i) {
    const auto c = uint8_t(s[(*i)++]);
    if (c < 0x80) return c;
    const int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (extra < 0) return 0xFFFD;
    char32_t cp = c & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (*i >= s.size() || (uint8_t(s[*i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (uint8_t(s[(*i)++]) & 0x3F);
    }
    return cp;
}

}  // namespace skyloom::meme
