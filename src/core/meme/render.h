// The one meme renderer: the editor's live preview and the exported image both come from here,
// so what you see is what you get. Each text box renders on its own as a transparent RGBA layer
// the size of the box; the editor uploads a layer as a texture and moves it as a quad while a
// box is dragged (no re-render), and export composites the same layers onto the background at
// the output size.
//
//   meme::MemeFonts fonts{bebas, inter, dejavu};
//   image::Image out = meme::RenderMeme(background_1000px, spec.boxes, fonts);
//   // or, per box: meme::BoxLayer layer = meme::RenderBoxLayer(box, fonts, 1000, 750);
#pragma once

#include <vector>

#include "image/caption.h"
#include "image/image.h"
#include "meme/fit.h"
#include "meme/meme_spec.h"

namespace skyloom::meme {

// The three caption fonts (Debian fonts-bebas-neue, fonts-inter, fonts-dejavu-core).
struct MemeFonts {
    image::Font bebas;
    image::Font inter;
    image::Font dejavu;
    [[nodiscard]] const image::Font& For(MemeFont font) const;
};

// A box's rectangle in pixels of a width x height image (rounded, clamped inside the image,
// at least 1 px).
struct PixelRect {
    int x = 0, y = 0, w = 0, h = 0;
};
[[nodiscard]] PixelRect BoxPixels(const MemeBox& box, int width, int height);

// One box rendered alone: straight-alpha RGBA pixels of the box's size, to be placed at
// (rect.x, rect.y) of an image of the size it was rendered for.
struct BoxLayer {
    image::Image rgba;
    PixelRect rect;
    FitResult fit;
};

// Renders the box's text for an image of `width` x `height` pixels: auto-fitted, centred
// vertically, aligned per the box, outlined, all-caps when asked.
[[nodiscard]] BoxLayer RenderBoxLayer(const MemeBox& box, const MemeFonts& fonts, int width,
                                      int height);

// The same text alone in a w x h RGBA image (the box's size in pixels); the editor uses it with
// a size that does not depend on where the box is, so moving a box never re-renders it.
[[nodiscard]] image::Image RenderBoxText(const MemeBox& box, const MemeFonts& fonts, int w, int h,
                                         FitResult* fit = nullptr);

// Source-over of `layer` onto `image` (3 or 4 channels) at the layer's rectangle.
void CompositeLayer(image::Image* image, const BoxLayer& layer);

// The finished meme: `background` (any size) with every box composited at that size.
[[nodiscard]] image::Image RenderMeme(const image::Image& background,
                                      const std::vector<MemeBox>& boxes, const MemeFonts& fonts);

// Grows `coverage` (w x h, 0..255) into the coverage of a disk of `radius` pixels around it:
// the outline. Separable in rows (3-tap max per radius step) so its cost is O(w * h * radius),
// not O(w * h * radius^2). Exposed for tests.
[[nodiscard]] std::vector<uint8_t> DilateDisk(const std::vector<uint8_t>& coverage, int w, int h,
                                              float radius);

}  // namespace skyloom::meme
