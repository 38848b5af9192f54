// The .skm container: every damaged or truncated file is a typed error, never a crash; and the
// real model converted from nsfwjs at build time loads and classifies.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <numeric>

#include "ml/classifier.h"
#include "ml/model_file.h"
#include "ml_test_util.h"

namespace skyloom::ml {
namespace {

using testing::ModelWriter;
using testing::RandomValues;
using testing::Reseal;
using testing::WriterTensor;

std::vector<uint8_t> TinyModel() {
    ModelWriter m(4, 4, 3, {"one", "two"});
    const uint16_t c =
        m.Add(Op::kConv2D, {0}, {1, 1, 1, 1, 1, 1, 0, 2},
              {WriterTensor({1, 1, 3, 2}, std::vector<uint8_t>{1, 2, 3, 4, 5, 6}, -1.0, 0.01)});
    const uint16_t g = m.Add(Op::kGlobalAveragePool2D, {c});
    m.Add(Op::kDense, {g}, {2}, {{{2, 2}, RandomValues(4, 1)}}, Activation::kSoftmax);
    return m.Bytes();
}

std::string ErrorCode(const std::vector<uint8_t>& bytes) {
    auto c = Classifier::Load(bytes);
    return c ? "ok" : c.error().code;
}

TEST(MlModelFile, TinyModelLoads) {
    const auto bytes = TinyModel();
    auto spec = ParseModelFile(bytes);
    ASSERT_TRUE(spec) << spec.error().message;
    EXPECT_EQ(spec.value().class_names, (std::vector<std::string>{"one", "two"}));
    ASSERT_EQ(spec.value().layers.size(), 3u);
    // u8 affine: q * scale + min in double, then float.
    EXPECT_EQ(spec.value().layers[0].tensors[0].values[2], float(3 * 0.01 - 1.0));
    EXPECT_EQ(ErrorCode(bytes), "ok");
}

TEST(MlModelFile, EveryTruncationIsTyped) {
    const auto bytes = TinyModel();
    for (size_t n = 0; n < bytes.size(); ++n) {
        const std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + long(n));
        EXPECT_EQ(ErrorCode(cut), "model_truncated") << "cut at " << n;
    }
}

TEST(MlModelFile, RecordsEndingEarlyInAResealedFileAreTyped) {
    // Size field and checksum agree with the cut file, so only the record reader can notice.
    const auto bytes = TinyModel();
    for (size_t keep = 36; keep + 4 < bytes.size(); ++keep) {
        std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + long(keep));
        cut.resize(cut.size() + 4);
        Reseal(cut);
        const std::string code = ErrorCode(cut);
        EXPECT_TRUE(code == "model_truncated" || code == "model_invalid") << keep << ": " << code;
    }
}

TEST(MlModelFile, FlippedBytesAreCorrupt) {
    const auto bytes = TinyModel();
    for (size_t i = 12; i < bytes.size(); i += 7) {
        auto bad = bytes;
        bad[i] ^= 0x20;
        EXPECT_EQ(ErrorCode(bad), "model_corrupt") << "flipped byte " << i;
    }
    auto bad_magic = bytes;
    bad_magic[0] = 'X';
    EXPECT_EQ(ErrorCode(bad_magic), "model_corrupt");
    auto extra = bytes;
    extra.insert(extra.end() - 4, 0);  // a stray byte before the trailer
    Reseal(extra);
    EXPECT_EQ(ErrorCode(extra), "model_corrupt");
}

TEST(MlModelFile, UnsupportedAndInvalidRecords) {
    auto future = TinyModel();
    future[4] = 2;  // version
    Reseal(future);
    EXPECT_EQ(ErrorCode(future), "model_unsupported");

    // The first record starts after the header (32 bytes) and the class names.
    const size_t first = 32 + (1 + 3) + (1 + 3);
    auto unknown_op = TinyModel();
    unknown_op[first] = 99;
    Reseal(unknown_op);
    EXPECT_EQ(ErrorCode(unknown_op), "model_unsupported");

    auto bad_input = TinyModel();
    bad_input[first + 5] = 7;  // conv reads slot 7, which comes later
    Reseal(bad_input);
    EXPECT_EQ(ErrorCode(bad_input), "model_invalid");

    auto bad_params = TinyModel();
    bad_params[first + 3] = 7;  // param count
    Reseal(bad_params);
    EXPECT_EQ(ErrorCode(bad_params), "model_invalid");

    auto no_classes = TinyModel();
    no_classes[24] = 0;
    Reseal(no_classes);
    EXPECT_EQ(ErrorCode(no_classes), "model_invalid");
}

// [SECTION] the real model (built by the skyloom_ml_model target)
std::vector<uint8_t> RealModel() {
    std::ifstream f(SKYLOOM_ML_MODEL, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

TEST(MlModelFile, ConvertedNsfwjsModelLoadsAndClassifies) {
    const auto bytes = RealModel();
    ASSERT_GT(bytes.size(), 1000000u) << SKYLOOM_ML_MODEL << " missing: build skyloom_ml_model";
    auto classifier = Classifier::Load(bytes);
    ASSERT_TRUE(classifier) << classifier.error().message;
    const Classifier& c = classifier.value();
    EXPECT_EQ(c.ClassNames(),
              (std::vector<std::string>{"Drawing", "Hentai", "Neutral", "Porn", "Sexy"}));
    EXPECT_EQ(c.InputShape(), (Shape{224, 224, 3}));
    EXPECT_EQ(c.GetNetwork().KernelCount(), 66u);  // 159 records after folding and fusion

    image::Image img = image::Image::Blank(300, 200, 4);
    for (int y = 0; y < img.height; ++y) {
        for (int x = 0; x < img.width; ++x) {
            uint8_t* p = img.Pixel(x, y);
            p[0] = uint8_t(x * 255 / 299), p[1] = uint8_t(y), p[2] = 128, p[3] = 255;
        }
    }
    const std::vector<Label> labels = c.Classify(img);
    ASSERT_EQ(labels.size(), 5u);
    float sum = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
        sum += labels[i].probability;
        if (i > 0) {
            EXPECT_GE(labels[i - 1].probability, labels[i].probability);
        }
    }
    EXPECT_NEAR(sum, 1.0f, 1e-4f);
    EXPECT_EQ(c.Classify(img, 2).size(), 2u);
    EXPECT_TRUE(c.Classify(image::Image{}).empty());
}

TEST(MlModelFile, DamagedRealModelIsTyped) {
    const auto bytes = RealModel();
    ASSERT_FALSE(bytes.empty());
    const std::vector<uint8_t> half(bytes.begin(), bytes.begin() + long(bytes.size() / 2));
    EXPECT_EQ(ErrorCode(half), "model_truncated");
    auto flipped = bytes;
    flipped[bytes.size() / 3] ^= 1;
    EXPECT_EQ(ErrorCode(flipped), "model_corrupt");
}

}  // namespace
}  // namespace skyloom::ml
