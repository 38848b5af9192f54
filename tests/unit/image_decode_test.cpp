// Decode: every accepted format and variant, and every way an upload can be bad.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "image/decode.h"
#include "image/probe.h"
#include "image_test_util.h"

namespace skyloom::image {
namespace {

using testing::ColorNear;
using testing::Fixture;
using testing::ReadFile;

Image DecodeFixture(const std::string& name) {
    std::string error;
    std::string path = Fixture(name, &error);
    EXPECT_FALSE(path.empty()) << error;
    if (path.empty()) return {};
    Result<Image> image = Decode(ReadFile(path));
    EXPECT_TRUE(image.ok()) << name << ": " << (image.ok() ? "" : image.error().message);
    return image.ok() ? image.value() : Image{};
}

TEST(ImageDecode, BaselineProgressiveAndGrayscaleJpeg) {
    Image baseline = DecodeFixture("baseline.jpg");
    Image progressive = DecodeFixture("progressive.jpg");
    ASSERT_EQ(baseline.width, 400);
    EXPECT_EQ(baseline.height, 300);
    EXPECT_EQ(baseline.channels, 3);
    ASSERT_EQ(progressive.width, 400);
    EXPECT_EQ(progressive.height, 300);
    // Same source, same quality: the two encodings decode to nearly the same pixels.
    EXPECT_GT(testing::Psnr(baseline, progressive), 35);

    Image gray = DecodeFixture("gray.jpg");
    ASSERT_EQ(gray.width, 80);
    EXPECT_EQ(gray.channels, 3);  // expanded to RGB
    EXPECT_TRUE(ColorNear(gray, 40, 1, 255, 255, 255, 12));
    EXPECT_TRUE(ColorNear(gray, 40, 58, 0, 0, 0, 12));
}

TEST(ImageDecode, Png16BitPaletteAndAlpha) {
    Image png16 = DecodeFixture("png16.png");
    ASSERT_EQ(png16.width, 80);
    EXPECT_EQ(png16.channels, 3);
    EXPECT_TRUE(ColorNear(png16, 40, 0, 255, 0, 0, 8));
    EXPECT_TRUE(ColorNear(png16, 40, 59, 0, 0, 255, 8));

    Image png16a = DecodeFixture("png16_alpha.png");
    ASSERT_EQ(png16a.channels, 4);
    EXPECT_NEAR(png16a.Pixel(10, 10)[3], 128, 2);

    Image palette = DecodeFixture("palette.png");
    ASSERT_EQ(palette.width, 80);
    EXPECT_EQ(palette.height, 60);
    EXPECT_TRUE(ColorNear(palette, 40, 0, 255, 0, 0, 24));

    Image alpha = DecodeFixture("alpha.png");
    ASSERT_EQ(alpha.channels, 4);
    EXPECT_EQ(alpha.Pixel(0, 0)[3], 0);      // outside the circle
    EXPECT_EQ(alpha.Pixel(40, 30)[3], 255);  // its centre
    EXPECT_TRUE(ColorNear(alpha, 40, 30, 255, 0, 0, 0));
    EXPECT_TRUE(HasTransparency(alpha));

    // An RGBA file whose alpha is all 255 is treated as opaque (JPEG on output).
    Image opaque = DecodeFixture("opaque_rgba.png");
    EXPECT_EQ(opaque.channels, 3);
}

TEST(ImageDecode, GifFirstFrameAndBmp) {
    Image gif = DecodeFixture("first_frame_red.gif");
    ASSERT_EQ(gif.width, 80);
    EXPECT_EQ(gif.height, 60);
    EXPECT_TRUE(ColorNear(gif, 40, 30, 255, 0, 0, 0));

    Image bmp24 = DecodeFixture("rgb24.bmp");
    ASSERT_EQ(bmp24.width, 80);
    EXPECT_EQ(bmp24.height, 60);
    EXPECT_TRUE(ColorNear(bmp24, 40, 0, 255, 0, 0, 8));  // bottom-up rows handled
    EXPECT_TRUE(ColorNear(bmp24, 40, 59, 0, 0, 255, 8));

    Image bmp32 = DecodeFixture("argb32.bmp");
    ASSERT_EQ(bmp32.width, 80);
    EXPECT_TRUE(ColorNear(bmp32, 40, 0, 255, 0, 0, 8));
}

TEST(ImageDecode, CmykJpegIsATypedError) {
    std::string error;
    std::string path = Fixture("cmyk.jpg", &error);
    ASSERT_FALSE(path.empty()) << error;
    Result<Image> image = Decode(ReadFile(path));
    ASSERT_FALSE(image.ok());
    EXPECT_EQ(image.error().code, "cmyk_unsupported");
    EXPECT_EQ(image.error().http_status, 422);
}

TEST(ImageDecode, EmptyWrongMagicAndOversizedFiles) {
    Result<Image> empty = Decode("");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, "empty_file");

    Result<Image> text = Decode("<html>definitely not an image</html>");
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().code, "unsupported_format");
    EXPECT_EQ(text.error().http_status, 415);

    Result<Image> huge = Decode(std::string(kMaxFileBytes + 1, '\xFF'));
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.error().code, "file_too_large");
    EXPECT_EQ(huge.error().http_status, 413);
}

