// The three caption fonts from their Debian packages (installed by scripts/setup), for
// meme_tests. A missing font is a failure, not a skip.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "meme/render.h"

namespace skyloom::meme::testing {

constexpr const char* kBebasPath = "/usr/share/fonts/opentype/bebas-neue/BebasNeue-Regular.otf";
constexpr const char* kInterPath = "/usr/share/fonts/opentype/inter/Inter-Regular.otf";
constexpr const char* kDejaVuPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

inline image::Font LoadFontOrDie(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    Result<image::Font> font = image::Font::Load(bytes.str());
    if (!font.ok()) {
        ADD_FAILURE() << path << ": " << font.error().message << " (run scripts/setup)";
        return {};
    }
    return font.value();
}

inline const MemeFonts& Fonts() {
    static const MemeFonts fonts{LoadFontOrDie(kBebasPath), LoadFontOrDie(kInterPath),
                                 LoadFontOrDie(kDejaVuPath)};
    return fonts;
}

}  // namespace skyloom::meme::testing
