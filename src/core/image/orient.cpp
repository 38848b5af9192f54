#include "image/orient.h"

#include <cstring>
#include <utility>

namespace skyloom::image {

Image ApplyOrientation(Image src, Orientation orientation) {
    if (orientation == Orientation::kNormal || src.Empty()) return src;
    const bool swaps =
        orientation == Orientation::kTranspose || orientation == Orientation::kRotate90Cw ||
        orientation == Orientation::kTransverse || orientation == Orientation::kRotate90Ccw;
    const int w = src.width, h = src.height, c = src.channels;
    Image dst = Image::Blank(swaps ? h : w, swaps ? w : h, c);
    // For each destination pixel (dx, dy), the source pixel it shows.
    for (int dy = 0; dy < dst.height; ++dy) {
        uint8_t* out = dst.Pixel(0, dy);
        for (int dx = 0; dx < dst.width; ++dx, out += c) {
            int sx = dx, sy = dy;
            switch (orientation) {
                case Orientation::kNormal:
                    break;
                case Orientation::kFlipX:
                    sx = w - 1 - dx;
                    break;
                case Orientation::kRotate180:
                    sx = w - 1 - dx, sy = h - 1 - dy;
                    break;
                case Orientation::kFlipY:
                    sy = h - 1 - dy;
                    break;
                case Orientation::kTranspose:
                    sx = dy, sy = dx;
                    break;
                case Orientation::kRotate90Cw:
                    sx = dy, sy = h - 1 - dx;
                    break;
                case Orientation::kTransverse:
                    sx = w - 1 - dy, sy = h - 1 - dx;
                    break;
                case Orientation::kRotate90Ccw:
                    sx = w - 1 - dy, sy = dx;
                    break;
            }
            std::memcpy(out, src.Pixel(sx, sy), size_t(c));
        }
    }
    return dst;
}

}  // namespace skyloom::image