// Minimal headers claiming enormous sizes: refused from the header, instantly, with no
// allocation of the claimed pixels.
TEST(ImageDecode, GiantDimensionHeadersAreRefusedBeforeDecoding) {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    png += std::string("\x00\x00\x75\x30\x00\x00\x75\x30\x08\x06\x00\x00\x00", 13);  // 30000^2
    png += std::string(4, '\0');                                                     // CRC
    std::string gif = std::string("GIF89a") + std::string("\xff\xff\xff\xff\x00\x00\x00", 7);
    std::string jpeg("\xFF\xD8\xFF\xC0\x00\x11\x08\x2E\xE1\x2E\xE1\x03", 12);  // 12001 x 12001
    jpeg += std::string(9, '\x11');
    std::string bmp("BM", 2);
    bmp += std::string(12, '\0');
    bmp += std::string("\x28\x00\x00\x00\x00\x20\x00\x00\x00\x20\x00\x00\x01\x00\x18\x00", 16);
    bmp += std::string(24, '\0');  // 8192 x 8192 = 67 MP
    for (const std::string& bytes : {png, gif, jpeg, bmp}) {
        auto start = std::chrono::steady_clock::now();
        Result<Image> image = Decode(bytes);
        auto elapsed = std::chrono::steady_clock::now() - start;
        ASSERT_FALSE(image.ok());
        EXPECT_EQ(image.error().code, "image_too_large") << image.error().message;
        EXPECT_LT(elapsed, std::chrono::milliseconds(50));
    }
}

TEST(ImageDecode, TruncatedFilesAreCorruptNotCrashes) {
    // (A multi-frame GIF cut after its first frame still decodes: only that frame is used.)
    for (const char* name : {"baseline.jpg", "progressive.jpg", "png16.png", "palette.png",
                             "single.gif", "rgb24.bmp", "argb32.bmp"}) {
        std::string error;
        std::string path = Fixture(name, &error);
        ASSERT_FALSE(path.empty()) << error;
        const std::string bytes = ReadFile(path);
        for (size_t keep : {size_t(1), size_t(7), size_t(20), size_t(40), bytes.size() / 3,
                            bytes.size() * 2 / 3, bytes.size() - 2}) {
            Result<Image> image = Decode(std::string_view(bytes).substr(0, keep));
            ASSERT_FALSE(image.ok()) << name << " cut to " << keep << " bytes decoded";
            EXPECT_TRUE(image.error().code == "corrupt_image" ||
                        image.error().code == "unsupported_format")
                << name << " cut to " << keep << ": " << image.error().code;
        }
    }
}

TEST(ImageDecode, GarbageAfterAValidHeaderIsCorrupt) {
    std::string error;
    std::string path = Fixture("baseline.jpg", &error);
    ASSERT_FALSE(path.empty()) << error;
    std::string bytes = ReadFile(path);
    // Keep the headers, replace the entropy-coded data with noise (still ending in EOI).
    std::string damaged = bytes.substr(0, 700) + std::string(2000, '\x5A') + "\xFF\xD9";
    Result<Image> image = Decode(damaged);  // must return (either way) without crashing
    if (image.ok()) {
        EXPECT_EQ(image.value().width, 400);
    }

    std::string png_path = Fixture("palette.png", &error);
    std::string png = ReadFile(png_path);
    for (size_t i = 60; i < png.size() - 12; ++i) png[i] = char(png[i] ^ 0x55);
    Result<Image> bad_png = Decode(png);
    ASSERT_FALSE(bad_png.ok());
    EXPECT_EQ(bad_png.error().code, "corrupt_image");
}

// Regression (found by decode_fuzzer): Huffman code counts summing past 256 made stb_image
// 2.27 write past its tables. Such files are refused before stb sees them.
TEST(ImageDecode, OversizedHuffmanTableIsRejected) {
    std::string error;
    std::string path = Fixture("baseline.jpg", &error);
    ASSERT_FALSE(path.empty()) << error;
    std::string bytes = ReadFile(path);
    size_t dht = bytes.find("\xFF\xC4");
    ASSERT_NE(dht, std::string::npos);
    for (size_t k = 0; k < 16; ++k) bytes[dht + 5 + k] = char(k < 8 ? 0 : 200);
    Result<Image> image = Decode(bytes);
    ASSERT_FALSE(image.ok());
    EXPECT_EQ(image.error().code, "corrupt_image");
    EXPECT_NE(image.error().message.find("Huffman"), std::string::npos) << image.error().message;
}

// Regression (found by decode_fuzzer): a scan using a Huffman table no DHT defined made
// stb_image 2.27 index its tables with garbage. Refused before stb sees it.
TEST(ImageDecode, ScanWithUndefinedHuffmanTableIsRejected) {
    std::string error;
    std::string path = Fixture("baseline.jpg", &error);
    ASSERT_FALSE(path.empty()) << error;
    std::string bytes = ReadFile(path);
    size_t sos = bytes.find("\xFF\xDA");
    ASSERT_NE(sos, std::string::npos);
    bytes[sos + 6] = '\x03';  // first component: DC table 0, AC table 3 (never defined)
    Result<Image> image = Decode(bytes);
    ASSERT_FALSE(image.ok());
    EXPECT_EQ(image.error().code, "corrupt_image");
    EXPECT_NE(image.error().message.find("Huffman"), std::string::npos) << image.error().message;
}

}  // namespace
}  // namespace skyloom::image
