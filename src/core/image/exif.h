// Reads the EXIF orientation tag (0x0112) from a JPEG's APP1 "Exif" segment, in either TIFF
// byte order, without a third-party library. Phones store photos sideways and set this tag;
// the pipeline rotates the pixels instead (orient.h) and never copies EXIF to its output.
//
//   Orientation o = ReadExifOrientation(jpeg_bytes);  // kNormal when absent or unreadable
#pragma once

#include <string_view>

namespace skyloom::image {

// The 8 EXIF values: how the stored pixels must be transformed to be displayed upright.
enum class Orientation {
    kNormal = 1,       // as stored
    kFlipX = 2,        // mirror left-right
    kRotate180 = 3,    //
    kFlipY = 4,        // mirror top-bottom
    kTranspose = 5,    // mirror across the top-left/bottom-right diagonal
    kRotate90Cw = 6,   // rotate 90 degrees clockwise
    kTransverse = 7,   // mirror across the top-right/bottom-left diagonal
    kRotate90Ccw = 8,  // rotate 90 degrees counter-clockwise
};

// kNormal for non-JPEG input, a missing or damaged EXIF block, or a value outside 1..8:
// a bad tag must never fail an upload.
[[nodiscard]] Orientation ReadExifOrientation(std::string_view bytes);

}  // namespace skyloom::image
