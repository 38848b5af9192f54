#include "text/script_ranges.h"

namespace skyloom::text {
namespace {

struct Range {
    char32_t first;
    char32_t last;
};

// Sorted, inclusive. Sources: Unicode 15 blocks (combining marks, RTL scripts) and
// UAX #9 (explicit bidi formatting characters).
constexpr Range kShaping[] = {
    {0x0300, 0x036F},    // combining diacritical marks
    {0x0483, 0x0489},    // combining Cyrillic marks
    {0x0590, 0x08FF},    // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic ext.
    {0x1AB0, 0x1AFF},    // combining diacritical marks extended
    {0x1DC0, 0x1DFF},    // combining diacritical marks supplement
    {0x200B, 0x200F},    // zero-width space/joiners, LRM, RLM
    {0x202A, 0x202E},    // bidi embeddings and overrides
    {0x2066, 0x2069},    // bidi isolates
    {0x20D0, 0x20FF},    // combining marks for symbols (keycap U+20E3)
    {0xFB1D, 0xFDFF},    // Hebrew and Arabic presentation forms
    {0xFE00, 0xFE0F},    // variation selectors (emoji vs text presentation)
    {0xFE20, 0xFE2F},    // combining half marks
    {0xFE70, 0xFEFF},    // Arabic presentation forms-B, BOM
    {0x10800, 0x10FFF},  // right-to-left historic scripts
    {0x1E800, 0x1EFFF},  // Adlam, Mende Kikakui, Arabic mathematical symbols...
    {0x1F3FB, 0x1F3FF},  // emoji skin-tone modifiers
    {0xE0000, 0xE007F},  // tags (subdivision flags)
    {0xE0100, 0xE01EF},  // variation selectors supplement
};

}  // namespace

bool InRanges(char32_t c, const uint16_t* ranges) {
    for (; ranges[0] != 0; ranges += 2)
        if (c >= ranges[0] && c <= ranges[1]) return true;
    return false;
}

bool NeedsShaping(char32_t c) {
    if (c < 0x0300) return false;  // fast path: Latin
    for (const Range& r : kShaping) {
        if (c < r.first) return false;
        if (c <= r.last) return true;
    }
    return false;
}

}  // namespace skyloom::text
