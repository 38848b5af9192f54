// Process(): format choice, caption option, placeholder, and error propagation end to end.
#include <gtest/gtest.h>

#include <vector>

#include "image/decode.h"
#include "image/pipeline.h"
#include "image/placeholder.h"
#include "image_test_util.h"

namespace skyloom::image {
namespace {

using testing::Fixture;
using testing::ReadFile;

std::string FixtureBytes(const char* name) {
    std::string error;
    std::string path = Fixture(name, &error);
    EXPECT_FALSE(path.empty()) << error;
    return path.empty() ? std::string() : ReadFile(path);
}

TEST(ImagePipeline, OpaqueBecomesJpegTransparentStaysPng) {
    Result<ProcessedImage> photo = Process(FixtureBytes("wide.jpg"));
    ASSERT_TRUE(photo.ok());
    EXPECT_EQ(photo.value().mime, "image/jpeg");
    EXPECT_EQ(photo.value().bytes.substr(0, 3), "\xFF\xD8\xFF");
    EXPECT_EQ(photo.value().thumbnail_mime, "image/jpeg");

    Result<ProcessedImage> alpha = Process(FixtureBytes("alpha.png"));
    ASSERT_TRUE(alpha.ok());
    EXPECT_EQ(alpha.value().mime, "image/png");
    Result<Image> reread = Decode(alpha.value().bytes);
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(reread.value().Pixel(0, 0)[3], 0);

    // GIF and BMP inputs are re-encoded too (the site stores JPEG/PNG only).
    Result<ProcessedImage> gif = Process(FixtureBytes("first_frame_red.gif"));
    ASSERT_TRUE(gif.ok());
    EXPECT_EQ(gif.value().mime, "image/jpeg");
    Result<ProcessedImage> bmp = Process(FixtureBytes("rgb24.bmp"));
    ASSERT_TRUE(bmp.ok());
    EXPECT_EQ(bmp.value().mime, "image/jpeg");
}

TEST(ImagePipeline, PlaceholderDecodesToTheImagesColours) {
    Result<ProcessedImage> out = Process(FixtureBytes("first_frame_red.gif"));
    ASSERT_TRUE(out.ok());
    Result<Image> blur = DecodeBlurHash(out.value().placeholder, 8, 6);
    ASSERT_TRUE(blur.ok()) << out.value().placeholder;
    EXPECT_GT(blur.value().Pixel(4, 3)[0], 230);
    EXPECT_LT(blur.value().Pixel(4, 3)[2], 30);
}

TEST(ImagePipeline, CaptionIsDrawnOnTheResizedImage) {
    std::string font = ReadFile("/usr/share/fonts/opentype/bebas-neue/BebasNeue-Regular.otf");
    ASSERT_FALSE(font.empty()) << "fonts-bebas-neue missing: run scripts/setup";
    Result<Font> loaded = Font::Load(font);
    ASSERT_TRUE(loaded.ok());
    const std::string bytes = FixtureBytes("wide.jpg");
    ProcessOptions options;
    options.caption = CaptionOptions{"TOP TEXT", loaded.value(), {}, 0.05f, 0.02f, 0.9f, 0.25f};
    options.caption->style.font_px = 0;  // fit to the box
    Result<ProcessedImage> plain = Process(bytes);
    Result<ProcessedImage> captioned = Process(bytes, options);
    ASSERT_TRUE(plain.ok() && captioned.ok());
    Result<Image> a = Decode(plain.value().bytes);
    Result<Image> b = Decode(captioned.value().bytes);
    ASSERT_TRUE(a.ok() && b.ok());
    // The top quarter differs a lot, the bottom half not at all (beyond JPEG noise).
    Image top_a = a.value(), top_b = b.value();
    double top = 0, bottom = 0;
    for (int y = 0; y < a.value().height; ++y) {
        for (int x = 0; x < a.value().width; ++x) {
            double d = std::abs(int(a.value().Pixel(x, y)[0]) - int(b.value().Pixel(x, y)[0]));
            (y < a.value().height / 4 ? top : bottom) += d;
        }
    }
    EXPECT_GT(top, 50 * bottom + 1e5);
}

TEST(ImagePipeline, ErrorsPropagateWithTheirCodes) {
    Result<ProcessedImage> empty = Process("");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, "empty_file");
    Result<ProcessedImage> cmyk = Process(FixtureBytes("cmyk.jpg"));
    ASSERT_FALSE(cmyk.ok());
    EXPECT_EQ(cmyk.error().code, "cmyk_unsupported");
}

TEST(ImagePipeline, StagesArriveInOrderBeforeEachStep) {
    std::vector<ProcessStage> stages;
    ProcessOptions options;
    options.on_stage = [&](ProcessStage s) { stages.push_back(s); };
    Result<ProcessedImage> out = Process(FixtureBytes("gps_photo.jpg"), options);
    ASSERT_TRUE(out.ok());
    const std::vector<ProcessStage> want = {ProcessStage::kDecode, ProcessStage::kResize,
                                            ProcessStage::kOrient, ProcessStage::kEncode,
                                            ProcessStage::kThumbnail};
    EXPECT_EQ(stages, want);  // no kCaption without a caption

    // A failed decode reports only the stage that failed.
    stages.clear();
    Result<ProcessedImage> bad = Process("not an image at all", options);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(stages, std::vector<ProcessStage>{ProcessStage::kDecode});
}

TEST(ImagePipeline, StageFractionsRiseAndNamesExist) {
    double previous = -1;
    for (int i = 0; i < int(ProcessStage::kCount); ++i) {
        const auto stage = ProcessStage(i);
        const double f = StageStartFraction(stage);
        EXPECT_GT(f, previous) << StageName(stage);
        EXPECT_GE(f, 0.0);
        EXPECT_LT(f, 1.0);
        EXPECT_STRNE(StageName(stage), "");
        previous = f;
    }
    EXPECT_EQ(StageStartFraction(ProcessStage::kDecode), 0.0);
}

}  // namespace
}  // namespace skyloom::image
