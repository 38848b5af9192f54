// Reads an image's format and dimensions from its header without decoding pixels, and checks
// the upload limits before any expensive work (house rule 10: limits before the work).
// Used by the server for every upload and by the browser pipeline before decoding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/result.h"

namespace skyloom::image {

constexpr size_t kMaxFileBytes = 25 * 1024 * 1024;    // 25 MB
constexpr uint64_t kMaxPixels = 50ull * 1000 * 1000;  // 50 megapixels
constexpr uint32_t kMaxSide = 12000;                  // px, each side

enum class Format { kUnknown, kJpeg, kPng, kGif, kBmp };

struct ImageInfo {
    Format format = Format::kUnknown;
    uint32_t width = 0;
    uint32_t height = 0;
    int channels = 0;  // components in the file (JPEG: 1 gray, 3 YCbCr, 4 CMYK/YCCK)
};

[[nodiscard]] const char* MimeType(Format format);  // "image/jpeg", ...; "" for unknown

// Errors (code -> meaning): "empty_file", "file_too_large" (http 413), "unsupported_format"
// (415: not JPEG/PNG/GIF/BMP by magic bytes), "corrupt_image" (422: header unreadable or
// truncated), "image_too_large" (422: a side > 12 000 px or > 50 MP), "cmyk_unsupported" (422).
[[nodiscard]] Result<ImageInfo> ProbeImage(std::string_view bytes);

}  // namespace skyloom::image
