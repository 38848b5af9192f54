// High-quality downscaling in linear light: pixels are converted from sRGB to linear, filtered
// (Catmull-Rom, a sharp cubic), and converted back, with alpha premultiplied during filtering so
// transparent pixels never bleed their (meaningless) colour into opaque neighbours. Reductions
// of 3x or more first average k x k blocks in linear light (exact, cheap), then filter the rest.
//
//   Image display = ResizeToWidth(decoded, kMaxDisplayWidth);  // never upscales
#pragma once

#include "image/image.h"

namespace skyloom::image {

constexpr int kMaxDisplayWidth = 1000;  // px: every stored image is at most this wide
constexpr int kThumbnailWidth = 320;    // px: feed thumbnails

// Exactly width x height (both >= 1).
[[nodiscard]] Image Resize(const Image& image, int width, int height);
// Same, but may free the source early (a 12 MP upload's pixels are 36 MB): lower peak memory.
[[nodiscard]] Image Resize(Image&& image, int width, int height);

// The size an image of `width` x `height` gets when fitted to `max_width` without upscaling;
// the aspect ratio is kept (height rounded, at least 1 px).
struct Size {
    int width = 0;
    int height = 0;
};
[[nodiscard]] Size FitWidth(int width, int height, int max_width);

// Downscales to FitWidth(...); returns a copy when the image is already narrow enough.
[[nodiscard]] Image ResizeToWidth(const Image& image, int max_width);

}  // namespace skyloom::image
