// Caption overlay: wrapping, fitting, outline + fill drawn inside the box only, alignment.
#include <gtest/gtest.h>

#include <fstream>

#include "image/caption.h"
#include "image_test_util.h"

namespace skyloom::image {
namespace {

// Debian fonts-bebas-neue / fonts-dejavu-core (installed by scripts/setup).
constexpr const char* kBebas = "/usr/share/fonts/opentype/bebas-neue/BebasNeue-Regular.otf";
constexpr const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

Result<Font> LoadFont(const char* path) {
    std::string bytes = testing::ReadFile(path);
    if (bytes.empty()) return Error{"missing", std::string(path) + " missing: run scripts/setup"};
    return Font::Load(bytes);
}

Image Gray(int w, int h) {
    Image image = Image::Blank(w, h, 3);
    for (uint8_t& v : image.pixels) v = 128;
    return image;
}

TEST(ImageCaption, LoadsFontsAndRejectsGarbage) {
    for (const char* path : {kBebas, kDejaVu}) {
        Result<Font> font = LoadFont(path);
        ASSERT_TRUE(font.ok()) << path << ": " << font.error().message;
        EXPECT_GT(font.value().LineWidth("HELLO", 40), 40);
    }
    Result<Font> bad = Font::Load("not a font at all, clearly");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "invalid_font");
}

TEST(ImageCaption, WrapsToTheWidthAndBreaksLongWords) {
    Result<Font> font = LoadFont(kDejaVu);
    ASSERT_TRUE(font.ok()) << font.error().message;
    const Font& f = font.value();
    auto lines = WrapText(f, "one does not simply walk into mordor", 30, 250);
    ASSERT_GT(lines.size(), 1u);
    for (const auto& line : lines) EXPECT_LE(f.LineWidth(line, 30), 250) << line;
    EXPECT_EQ(lines.front().substr(0, 3), "one");

    EXPECT_EQ(WrapText(f, "top\nbottom", 30, 1000).size(), 2u);
    auto broken = WrapText(f, "Supercalifragilisticexpialidocious", 30, 120);
    ASSERT_GT(broken.size(), 2u);
    for (const auto& line : broken) EXPECT_LE(f.LineWidth(line, 30), 120) << line;
    // UTF-8 stays intact when a word is broken.
    auto utf8 = WrapText(f, "ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ", 30, 80);
    for (const auto& line : utf8) EXPECT_EQ(line.size() % 2, 0u);
}

TEST(ImageCaption, DrawsOutlinedTextInsideTheBoxOnly) {
    Result<Font> font = LoadFont(kBebas);
    ASSERT_TRUE(font.ok()) << font.error().message;
    Image image = Gray(400, 200);
    CaptionStyle style;
    style.font_px = 60;
    style.outline_px = 4;
    const Box box{20, 10, 360, 90};
    EXPECT_EQ(DrawCaption(&image, font.value(), "HELLO MEMES", box, style), 1);
    int white = 0, black = 0, outside_changed = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const uint8_t* p = image.Pixel(x, y);
            const bool inside =
                x >= box.x && y >= box.y && x < box.x + box.width && y < box.y + box.height;
            if (!inside && (p[0] != 128 || p[1] != 128 || p[2] != 128)) ++outside_changed;
            if (p[0] == 255 && p[1] == 255 && p[2] == 255) ++white;
            if (p[0] == 0 && p[1] == 0 && p[2] == 0) ++black;
        }
    }
    EXPECT_EQ(outside_changed, 0);
    EXPECT_GT(white, 500);
    EXPECT_GT(black, 500);  // the outline
}

TEST(ImageCaption, AlignmentMovesTheText) {
    Result<Font> font = LoadFont(kDejaVu);
    ASSERT_TRUE(font.ok()) << font.error().message;
    auto ink_center_x = [&](Align align) {
        Image image = Gray(600, 100);
        CaptionStyle style;
        style.font_px = 30;
        style.align = align;
        DrawCaption(&image, font.value(), "hi", {0, 0, 600, 100}, style);
        long sum = 0, count = 0;
        for (int y = 0; y < 100; ++y) {
            for (int x = 0; x < 600; ++x) {
                if (image.Pixel(x, y)[0] != 128) sum += x, ++count;
            }
        }
        return count ? double(sum) / count : -1.0;
    };
    double left = ink_center_x(Align::kLeft), center = ink_center_x(Align::kCenter),
           right = ink_center_x(Align::kRight);
    EXPECT_LT(left, 60);
    EXPECT_NEAR(center, 300, 20);
    EXPECT_GT(right, 540);
}

TEST(ImageCaption, FitFontSizeFillsButNeverOverflows) {
    Result<Font> font = LoadFont(kBebas);
    ASSERT_TRUE(font.ok()) << font.error().message;
    CaptionStyle style;
    const Box box{0, 0, 500, 120};
    float px = FitFontSize(font.value(), "WHEN THE CODE COMPILES ON THE FIRST TRY", box, style);
    EXPECT_GT(px, 20);
    auto lines = WrapText(font.value(), "WHEN THE CODE COMPILES ON THE FIRST TRY", px,
                          box.width - 2 * style.outline_px);
    float block = px + (lines.size() - 1) * px * style.line_spacing + 2 * style.outline_px;
    EXPECT_LE(block, box.height);
    EXPECT_GT(FitFontSize(font.value(), "HI", box, style), px);  // short text: bigger
}

TEST(ImageCaption, BlendsOverTransparentPixels) {
    Result<Font> font = LoadFont(kBebas);
    ASSERT_TRUE(font.ok()) << font.error().message;
    Image image = Image::Blank(200, 80, 4);  // fully transparent
    CaptionStyle style;
    style.font_px = 50;
    DrawCaption(&image, font.value(), "TAG", {0, 0, 200, 80}, style);
    int opaque_white = 0;
    for (int y = 0; y < 80; ++y) {
        for (int x = 0; x < 200; ++x) {
            const uint8_t* p = image.Pixel(x, y);
            if (p[3] == 255 && p[0] == 255) ++opaque_white;
            if (p[3] == 0) {
                EXPECT_EQ(p[0], 0);
            }
        }
    }
    EXPECT_GT(opaque_white, 100);
}

}  // namespace
}  // namespace skyloom::image
