// Which text Dear ImGui's font atlas can draw, and which must go to the browser's text engine.
// The atlas has Inter for Latin, Greek and Cyrillic and draws one glyph after another; anything
// that needs shaping (joined Arabic, Devanagari conjuncts, Thai marks, emoji sequences),
// reordering (right-to-left scripts) or a glyph the atlas lacks (CJK, emoji) is laid out and
// rasterised by the browser instead (src/app/ui/rich_text.*).
//
//   if (text::NeedsBrowserEngine(post.text, [&](char32_t c) { return AtlasHas(font, c); })) ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "meme/utf8.h"  // NextCodepoint

namespace skyloom::text {

// The code points the eager UI font covers: ImGui's body/strong atlas ranges AND the subset of
// Inter that `make dist` ships (scripts/make-dist reads the pairs between the BEGIN/END marks,
// so the download and the atlas can never disagree). Pairs of inclusive bounds, 0-terminated
// like ImGui's glyph ranges.
// clang-format off
inline constexpr uint16_t kEagerFontRanges[] = {
    // BEGIN eager font ranges
    0x0020, 0x007E,  // Basic Latin
    0x00A0, 0x017F,  // Latin-1 Supplement, Latin Extended-A
    0x0218, 0x021B,  // Romanian comma-below letters
    0x0370, 0x03FF,  // Greek and Coptic
    0x0400, 0x045F,  // Cyrillic: Russian, Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian
    0x0490, 0x04FF,  // Cyrillic: Ukrainian Ghe, Kazakh, Tatar, Bashkir, Mongolian...
    0x1EA0, 0x1EF9,  // Vietnamese
    0x2010, 0x205E,  // General Punctuation: dashes, quotes, bullet, ellipsis, primes
    0x20AC, 0x20AC,  // euro
    0x2122, 0x2122,  // trade mark
    0x2190, 0x2193,  // arrows
    0x2212, 0x2212,  // minus
    // END eager font ranges
    0,
};
// clang-format on

// True for code points inside `ranges` (pairs, 0-terminated).
[[nodiscard]] bool InRanges(char32_t c, const uint16_t* ranges);

// Code points a glyph-by-glyph renderer cannot place correctly whatever its font: combining
// marks, joiners, variation selectors and emoji modifiers, bidi controls, and letters of
// right-to-left scripts (their order on screen is not their order in memory).
[[nodiscard]] bool NeedsShaping(char32_t c);

// True when `utf8` holds a code point that needs shaping or that `has_glyph` says the atlas
// cannot draw. Printable ASCII is assumed drawable (the atlas always has it), which keeps the
// common case a byte scan. Malformed UTF-8 decodes to U+FFFD, which the atlas lacks.
template <typename HasGlyph>
[[nodiscard]] bool NeedsBrowserEngine(std::string_view utf8, HasGlyph&& has_glyph) {
    for (size_t i = 0; i < utf8.size();) {
        if (static_cast<uint8_t>(utf8[i]) < 0x80) {
            ++i;
            continue;
        }
        const char32_t c = meme::NextCodepoint(utf8, &i);
        if (NeedsShaping(c) || !has_glyph(c)) return true;
    }
    return false;
}

// The same against the eager font's ranges (what the atlas holds when every glyph exists).
[[nodiscard]] inline bool NeedsBrowserEngine(std::string_view utf8) {
    return NeedsBrowserEngine(utf8, [](char32_t c) { return InRanges(c, kEagerFontRanges); });
}

}  // namespace skyloom::text
