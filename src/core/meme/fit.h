// Auto-fit of meme text: the largest font size at which the text, greedily wrapped to the box,
// fits inside it, outline included. Wrapping is redone at every candidate size, so a longer
// caption moves onto more lines whenever that allows a bigger size (as the best generators do).
// Measuring happens once per fit in font units (advances and glyph boxes scale linearly with
// the size), so the binary search over sizes is arithmetic only: a fit costs microseconds and
// runs on every keystroke.
//
//   meme::FitResult fit = meme::FitText(font, "one does not simply", 600, 160);
//   // fit.font_px, fit.outline_px, fit.lines[i].text / ink_left / ink_right
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "image/caption.h"  // image::Font

namespace skyloom::meme {

struct FitParams {
    float min_px = 8;                // never smaller (text may then overflow: FitResult::fits)
    float max_px = 400;              // never larger, however short the text
    float line_spacing = 1.1f;       // baseline-to-baseline as a multiple of the font size
    float outline_ratio = 1 / 12.f;  // outline thickness per pixel of font size
    float min_outline_px = 1;        // a thinner outline disappears under antialiasing
    bool all_caps = false;           // upper-case the text before measuring
};

// One wrapped line. Ink extents are in pixels relative to the pen position where the line
// starts: the rasterized glyphs cover [ink_left, ink_right] horizontally (outline excluded).
struct FitLine {
    std::string text;
    float ink_left = 0;
    float ink_right = 0;
    [[nodiscard]] float InkWidth() const { return ink_right - ink_left; }
};

struct FitResult {
    float font_px = 0;     // the chosen size (stbtt pixel height: ascent to descent)
    float outline_px = 0;  // outline thickness at that size
    std::vector<FitLine> lines;
    float line_advance = 0;  // baseline to baseline, pixels
    float ink_top = 0;       // highest ink above the baseline of a line, pixels (positive)
    float ink_bottom = 0;    // lowest ink below the baseline, pixels (positive)
    bool fits = true;        // false when even min_px overflows the box
    // Height of the block of lines from the top line's ink to the bottom line's, with outline.
    [[nodiscard]] float BlockHeight() const;
    // Widest line's ink width, with outline on both sides.
    [[nodiscard]] float BlockWidth() const;
};

// Pixels of slack kept on each side of the ink: rasterization rounds glyph boxes out by up to a
// pixel and the outline's disk reaches half a pixel past its nominal width.
constexpr float kFitSlackPx = 2;

// Outline thickness for a font size under `params` (font_px * ratio, at least the minimum).
[[nodiscard]] float OutlineFor(float font_px, const FitParams& params = {});

// Upper-cases ASCII and Latin-1 letters (the scripts the bundled fonts cover); other text is
// kept as is.
[[nodiscard]] std::string ToUpperText(std::string_view text);

// Fits `text` into a box of `box_w` x `box_h` pixels. Empty text gives no lines and max_px.
[[nodiscard]] FitResult FitText(const image::Font& font, std::string_view text, float box_w,
                                float box_h, const FitParams& params = {});

}  // namespace skyloom::meme
