// Caption overlay: wrapped, outlined text drawn into an image with stb_truetype. Meme text
// (Impact-style: white fill, black outline) and the AI label strip both use it.
//
//   Result<Font> font = Font::Load(bebas_bytes);
//   CaptionStyle style;  style.font_px = 64;  style.outline_px = 4;
//   DrawCaption(&img, font.value(), "ONE DOES NOT SIMPLY", {0, 0, img.width, 200}, style);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "image/image.h"
#include "util/result.h"

namespace skyloom::image {

struct FontData;  // stb_truetype state, private to caption.cpp

// A TrueType/OpenType (glyf outlines) font. Copies the bytes; cheap to copy (shared).
class Font {
  public:
    // Error "invalid_font" when the bytes are not a font stb_truetype can read.
    [[nodiscard]] static Result<Font> Load(std::string_view bytes);

    // Width in pixels of one line of UTF-8 text at `font_px` (the ascent-to-descent height).
    [[nodiscard]] float LineWidth(std::string_view text, float font_px) const;

    [[nodiscard]] const FontData& Data() const { return *m_data; }

  private:
    std::shared_ptr<const FontData> m_data;
};

struct Rgba {
    uint8_t r = 0, g = 0, b = 0, a = 255;
};

enum class Align { kLeft, kCenter, kRight };
enum class VAlign { kTop, kMiddle, kBottom };

struct Box {
    int x = 0, y = 0, width = 0, height = 0;
};

struct CaptionStyle {
    float font_px = 48;             // ascent-to-descent height of a line, in pixels
    Rgba fill{255, 255, 255, 255};  // glyph colour
    Rgba outline{0, 0, 0, 255};     // outline colour
    float outline_px = 3;           // outline thickness in pixels; 0 for none
    Align align = Align::kCenter;   // horizontal placement of each line in the box
    VAlign valign = VAlign::kTop;   // vertical placement of the block of lines
    float line_spacing = 1.1f;      // line advance as a multiple of font_px
};

// Greedy word wrap to `max_width` px; explicit '\n' starts a new line; a word wider than the
// box is broken between characters.
[[nodiscard]] std::vector<std::string> WrapText(const Font& font, std::string_view text,
                                                float font_px, float max_width);

// The largest font size (<= max_px, >= min_px) at which the wrapped text fits the box.
[[nodiscard]] float FitFontSize(const Font& font, std::string_view text, Box box,
                                const CaptionStyle& style, float min_px = 8, float max_px = 200);

// Draws the caption into `image` (3 or 4 channels), clipped to the box and the image.
// Returns the number of lines drawn.
int DrawCaption(Image* image, const Font& font, std::string_view text, Box box,
                const CaptionStyle& style);

}  // namespace skyloom::image
