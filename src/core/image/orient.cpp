#include "image/orient.h"

#include <cstddef>
#include <cstring>
#include <utility>

namespace skyloom::image {
namespace {

// Copies destination rows from a source walk: destination pixel (dx, dy) is the source pixel at
// byte offset row_start + dy * row_step + dx * pixel_step. A fixed channel count lets the copy
// compile to plain loads and stores instead of a memcpy call per pixel.
// One destination row; out of line so V8 optimises it during a fresh worker's first job (no
// on-stack replacement for wasm; see resize.cpp's row kernels).
template <int kChannels>
[[gnu::noinline]] void WalkRow(const uint8_t* base, ptrdiff_t at, ptrdiff_t pixel_step,
                               uint8_t* out, int width) {
    for (int dx = 0; dx < width; ++dx, out += kChannels, at += pixel_step) {
        const uint8_t* in = base + at;  // offsets, never a stray pointer
        for (int ch = 0; ch < kChannels; ++ch) out[ch] = in[ch];
    }
}

template <int kChannels>
void Walk(const Image& src, Image* dst, ptrdiff_t row_start, ptrdiff_t row_step,
          ptrdiff_t pixel_step) {
    for (int dy = 0; dy < dst->height; ++dy) {
        WalkRow<kChannels>(src.pixels.data(), row_start + ptrdiff_t(dy) * row_step, pixel_step,
                           dst->Pixel(0, dy), dst->width);
    }
}

}  // namespace

Image ApplyOrientation(Image src, Orientation orientation) {
    if (orientation == Orientation::kNormal || src.Empty()) return src;
    const bool swaps =
        orientation == Orientation::kTranspose || orientation == Orientation::kRotate90Cw ||
        orientation == Orientation::kTransverse || orientation == Orientation::kRotate90Ccw;
    const int w = src.width, h = src.height, c = src.channels;
    Image dst = Image::Blank(swaps ? h : w, swaps ? w : h, c);
    // For destination pixel (dx, dy), the source pixel it shows is (sx, sy); both are affine in
    // dx and dy, so each orientation is a start offset and two steps (in bytes).
    const ptrdiff_t px = c, row = ptrdiff_t(w) * c;
    const ptrdiff_t last_x = ptrdiff_t(w - 1) * px, last_y = ptrdiff_t(h - 1) * row;
    ptrdiff_t start = 0, row_step = row, pixel_step = px;
    switch (orientation) {
        case Orientation::kNormal:
            break;
        case Orientation::kFlipX:  // sx = w-1-dx, sy = dy
            start = last_x, row_step = row, pixel_step = -px;
            break;
        case Orientation::kRotate180:  // sx = w-1-dx, sy = h-1-dy
            start = last_x + last_y, row_step = -row, pixel_step = -px;
            break;
        case Orientation::kFlipY:  // sx = dx, sy = h-1-dy
            start = last_y, row_step = -row, pixel_step = px;
            break;
        case Orientation::kTranspose:  // sx = dy, sy = dx
            start = 0, row_step = px, pixel_step = row;
            break;
        case Orientation::kRotate90Cw:  // sx = dy, sy = h-1-dx
            start = last_y, row_step = px, pixel_step = -row;
            break;
        case Orientation::kTransverse:  // sx = w-1-dy, sy = h-1-dx
            start = last_x + last_y, row_step = -px, pixel_step = -row;
            break;
        case Orientation::kRotate90Ccw:  // sx = w-1-dy, sy = dx
            start = last_x, row_step = -px, pixel_step = row;
            break;
    }
    if (c == 3) {
        Walk<3>(src, &dst, start, row_step, pixel_step);
    } else if (c == 4) {
        Walk<4>(src, &dst, start, row_step, pixel_step);
    } else {
        for (int dy = 0; dy < dst.height; ++dy) {
            ptrdiff_t at = start + ptrdiff_t(dy) * row_step;
            uint8_t* out = dst.Pixel(0, dy);
            for (int dx = 0; dx < dst.width; ++dx, out += c, at += pixel_step) {
                std::memcpy(out, src.pixels.data() + at, size_t(c));
            }
        }
    }
    return dst;
}

}  // namespace skyloom::image
