// The classifier's kernels against the naive references in ml_test_util.cpp on small seeded
// random tensors, covering the shapes MobileNetV2 uses (3x3 stride 1/2, 1x1, odd channel
// counts that leave partial 8-wide blocks and partial 4-pixel groups).
#include <gtest/gtest.h>

#include <cmath>

#include "ml/kernels.h"
#include "ml_test_util.h"

namespace skyloom::ml {
namespace {

using testing::NaiveAveragePool;
using testing::NaiveConv;
using testing::NaiveDense;
using testing::RandomValues;

constexpr float kTol = 1e-4f;

void ExpectNear(const std::vector<float>& got, const std::vector<float>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) ASSERT_NEAR(got[i], want[i], kTol) << "at " << i;
}

struct ConvCase {
    Shape in;
    int cout, k, stride, dilation, pad_top, pad_bottom, pad_left, pad_right;
    Clamp clamp;
};

TEST(MlKernels, Conv2DMatchesNaive) {
    const ConvCase cases[] = {
        {{9, 9, 3}, 32, 3, 2, 1, 0, 1, 0, 1, {}},            // MobileNetV2's Conv1 after its pad
        {{7, 6, 5}, 11, 3, 1, 1, 1, 1, 1, 1, {0.0f, 6.0f}},  // "same", ReLU6
        {{8, 8, 4}, 6, 5, 2, 1, 2, 2, 2, 2, {0.0f, Clamp{}.hi}},
        {{10, 10, 2}, 3, 3, 1, 2, 0, 0, 0, 0, {}},  // dilation
        {{5, 7, 3}, 4, 1, 2, 1, 0, 0, 0, 0, {}},    // strided 1x1
    };
    uint32_t seed = 1;
    for (const ConvCase& c : cases) {
        ConvParams p;
        p.kernel_h = p.kernel_w = c.k;
        p.stride_h = p.stride_w = c.stride;
        p.dilation_h = p.dilation_w = c.dilation;
        p.pad_top = c.pad_top, p.pad_bottom = c.pad_bottom;
        p.pad_left = c.pad_left, p.pad_right = c.pad_right;
        p.clamp = c.clamp;
        const auto in = RandomValues(c.in.Size(), seed++, 0.0f, 1.0f);
        const auto w = RandomValues(size_t(c.k) * c.k * c.in.channels * c.cout, seed++);
        const auto bias = RandomValues(c.cout, seed++);
        Shape want_shape;
        const auto want = NaiveConv(in, c.in, w, bias, p, c.cout, false, &want_shape);
        const Shape os = ConvOutputShape(c.in, p, c.cout);
        ASSERT_EQ(os, want_shape);
        std::vector<float> got(os.Size());
        Conv2D(in.data(), c.in, w.data(), bias.data(), p, got.data(), os);
        ExpectNear(got, want);
    }
}

TEST(MlKernels, PointwiseConvMatchesNaive) {
    // Pixel counts around the 4-pixel group and 32-pixel chunk; channel counts around 8.
    for (int pixels : {1, 3, 4, 5, 31, 33, 49}) {
        for (int cout : {1, 7, 8, 13, 24}) {
            const int cin = 5 + cout % 4;
            const Shape in_shape{1, pixels, cin};
            const auto in = RandomValues(in_shape.Size(), uint32_t(pixels * 100 + cout));
            const auto w = RandomValues(size_t(cin) * cout, uint32_t(cout));
            const auto bias = RandomValues(cout, 7);
            for (bool with_bias : {false, true}) {
                ConvParams p;
                p.clamp = Clamp{0.0f, 6.0f};
                Shape os;
                const auto want = NaiveConv(
                    in, in_shape, w, with_bias ? bias : std::vector<float>{}, p, cout, false, &os);
                const auto packed = PackPointwiseWeights(w.data(), cin, cout);
                std::vector<float> got(os.Size());
                PointwiseConv(in.data(), pixels, cin, packed.data(),
                              with_bias ? bias.data() : nullptr, cout, p.clamp, got.data());
                ExpectNear(got, want);
            }
        }
    }
}

TEST(MlKernels, DepthwiseConvMatchesNaive) {
    const ConvCase cases[] = {
        {{6, 6, 13}, 13, 3, 1, 1, 1, 1, 1, 1, {0.0f, 6.0f}},  // "same", stride 1
        {{9, 9, 16}, 16, 3, 2, 1, 0, 1, 0, 1, {}},            // strided after a [0,1] pad
        {{4, 5, 3}, 3, 3, 1, 1, 0, 0, 0, 0, {}},
        {{8, 8, 5}, 5, 3, 1, 2, 2, 2, 2, 2, {}},
    };
    uint32_t seed = 50;
    for (const ConvCase& c : cases) {
        ConvParams p;
        p.kernel_h = p.kernel_w = c.k;
        p.stride_h = p.stride_w = c.stride;
        p.dilation_h = p.dilation_w = c.dilation;
        p.pad_top = c.pad_top, p.pad_bottom = c.pad_bottom;
        p.pad_left = c.pad_left, p.pad_right = c.pad_right;
        p.clamp = c.clamp;
        const auto in = RandomValues(c.in.Size(), seed++);
        const auto w = RandomValues(size_t(c.k) * c.k * c.in.channels, seed++);
        const auto bias = RandomValues(c.in.channels, seed++);
        Shape os;
        const auto want = NaiveConv(in, c.in, w, bias, p, c.in.channels, true, &os);
        ASSERT_EQ(ConvOutputShape(c.in, p, c.in.channels), os);
        std::vector<float> got(os.Size());
        DepthwiseConv2D(in.data(), c.in, w.data(), bias.data(), p, got.data(), os);
        ExpectNear(got, want);
    }
}

TEST(MlKernels, ZeroPadPlacesInputAndZeros) {
    const Shape is{2, 3, 2};
    const auto in = RandomValues(is.Size(), 9);
    const Shape os{3, 5, 2};  // top 0, bottom 1, left 1, right 1
    std::vector<float> got(os.Size(), 42.0f);
    ZeroPad(in.data(), is, 0, 1, got.data(), os);
    for (int y = 0; y < os.height; ++y) {
        for (int x = 0; x < os.width; ++x) {
            for (int c = 0; c < 2; ++c) {
                const bool inside = y < 2 && x >= 1 && x <= 3;
                const float want = inside ? in[(size_t(y) * 3 + x - 1) * 2 + c] : 0.0f;
                EXPECT_EQ(got[(size_t(y) * 5 + x) * 2 + c], want);
            }
        }
    }
}

TEST(MlKernels, AveragePoolMatchesNaive) {
    for (auto [side, pool, stride] : {std::tuple{7, 7, 7}, {8, 2, 2}, {9, 3, 2}}) {
        const Shape is{side, side, 6};
        const auto in = RandomValues(is.Size(), uint32_t(side));
        Shape os;
        const auto want = NaiveAveragePool(in, is, pool, stride, &os);
        ConvParams p;
        p.kernel_h = p.kernel_w = pool;
        p.stride_h = p.stride_w = stride;
        ASSERT_EQ(ConvOutputShape(is, p, 6), os);
        std::vector<float> got(os.Size());
        AveragePool2D(in.data(), is, p, got.data(), os);
        ExpectNear(got, want);
    }
}

TEST(MlKernels, DenseAndSoftmax) {
    const auto in = RandomValues(37, 1);
    const auto w = RandomValues(37 * 5, 2);
    const auto bias = RandomValues(5, 3);
    std::vector<float> got(5);
    Dense(in.data(), 37, w.data(), bias.data(), 5, Clamp{}, got.data());
    ExpectNear(got, NaiveDense(in, w, bias, 5));

    std::vector<float> logits = {1.0f, 2.0f, 3.0f, 1000.0f, -1000.0f};
    Softmax(logits.data(), 5);
    double sum = 0;
    for (float v : logits) sum += v;
    EXPECT_NEAR(sum, 1.0, 1e-6);
    EXPECT_NEAR(logits[3], 1.0f, 1e-6);  // no overflow from exp(1000)
    std::vector<float> small = {0.0f, std::log(3.0f)};
    Softmax(small.data(), 2);
    EXPECT_NEAR(small[0], 0.25f, 1e-6);
    EXPECT_NEAR(small[1], 0.75f, 1e-6);
}

TEST(MlKernels, AddAndClamp) {
    std::vector<float> a = {1, -2, 7}, b = {0.5f, -1, 1};
    Add(a.data(), b.data(), 3, a.data());  // in place
    EXPECT_EQ(a, (std::vector<float>{1.5f, -3, 8}));
    ApplyClamp(a.data(), 3, Clamp{0.0f, 6.0f});
    EXPECT_EQ(a, (std::vector<float>{1.5f, 0, 6}));
}

}  // namespace
}  // namespace skyloom::ml
