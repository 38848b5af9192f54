// Auto-fit (src/core/meme/fit.*): monotone in the text, wraps when that grows the font, keeps
// every line inside its box, scales the outline, handles empty text, and is fast enough for
// every keystroke.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "meme/fit.h"
#include "meme_test_fonts.h"

namespace skyloom::meme {
namespace {

using testing::Fonts;

constexpr const char* kSentence =
    "one does not simply walk into mordor and expect the wifi to work there";

TEST(MemeFit, LongerTextNeverGetsABiggerSize) {
    const std::string text = kSentence;
    for (MemeFont f : {MemeFont::kBebas, MemeFont::kInter, MemeFont::kDejaVu}) {
        for (auto [w, h] : {std::pair{600.f, 160.f}, {300.f, 300.f}, {900.f, 90.f}}) {
            float previous = 1e9f;
            for (size_t n = 1; n <= text.size(); ++n) {
                FitParams params;
                params.all_caps = true;
                const FitResult fit = FitText(Fonts().For(f), text.substr(0, n), w, h, params);
                EXPECT_LE(fit.font_px, previous + 1e-3f) << FontName(f) << " " << w << "x" << h
                                                         << " prefix '" << text.substr(0, n) << "'";
                previous = fit.font_px;
            }
        }
    }
}

TEST(MemeFit, WrapsOntoMoreLinesWhenThatGrowsTheFont) {
    const image::Font& font = Fonts().bebas;
    const std::string text = "ONE DOES NOT SIMPLY WALK INTO MORDOR";
    const float box = 400;
    // The size at which the caption would fit on one line of the box's width.
    const float one_line_px = 100.f * box / font.LineWidth(text, 100.f);
    const FitResult fit = FitText(font, text, box, box);
    EXPECT_GE(fit.lines.size(), 3u);
    EXPECT_GT(fit.font_px, 2 * one_line_px);
    EXPECT_TRUE(fit.fits);
    // A wide, short box keeps it on one line (more lines would force a smaller size).
    const FitResult wide = FitText(font, text, 2000, 80);
    EXPECT_EQ(wide.lines.size(), 1u);
    // Explicit newlines are kept.
    EXPECT_EQ(FitText(font, "TOP\nBOTTOM", 2000, 400).lines.size(), 2u);
}

TEST(MemeFit, EveryLineStaysInsideItsBox) {
    // Rendered pixels, outline included, never reach the layer's border (which would mean the
    // ink was clipped), and the fit is tight: the ink spans nearly the full width or height.
    for (MemeFont f : {MemeFont::kBebas, MemeFont::kInter, MemeFont::kDejaVu}) {
        for (const char* text : {"I", "WAT", kSentence, "Ägypten jävla ÅÄÖ fjord",
                                 "short\nand a much longer second line"}) {
            for (auto [w, h] : {std::pair{0.9, 0.2}, {0.4, 0.5}, {0.9, 0.08}}) {
                MemeBox box;
                box.text = text;
                box.font = f;
                box.x = 0.05;
                box.y = 0.1;
                box.w = w;
                box.h = h;
                const BoxLayer layer = RenderBoxLayer(box, Fonts(), 800, 600);
                const image::Image& img = layer.rgba;
                int min_x = img.width, min_y = img.height, max_x = -1, max_y = -1;
                for (int y = 0; y < img.height; ++y) {
                    for (int x = 0; x < img.width; ++x) {
                        if (img.Pixel(x, y)[3] == 0) continue;
                        min_x = std::min(min_x, x), max_x = std::max(max_x, x);
                        min_y = std::min(min_y, y), max_y = std::max(max_y, y);
                    }
                }
                const std::string where = std::string(FontName(f)) + " '" + text + "' " +
                                          std::to_string(img.width) + "x" +
                                          std::to_string(img.height);
                ASSERT_GE(max_x, 0) << where;
                EXPECT_GT(min_x, 0) << where;
                EXPECT_GT(min_y, 0) << where;
                EXPECT_LT(max_x, img.width - 1) << where;
                EXPECT_LT(max_y, img.height - 1) << where;
                const int ink_w = max_x - min_x + 1, ink_h = max_y - min_y + 1;
                EXPECT_TRUE(ink_w >= img.width - 12 || ink_h >= img.height - 12)
                    << where << ": ink " << ink_w << "x" << ink_h << " at " << layer.fit.font_px
                    << " px";
            }
        }
    }
}

TEST(MemeFit, OutlineScalesWithTheFontSize) {
    EXPECT_FLOAT_EQ(OutlineFor(120), 10);
    EXPECT_FLOAT_EQ(OutlineFor(60), 5);
    EXPECT_FLOAT_EQ(OutlineFor(6), 1);  // never thinner than a pixel
    const FitResult big = FitText(Fonts().bebas, "HI", 800, 400);
    const FitResult small = FitText(Fonts().bebas, "HI", 200, 100);
    EXPECT_NEAR(big.outline_px, big.font_px / 12, 1e-3);
    EXPECT_NEAR(small.outline_px, small.font_px / 12, 1e-3);
    EXPECT_GT(big.outline_px, 3 * small.outline_px);
}

TEST(MemeFit, EmptyTextHasNoLines) {
    for (const char* text : {"", "   ", "\n", " \n\t "}) {
        const FitResult fit = FitText(Fonts().bebas, text, 600, 200);
        EXPECT_TRUE(fit.lines.empty()) << "'" << text << "'";
        EXPECT_TRUE(fit.fits);
        EXPECT_EQ(fit.BlockHeight(), 0);
    }
}

TEST(MemeFit, AllCapsIsAppliedBeforeMeasuring) {
    EXPECT_EQ(ToUpperText("où est la plage? ÿ÷"), "OÙ EST LA PLAGE? ÿ÷");
    FitParams caps;
    caps.all_caps = true;
    const FitResult fit = FitText(Fonts().inter, "hello world", 2000, 100, caps);
    ASSERT_EQ(fit.lines.size(), 1u);
    EXPECT_EQ(fit.lines[0].text, "HELLO WORLD");
    // Capitals are wider, so the fitted size differs from the lower-case one in a narrow box.
    const FitResult lower = FitText(Fonts().inter, "hello world", 300, 300);
    const FitResult upper = FitText(Fonts().inter, "hello world", 300, 300, caps);
    EXPECT_NE(lower.font_px, upper.font_px);
}

TEST(MemeFit, FastEnoughToRefitOnEveryKeystroke) {
    // A 70-character caption in a typical box; the editor refits every box on each keystroke.
    constexpr int kRuns = 2000;
    FitParams params;
    params.all_caps = true;
    float sink = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRuns; ++i) {
        sink += FitText(Fonts().bebas, kSentence, 900 - float(i % 7), 200, params).font_px;
    }
    const double us =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count() /
        kRuns;
    std::printf("[ bench ] FitText, 70 chars, 900x200 box: %.1f us per fit (native)\n", us);
    RecordProperty("us_per_fit", std::to_string(us));
    EXPECT_GT(sink, 0);
    EXPECT_LT(us, 1000);  // a frame has 16 ms; one fit must be a small part of it
}

}  // namespace
}  // namespace skyloom::meme
