#include "ml/preprocess.h"

#include <algorithm>
#include <cmath>

namespace skyloom::ml {

namespace {

// One axis of tfjs' ResizeBilinear with alignCorners: source position = ratio * index.
struct Tap {
    int lo, hi;
    double frac;
};

std::vector<Tap> Taps(int in_size, int out_size) {
    const bool align = out_size > 1;
    const double ratio =
        double(align ? in_size - 1 : in_size) / double(align ? out_size - 1 : out_size);
    std::vector<Tap> taps(out_size);
    for (int i = 0; i < out_size; ++i) {
        const double src = ratio * i;
        const int lo = std::max(0, int(std::floor(src)));
        taps[i] = {lo, std::min(in_size - 1, int(std::ceil(src))), src - lo};
    }
    return taps;
}

}  // namespace

std::vector<float> PrepareInput(const image::Image& image, int height, int width) {
    if (image.Empty() || image.channels < 3 || height <= 0 || width <= 0) return {};
    // tfjs divides in float32 before resizing; x / 255.0f is that same correctly rounded value.
    const auto value = [&](int x, int y, int c) { return float(image.Pixel(x, y)[c]) / 255.0f; };
    std::vector<float> out(size_t(height) * width * 3);
    float* o = out.data();
    if (image.width == width && image.height == height) {  // nsfwjs skips the resize here
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                for (int c = 0; c < 3; ++c) *o++ = value(x, y, c);
            }
        }
        return out;
    }
    const std::vector<Tap> rows = Taps(image.height, height);
    const std::vector<Tap> cols = Taps(image.width, width);
    for (const Tap& r : rows) {
        for (const Tap& col : cols) {
            for (int c = 0; c < 3; ++c) {
                const double top_left = value(col.lo, r.lo, c), top_right = value(col.hi, r.lo, c);
                const double bottom_left = value(col.lo, r.hi, c);
                const double bottom_right = value(col.hi, r.hi, c);
                const double top = top_left + (top_right - top_left) * col.frac;
                const double bottom = bottom_left + (bottom_right - bottom_left) * col.frac;
                *o++ = float(top + (bottom - top) * r.frac);
            }
        }
    }
    return out;
}

}  // namespace skyloom::ml
