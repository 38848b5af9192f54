// BlurHash placeholders (https://github.com/woltapp/blurhash, algorithm spec in its README): a
// ~30-character string stored with each media item that the feed decodes into a tiny blurry
// image and paints before the real image has loaded.
//
//   std::string hash = EncodeBlurHash(thumbnail);               // "LKO2?U%2Tw=w]~RBVZRi..."
//   Result<Image> blur = DecodeBlurHash(hash, 32, 24);            // 32x24 RGBA to upload as a
//   texture
#pragma once

#include <string>
#include <string_view>

#include "image/image.h"
#include "util/result.h"

namespace skyloom::image {

constexpr int kBlurHashComponentsX = 4;  // horizontal detail of the placeholder
constexpr int kBlurHashComponentsY = 3;  // vertical detail

// Transparent pixels are laid over white first. Works on any size; large inputs are shrunk
// to a few dozen pixels before the (quadratic) transform.
[[nodiscard]] std::string EncodeBlurHash(const Image& image,
                                         int components_x = kBlurHashComponentsX,
                                         int components_y = kBlurHashComponentsY);

// An opaque RGBA image of width x height (each 1..256). Error "invalid_placeholder" when the
// string is not a valid BlurHash.
[[nodiscard]] Result<Image> DecodeBlurHash(std::string_view hash, int width, int height);

}  // namespace skyloom::image
