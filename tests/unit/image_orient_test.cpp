// EXIF orientation: read in both byte orders, applied so all 8 stored variants end upright;
// the output never carries EXIF (no GPS leak).
#include <gtest/gtest.h>

#include <string>

#include "image/decode.h"
#include "image/exif.h"
#include "image/orient.h"
#include "image/pipeline.h"
#include "image_test_util.h"

namespace skyloom::image {
namespace {

using testing::ColorNear;
using testing::Fixture;
using testing::ReadFile;

// The fixture pattern, 64x48 upright: red | green over blue | yellow.
void ExpectUprightPattern(const Image& image, const std::string& what) {
    ASSERT_EQ(image.width, 64) << what;
    ASSERT_EQ(image.height, 48) << what;
    EXPECT_TRUE(ColorNear(image, 16, 12, 255, 0, 0, 40)) << what << ": top-left not red";
    EXPECT_TRUE(ColorNear(image, 48, 12, 0, 255, 0, 40)) << what << ": top-right not green";
    EXPECT_TRUE(ColorNear(image, 16, 36, 0, 0, 255, 40)) << what << ": bottom-left not blue";
    EXPECT_TRUE(ColorNear(image, 48, 36, 255, 255, 0, 40)) << what << ": bottom-right not yellow";
}

class ImageOrientation : public ::testing::TestWithParam<std::tuple<int, const char*>> {};

TEST_P(ImageOrientation, ReadsTagAndEndsUpright) {
    const auto [value, order] = GetParam();
    const std::string name = "orient_" + std::to_string(value) + "_" + order + ".jpg";
    std::string error;
    std::string path = Fixture(name, &error);
    ASSERT_FALSE(path.empty()) << error;
    const std::string bytes = ReadFile(path);

    EXPECT_EQ(int(ReadExifOrientation(bytes)), value) << name;
    Result<Image> stored = Decode(bytes);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    ExpectUprightPattern(ApplyOrientation(stored.value(), ReadExifOrientation(bytes)), name);

    // The whole pipeline too (it resizes before orienting).
    Result<ProcessedImage> out = Process(bytes);
    ASSERT_TRUE(out.ok()) << out.error().message;
    Result<Image> reread = Decode(out.value().bytes);
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(ReadExifOrientation(out.value().bytes), Orientation::kNormal);
    ExpectUprightPattern(reread.value(), name + " via Process");
}

INSTANTIATE_TEST_SUITE_P(AllValuesBothByteOrders, ImageOrientation,
                         ::testing::Combine(::testing::Range(1, 9), ::testing::Values("II", "MM")),
                         [](const auto& info) {
                             return std::to_string(std::get<0>(info.param)) + "_" +
                                    std::get<1>(info.param);
                         });

TEST(ImageExif, MissingOrDamagedExifMeansNormal) {
    EXPECT_EQ(ReadExifOrientation(""), Orientation::kNormal);
    EXPECT_EQ(ReadExifOrientation("\x89PNG\r\n\x1a\n"), Orientation::kNormal);
    // APP1 "Exif" whose IFD offset points past the end.
    std::string jpeg(
        "\xFF\xD8\xFF\xE1\x00\x10"
        "Exif\0\0II\x2a\x00\xff\xff\x00\x00",
        20);
    EXPECT_EQ(ReadExifOrientation(jpeg), Orientation::kNormal);
    // Orientation 9 (out of range) and a LONG-typed tag are ignored.
    std::string nine(
        "\xFF\xD8\xFF\xE1\x00\x22"
        "Exif\0\0MM\x00\x2a\x00\x00\x00\x08"
        "\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x09\x00\x00\x00\x00\x00\x00",
        38);
    EXPECT_EQ(ReadExifOrientation(nine), Orientation::kNormal);
    std::string six = nine;
    six[31] = '\x06';
    EXPECT_EQ(ReadExifOrientation(six), Orientation::kRotate90Cw);
    six[25] = '\x04';  // type LONG instead of SHORT
    EXPECT_EQ(ReadExifOrientation(six), Orientation::kNormal);
}

TEST(ImageExif, PhonePhotoWithGpsLeavesNoExifInOutput) {
    std::string error;
    std::string path = Fixture("gps_photo.jpg", &error);
    ASSERT_FALSE(path.empty()) << error;
    const std::string bytes = ReadFile(path);
    ASSERT_NE(bytes.find("SKYLOOMGPS"), std::string::npos);  // the fixture does carry GPS
    ASSERT_NE(bytes.find("Exif"), std::string::npos);

    Result<ProcessedImage> out = Process(bytes);
    ASSERT_TRUE(out.ok()) << out.error().message;
    for (const std::string* encoded : {&out.value().bytes, &out.value().thumbnail}) {
        EXPECT_EQ(encoded->find("Exif"), std::string::npos);
        EXPECT_EQ(encoded->find("SKYLOOMGPS"), std::string::npos);
        EXPECT_EQ(encoded->find("\xFF\xE1"), std::string::npos) << "an APP1 segment remains";
    }
    // Orientation 6 on a 400x300 photo: upright it is 300x400.
    EXPECT_EQ(out.value().width, 300);
    EXPECT_EQ(out.value().height, 400);
}

}  // namespace
}  // namespace skyloom::image
