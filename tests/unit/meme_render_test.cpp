// The meme renderer (src/core/meme/render.*): text lands inside its box in the box's colours,
// layers composite to the same image as a direct render, and a preview-sized render agrees
// with the full-size export scaled down.
#include <gtest/gtest.h>

#include <random>

#include "image/resize.h"
#include "meme/render.h"
#include "meme_test_fonts.h"

namespace skyloom::meme {
namespace {

using testing::Fonts;

image::Image Gray(int w, int h) {
    image::Image img = image::Image::Blank(w, h, 3);
    for (uint8_t& v : img.pixels) v = 128;
    return img;
}

MemeBox Box(const char* text, double x, double y, double w, double h) {
    MemeBox box;
    box.text = text;
    box.x = x;
    box.y = y;
    box.w = w;
    box.h = h;
    return box;
}

struct Bounds {
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
};
Bounds AlphaBounds(const image::Image& rgba) {
    Bounds b;
    for (int y = 0; y < rgba.height; ++y)
        for (int x = 0; x < rgba.width; ++x)
            if (rgba.Pixel(x, y)[3] > 0) {
                b.x0 = std::min(b.x0, x), b.x1 = std::max(b.x1, x);
                b.y0 = std::min(b.y0, y), b.y1 = std::max(b.y1, y);
            }
    return b;
}

TEST(MemeRender, TextPixelsStayInsideTheBoxInItsColours) {
    const image::Image bg = Gray(600, 400);
    MemeBox box = Box("Hello there", 0.1, 0.6, 0.8, 0.3);
    box.fill = 0xFF0000;
    box.outline = 0x0000FF;
    const image::Image out = RenderMeme(bg, {box}, Fonts());
    const PixelRect r = BoxPixels(box, 600, 400);
    EXPECT_EQ(r.x, 60);
    EXPECT_EQ(r.y, 240);
    EXPECT_EQ(r.w, 480);
    EXPECT_EQ(r.h, 120);
    int changed_outside = 0, red = 0, blue = 0;
    for (int y = 0; y < 400; ++y) {
        for (int x = 0; x < 600; ++x) {
            const uint8_t* p = out.Pixel(x, y);
            const bool inside = x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
            const bool changed = p[0] != 128 || p[1] != 128 || p[2] != 128;
            if (!inside && changed) ++changed_outside;
            if (p[0] == 255 && p[1] == 0 && p[2] == 0) ++red;
            if (p[0] == 0 && p[1] == 0 && p[2] == 255) ++blue;
        }
    }
    EXPECT_EQ(changed_outside, 0);
    EXPECT_GT(red, 500);
    EXPECT_GT(blue, 500);
}

TEST(MemeRender, EveryFontAndAlignment) {
    for (MemeFont f : {MemeFont::kBebas, MemeFont::kInter, MemeFont::kDejaVu}) {
        // A short word in a wide box: alignment decides where the ink sits.
        MemeBox box = Box("Hi", 0.0, 0.0, 1.0, 0.2);
        box.font = f;
        box.align = MemeAlign::kLeft;
        const Bounds left = AlphaBounds(RenderBoxLayer(box, Fonts(), 1000, 500).rgba);
        box.align = MemeAlign::kRight;
        const Bounds right = AlphaBounds(RenderBoxLayer(box, Fonts(), 1000, 500).rgba);
        box.align = MemeAlign::kCenter;
        const Bounds center = AlphaBounds(RenderBoxLayer(box, Fonts(), 1000, 500).rgba);
        EXPECT_LT(left.x0, 12) << FontName(f);
        EXPECT_GT(right.x1, 1000 - 12) << FontName(f);
        EXPECT_NEAR((center.x0 + center.x1) / 2.0, 500, 3) << FontName(f);
    }
}

TEST(MemeRender, LayersCompositeToTheDirectRender) {
    const image::Image bg = Gray(500, 500);
    const std::vector<MemeBox> boxes = {Box("top text", 0.05, 0.03, 0.9, 0.2),
                                        Box("bottom text", 0.05, 0.77, 0.9, 0.2)};
    const image::Image direct = RenderMeme(bg, boxes, Fonts());
    image::Image layered = bg;
    for (const MemeBox& b : boxes) CompositeLayer(&layered, RenderBoxLayer(b, Fonts(), 500, 500));
    EXPECT_TRUE(std::equal(direct.pixels.begin(), direct.pixels.end(), layered.pixels.begin()));
}

TEST(MemeRender, PreviewAndExportAgreeWhenScaled) {
    // The editor previews at the displayed size; export renders at the output size. Same fit
    // (font size in proportion), same lines, same place.
    const MemeBox box = Box("one does not simply walk into mordor", 0.1, 0.05, 0.8, 0.35);
    const BoxLayer big = RenderBoxLayer(box, Fonts(), 1000, 750);
    const BoxLayer small = RenderBoxLayer(box, Fonts(), 500, 375);
    ASSERT_EQ(big.fit.lines.size(), small.fit.lines.size());
    for (size_t i = 0; i < big.fit.lines.size(); ++i) {
        EXPECT_EQ(big.fit.lines[i].text, small.fit.lines[i].text);
    }
    EXPECT_NEAR(big.fit.font_px / small.fit.font_px, 2.0, 0.1);
    const Bounds b = AlphaBounds(big.rgba), s = AlphaBounds(small.rgba);
    EXPECT_NEAR(b.x0 / 2.0, s.x0, 3);
    EXPECT_NEAR(b.x1 / 2.0, s.x1, 3);
    EXPECT_NEAR(b.y0 / 2.0, s.y0, 3);
    EXPECT_NEAR(b.y1 / 2.0, s.y1, 3);

    // And pixel-wise: the export scaled down to the preview's size looks like the preview.
    const image::Image export_img = RenderMeme(Gray(1000, 750), {box}, Fonts());
    const image::Image preview = RenderMeme(Gray(500, 375), {box}, Fonts());
    const image::Image scaled = image::Resize(export_img, 500, 375);
    double diff = 0;
    for (size_t i = 0; i < preview.pixels.size(); ++i)
        diff += std::abs(int(preview.pixels[i]) - int(scaled.pixels[i]));
    EXPECT_LT(diff / double(preview.pixels.size()), 6.0);  // mean absolute error per channel
}

TEST(MemeRender, DilateDiskMatchesANaiveDisk) {
    std::mt19937 rng(7);
    const int w = 37, h = 23;
    std::vector<uint8_t> cov(size_t(w) * h, 0);
    for (int i = 0; i < 25; ++i) cov[rng() % cov.size()] = uint8_t(rng() % 256);
    for (float radius : {1.f, 2.5f, 4.f, 7.3f}) {
        const std::vector<uint8_t> fast = DilateDisk(cov, w, h, radius);
        const float outer = radius + 0.5f;
        const int reach = int(outer);
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                int m = 0;
                for (int dy = -reach; dy <= reach; ++dy)
                    for (int dx = -reach; dx <= reach; ++dx) {
                        const int sx = x + dx, sy = y + dy;
                        if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
                        if (float(dx * dx + dy * dy) > outer * outer) continue;
                        m = std::max(m, int(cov[size_t(sy) * w + sx]));
                    }
                ASSERT_EQ(int(fast[size_t(y) * w + x]), m) << x << "," << y << " r=" << radius;
            }
        }
    }
}

TEST(MemeRender, EmptyBoxIsTransparent) {
    const BoxLayer layer = RenderBoxLayer(Box("", 0.1, 0.1, 0.5, 0.5), Fonts(), 200, 200);
    EXPECT_EQ(layer.rgba.width, 100);
    for (size_t i = 3; i < layer.rgba.pixels.size(); i += 4) ASSERT_EQ(layer.rgba.pixels[i], 0);
}

}  // namespace
}  // namespace skyloom::meme
