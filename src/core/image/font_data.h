// The stb_truetype state behind image::Font. Private to the text renderers in core
// (image/caption.cpp, meme/fit.cpp, meme/render.cpp), which measure and rasterize glyphs
// directly; everything else goes through image::Font.
#pragma once

#include <string>

#include <stb/stb_truetype.h>

namespace skyloom::image {

struct FontData {
    std::string bytes;  // stbtt_fontinfo points into these
    stbtt_fontinfo info{};
};

}  // namespace skyloom::image
