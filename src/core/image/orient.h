// Applies an EXIF orientation to the pixels so the image is stored upright (rotations swap
// width and height). The output then needs no orientation tag at all.
//
//   Image upright = ApplyOrientation(decoded, ReadExifOrientation(bytes));
#pragma once

#include "image/exif.h"
#include "image/image.h"

namespace skyloom::image {

[[nodiscard]] Image ApplyOrientation(Image image, Orientation orientation);

}  // namespace skyloom::image
