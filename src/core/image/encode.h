// Encodes pixels to JPEG or PNG in memory with stb_image_write. Encoding from pixels is what
// strips metadata: nothing from the upload (EXIF, GPS, ICC, comments) can reach the output.
//
//   EncodedImage out = EncodeAuto(img, kJpegQuality);  // PNG only when there is transparency
#pragma once

#include <string>

#include "image/image.h"

namespace skyloom::image {

constexpr int kJpegQuality = 85;

struct EncodedImage {
    std::string bytes;
    std::string mime;  // "image/jpeg" or "image/png"
};

[[nodiscard]] std::string EncodeJpeg(const Image& image, int quality);
[[nodiscard]] std::string EncodePng(const Image& image);

// PNG when any pixel is not fully opaque (JPEG has no alpha), JPEG otherwise.
[[nodiscard]] EncodedImage EncodeAuto(const Image& image, int jpeg_quality);

}  // namespace skyloom::image
