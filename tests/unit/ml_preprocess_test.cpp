// PrepareInput against tfjs' resizeBilinear(alignCorners = true) semantics.
#include <gtest/gtest.h>

#include <cmath>

#include "ml/preprocess.h"

namespace skyloom::ml {
namespace {

image::Image Pattern(int w, int h, int channels) {
    image::Image img = image::Image::Blank(w, h, channels);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            uint8_t* p = img.Pixel(x, y);
            for (int c = 0; c < channels; ++c) p[c] = uint8_t((x * 37 + y * 91 + c * 53) % 256);
        }
    }
    return img;
}

TEST(MlPreprocess, SameSizeOnlyScalesAndDropsAlpha) {
    const image::Image img = Pattern(5, 4, 4);
    const auto x = PrepareInput(img, 4, 5);
    ASSERT_EQ(x.size(), 5u * 4 * 3);
    for (int y = 0; y < 4; ++y) {
        for (int xx = 0; xx < 5; ++xx) {
            for (int c = 0; c < 3; ++c) {
                EXPECT_EQ(x[(size_t(y) * 5 + xx) * 3 + c], float(img.Pixel(xx, y)[c]) / 255.0f);
            }
        }
    }
}

TEST(MlPreprocess, AlignCornersKeepsCornersAndInterpolatesBetween) {
    image::Image img = image::Image::Blank(2, 2, 3);
    const uint8_t values[4] = {0, 100, 200, 255};
    for (int i = 0; i < 4; ++i) {
        for (int c = 0; c < 3; ++c) img.Pixel(i % 2, i / 2)[c] = values[i];
    }
    const auto x = PrepareInput(img, 3, 3);
    ASSERT_EQ(x.size(), 27u);
    EXPECT_FLOAT_EQ(x[0], 0.0f);                       // top-left corner maps exactly
    EXPECT_FLOAT_EQ(x[(2 * 3 + 2) * 3], 1.0f);         // bottom-right corner
    EXPECT_FLOAT_EQ(x[(0 * 3 + 1) * 3], 50 / 255.0f);  // halfway along the top edge
    EXPECT_NEAR(x[(1 * 3 + 1) * 3], (0 + 100 + 200 + 255) / 4.0 / 255.0, 1e-6);
}

TEST(MlPreprocess, MatchesTfjsFormulaUpAndDown) {
    for (auto [w, h, ow, oh] : {std::tuple{13, 7, 9, 5}, {6, 11, 17, 23}, {30, 30, 224, 224}}) {
        const image::Image img = Pattern(w, h, 3);
        const auto x = PrepareInput(img, oh, ow);
        ASSERT_EQ(x.size(), size_t(ow) * oh * 3);
        const double ry = double(h - 1) / (oh - 1), rx = double(w - 1) / (ow - 1);
        for (int y = 0; y < oh; ++y) {
            for (int xx = 0; xx < ow; ++xx) {
                const double sy = ry * y, sx = rx * xx;
                const int y0 = int(std::floor(sy)), x0 = int(std::floor(sx));
                const int y1 = std::min(h - 1, int(std::ceil(sy)));
                const int x1 = std::min(w - 1, int(std::ceil(sx)));
                for (int c = 0; c < 3; ++c) {
                    const auto v = [&](int px, int py) { return img.Pixel(px, py)[c] / 255.0; };
                    const double top = v(x0, y0) + (v(x1, y0) - v(x0, y0)) * (sx - x0);
                    const double bottom = v(x0, y1) + (v(x1, y1) - v(x0, y1)) * (sx - x0);
                    EXPECT_NEAR(x[(size_t(y) * ow + xx) * 3 + c], top + (bottom - top) * (sy - y0),
                                1e-6);
                }
            }
        }
    }
}

TEST(MlPreprocess, EmptyImageGivesNothing) {
    EXPECT_TRUE(PrepareInput(image::Image{}, 224, 224).empty());
}

}  // namespace
}  // namespace skyloom::ml
