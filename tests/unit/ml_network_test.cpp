// Graph planning: small models written with ModelWriter run through Network and must equal the
// same layers computed one by one, unfused, by the naive references (batch norm folded into
// convolutions, ReLU6 and zero padding fused, a residual add, flatten, dense, softmax).
#include <gtest/gtest.h>

#include <cmath>

#include "ml/network.h"
#include "ml_test_util.h"

namespace skyloom::ml {
namespace {

using testing::ModelWriter;
using testing::NaiveAveragePool;
using testing::NaiveConv;
using testing::NaiveDense;
using testing::RandomValues;
using testing::WriterTensor;

struct BatchNorm {
    std::vector<float> gamma, beta, mean, variance;
    float eps = 1e-3f;
};

BatchNorm RandomBatchNorm(int c, uint32_t seed) {
    return {RandomValues(c, seed, 0.5f, 1.5f), RandomValues(c, seed + 1), RandomValues(c, seed + 2),
            RandomValues(c, seed + 3, 0.1f, 2.0f)};
}

std::vector<WriterTensor> Tensors(const BatchNorm& bn) {
    const uint32_t c = uint32_t(bn.gamma.size());
    return {{{c}, bn.gamma}, {{c}, bn.beta}, {{c}, bn.mean}, {{c}, bn.variance}};
}

void ApplyBatchNorm(std::vector<float>& x, const BatchNorm& bn) {
    const size_t c = bn.gamma.size();
    for (size_t i = 0; i < x.size(); ++i) {
        const size_t k = i % c;
        x[i] =
            float((x[i] - bn.mean[k]) / std::sqrt(double(bn.variance[k]) + bn.eps) * bn.gamma[k] +
                  bn.beta[k]);
    }
}

void Relu(std::vector<float>& x, float max) {
    for (float& v : x) v = std::min(std::max(v, 0.0f), max < 0 ? INFINITY : max);
}

void ExpectNear(const std::vector<float>& got, const std::vector<float>& want, float tol) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "at " << i;
}

// Quantized the way nsfwjs ships weights; returns the dequantized values the engine must see.
WriterTensor Quantized(std::vector<uint32_t> dims, uint32_t seed, std::vector<float>* values) {
    size_t count = 1;
    for (uint32_t d : dims) count *= d;
    const double min = -0.8, scale = 1.6 / 255;
    std::vector<uint8_t> q;
    values->clear();
    for (float v : RandomValues(count, seed, 0.0f, 255.0f)) {
        q.push_back(uint8_t(v));
        values->push_back(float(double(uint8_t(v)) * scale + min));
    }
    return WriterTensor(std::move(dims), std::move(q), min, scale);
}

TEST(MlNetwork, MobileNetStyleBlocksMatchUnfusedReference) {
    const Shape input{9, 9, 3};
    ModelWriter m(9, 9, 3, {"a", "b", "c"});
    const uint32_t relu6 = ModelWriter::Float(6.0f), eps = ModelWriter::Float(1e-3f);
    std::vector<float> k1, kd, kp;
    const BatchNorm bn1 = RandomBatchNorm(8, 10), bn2 = RandomBatchNorm(8, 20);
    const BatchNorm bn3 = RandomBatchNorm(8, 30);
    const auto bias_p = RandomValues(8, 40);
    const auto w_d1 = RandomValues(32 * 6, 41), b_d1 = RandomValues(6, 42);
    const auto w_d2 = RandomValues(6 * 3, 43), b_d2 = RandomValues(3, 44);

    const uint16_t pad = m.Add(Op::kPad, {0}, {0, 1, 0, 1});
    const uint16_t conv =
        m.Add(Op::kConv2D, {pad}, {3, 3, 2, 2, 1, 1, 0, 8}, {Quantized({3, 3, 3, 8}, 1, &k1)});
    const uint16_t bn_a = m.Add(Op::kBatchNorm, {conv}, {eps}, Tensors(bn1));
    const uint16_t relu_a = m.Add(Op::kRelu, {bn_a}, {relu6});
    const uint16_t dw = m.Add(Op::kDepthwiseConv2D, {relu_a}, {3, 3, 1, 1, 1, 1, 1, 1},
                              {Quantized({3, 3, 8, 1}, 2, &kd)});
    const uint16_t bn_b = m.Add(Op::kBatchNorm, {dw}, {eps}, Tensors(bn2));
    const uint16_t relu_b = m.Add(Op::kRelu, {bn_b}, {relu6});
    const uint16_t pw = m.Add(Op::kConv2D, {relu_b}, {1, 1, 1, 1, 1, 1, 1, 8},
                              {Quantized({1, 1, 8, 8}, 3, &kp), {{8}, bias_p}});
    const uint16_t bn_c = m.Add(Op::kBatchNorm, {pw}, {eps}, Tensors(bn3));
    const uint16_t add = m.Add(Op::kAdd, {relu_a, bn_c});
    const uint16_t pool = m.Add(Op::kAveragePool2D, {add}, {2, 2, 2, 2, 0});
    const uint16_t flat = m.Add(Op::kFlatten, {pool});
    const uint16_t d1 =
        m.Add(Op::kDense, {flat}, {6}, {{{32, 6}, w_d1}, {{6}, b_d1}}, Activation::kRelu);
    m.Add(Op::kDense, {d1}, {3}, {{{6, 3}, w_d2}, {{3}, b_d2}}, Activation::kSoftmax);

    const auto bytes = m.Bytes();
    auto spec = ParseModelFile(bytes);
    ASSERT_TRUE(spec) << spec.error().message;
    auto net = Network::Build(spec.value());
    ASSERT_TRUE(net) << net.error().message;
    // pad+conv+bn+relu, dw+bn+relu, pw+bn, add, pool(+flatten), dense, dense
    EXPECT_EQ(net.value().KernelCount(), 7u);

    const auto x = RandomValues(input.Size(), 99, 0.0f, 1.0f);
    // The unfused reference, layer by layer.
    ConvParams p;
    p.kernel_h = p.kernel_w = 3;
    p.stride_h = p.stride_w = 2;
    p.pad_bottom = p.pad_right = 1;
    Shape s1;
    auto a = NaiveConv(x, input, k1, {}, p, 8, false, &s1);
    ApplyBatchNorm(a, bn1);
    Relu(a, 6);
    ConvParams same;
    same.kernel_h = same.kernel_w = 3;
    same.pad_top = same.pad_bottom = same.pad_left = same.pad_right = 1;
    Shape s2;
    auto b = NaiveConv(a, s1, kd, {}, same, 8, true, &s2);
    ApplyBatchNorm(b, bn2);
    Relu(b, 6);
    Shape s3;
    auto c = NaiveConv(b, s2, kp, bias_p, ConvParams{}, 8, false, &s3);
    ApplyBatchNorm(c, bn3);
    for (size_t i = 0; i < c.size(); ++i) c[i] += a[i];
    Shape s4;
    auto pooled = NaiveAveragePool(c, s3, 2, 2, &s4);
    auto h = NaiveDense(pooled, w_d1, b_d1, 6);
    Relu(h, -1);
    auto logits = NaiveDense(h, w_d2, b_d2, 3);
    const float mx = std::max({logits[0], logits[1], logits[2]});
    double sum = 0;
    for (float& v : logits) sum += (v = std::exp(v - mx));
    for (float& v : logits) v = float(v / sum);

    const auto got = net.value().Run(x);
    ExpectNear(got, logits, 1e-5f);
    EXPECT_TRUE(net.value().Run(std::vector<float>(5)).empty()) << "wrong input size";
}

TEST(MlNetwork, UnfoldableBatchNormAndStandaloneReluRunOnTheirOwn) {
    // conv has its own ReLU, so the batch norm after it cannot fold; the ReLU6 after the
    // batch norm fuses into it; global average pooling; dense softmax.
    ModelWriter m(4, 4, 2, {"x", "y"});
    const auto w = RandomValues(2 * 4, 1), wd = RandomValues(4 * 2, 2);
    const BatchNorm bn = RandomBatchNorm(4, 3);
    const uint16_t conv =
        m.Add(Op::kConv2D, {0}, {1, 1, 1, 1, 1, 1, 0, 4}, {{{1, 1, 2, 4}, w}}, Activation::kRelu);
    const uint16_t norm = m.Add(Op::kBatchNorm, {conv}, {ModelWriter::Float(1e-3f)}, Tensors(bn));
    const uint16_t relu = m.Add(Op::kRelu, {norm}, {ModelWriter::Float(6.0f)});
    const uint16_t gap = m.Add(Op::kGlobalAveragePool2D, {relu});
    m.Add(Op::kDense, {gap}, {2}, {{{4, 2}, wd}}, Activation::kSoftmax);
    auto spec = ParseModelFile(m.Bytes());
    ASSERT_TRUE(spec) << spec.error().message;
    auto net = Network::Build(spec.value());
    ASSERT_TRUE(net) << net.error().message;
    EXPECT_EQ(net.value().KernelCount(), 4u);

    const Shape is{4, 4, 2};
    const auto x = RandomValues(is.Size(), 5);
    Shape os;
    ConvParams relu_only;
    relu_only.clamp.lo = 0;
    auto y = NaiveConv(x, is, w, {}, relu_only, 4, false, &os);
    ApplyBatchNorm(y, bn);
    Relu(y, 6);
    Shape ps;
    auto pooled = NaiveAveragePool(y, os, 4, 4, &ps);
    auto logits = NaiveDense(pooled, wd, {}, 2);
    const double e0 = std::exp(double(logits[0])), e1 = std::exp(double(logits[1]));
    ExpectNear(net.value().Run(x), {float(e0 / (e0 + e1)), float(e1 / (e0 + e1))}, 1e-5f);
}

TEST(MlNetwork, ShapeErrorsAreTyped) {
    const auto build = [](ModelWriter& m) {
        auto spec = ParseModelFile(m.Bytes());
        EXPECT_TRUE(spec) << spec.error().message;
        return Network::Build(spec.value());
    };
    {  // kernel expects 4 input channels, the input has 3
        ModelWriter m(4, 4, 3, {"a"});
        const uint16_t c =
            m.Add(Op::kConv2D, {0}, {1, 1, 1, 1, 1, 1, 0, 1}, {{{1, 1, 4, 1}, RandomValues(4, 1)}});
        m.Add(Op::kGlobalAveragePool2D, {c});
        auto net = build(m);
        ASSERT_FALSE(net);
        EXPECT_EQ(net.error().code, "model_invalid");
    }
    {  // adding tensors of different shapes
        ModelWriter m(4, 4, 1, {"a"});
        const uint16_t p = m.Add(Op::kPad, {0}, {1, 0, 0, 0});
        const uint16_t s = m.Add(Op::kAdd, {0, p});
        m.Add(Op::kGlobalAveragePool2D, {s});
        auto net = build(m);
        ASSERT_FALSE(net);
        EXPECT_EQ(net.error().code, "model_invalid");
    }
    {  // output is not one value per class
        ModelWriter m(4, 4, 2, {"a"});
        m.Add(Op::kGlobalAveragePool2D, {0});
        auto net = build(m);
        ASSERT_FALSE(net);
        EXPECT_EQ(net.error().code, "model_invalid");
    }
    {  // depth multiplier 2
        ModelWriter m(4, 4, 1, {"a", "b"});
        const uint16_t d = m.Add(Op::kDepthwiseConv2D, {0}, {1, 1, 1, 1, 1, 1, 0, 2},
                                 {{{1, 1, 1, 2}, RandomValues(2, 1)}});
        m.Add(Op::kGlobalAveragePool2D, {d});
        auto net = build(m);
        ASSERT_FALSE(net);
        EXPECT_EQ(net.error().code, "model_unsupported");
    }
}

}  // namespace
}  // namespace skyloom::ml
