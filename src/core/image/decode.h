// Decodes an uploaded JPEG (baseline, progressive, grayscale), PNG (8/16-bit, palette, alpha),
// GIF (first frame) or BMP from memory into an Image. ProbeImage runs first, so size limits and
// CMYK are rejected from the header before any pixel work; damaged files are typed errors.
//
//   Result<Image> img = Decode(bytes);
//   if (!img) ShowError(img.error().message);
#pragma once

#include <string_view>

#include "image/image.h"
#include "util/result.h"

namespace skyloom::image {

// Errors: every ProbeImage error, plus "corrupt_image" (422) when the pixels cannot be decoded
// or the file is truncated. Opaque images come back with 3 channels, others with 4.
// EXIF orientation is NOT applied here (see exif.h, orient.h).
[[nodiscard]] Result<Image> Decode(std::string_view bytes);

}  // namespace skyloom::image
