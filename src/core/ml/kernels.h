// The numeric kernels of the classifier: plain single-threaded C++ over channels-last float32
// tensors. Each hot loop runs over contiguous channels or over an 8-wide block of output
// channels, so the compiler vectorizes it; a WASM SIMD128 path slots in behind the same
// functions (kernels.cpp, `__wasm_simd128__`).
//
//   ml::Shape in{112, 112, 32}, out = ml::ConvOutputShape(in, params, 32);
//   ml::Conv2D(x.data(), in, w.data(), b.data(), params, y.data(), out);
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace skyloom::ml {

struct Shape {
    int height = 1;
    int width = 1;
    int channels = 1;

    [[nodiscard]] size_t Size() const { return size_t(height) * width * channels; }
    bool operator==(const Shape&) const = default;
};

// Output clamp fused into a layer: ReLU is [0, inf), ReLU6 is [0, 6], linear is unbounded.
struct Clamp {
    float lo = -std::numeric_limits<float>::infinity();
    float hi = std::numeric_limits<float>::infinity();
};

// A convolution window with explicit zero padding (TensorFlow "same" and Keras ZeroPadding2D
// are both turned into these offsets when the graph is planned).
struct ConvParams {
    int kernel_h = 1, kernel_w = 1;
    int stride_h = 1, stride_w = 1;
    int dilation_h = 1, dilation_w = 1;
    int pad_top = 0, pad_bottom = 0, pad_left = 0, pad_right = 0;
    Clamp clamp;
};

// Output size of a window op; height or width <= 0 when the window does not fit.
[[nodiscard]] Shape ConvOutputShape(Shape in, const ConvParams& p, int out_channels);

// Full convolution. weights: [kernel_h][kernel_w][in.channels][out.channels]; bias: out.channels
// values or null.
void Conv2D(const float* in, Shape in_shape, const float* weights, const float* bias,
            const ConvParams& p, float* out, Shape out_shape);

// Output-channel blocking of pointwise (1x1) weights, done once at load so the hot loop reads
// them sequentially: block b holds, for each input channel, kPointwiseBlock consecutive outputs
// (the last block zero-filled past out_channels).
inline constexpr int kPointwiseBlock = 8;
[[nodiscard]] std::vector<float> PackPointwiseWeights(const float* weights, int in_channels,
                                                      int out_channels);

// 1x1 convolution with stride 1 = a [pixels x in] by [in x out] matrix product.
void PointwiseConv(const float* in, int pixels, int in_channels, const float* packed_weights,
                   const float* bias, int out_channels, Clamp clamp, float* out);

// Depthwise convolution with depth multiplier 1. weights: [kernel_h][kernel_w][channels].
void DepthwiseConv2D(const float* in, Shape in_shape, const float* weights, const float* bias,
                     const ConvParams& p, float* out, Shape out_shape);

void ZeroPad(const float* in, Shape in_shape, int top, int left, float* out, Shape out_shape);

// Average over each window; windows lie fully inside the input ("valid" pooling).
void AveragePool2D(const float* in, Shape in_shape, const ConvParams& window, float* out,
                   Shape out_shape);

// out[i] = a[i] + b[i]; `out` may alias `a`.
void Add(const float* a, const float* b, size_t count, float* out);

void ApplyClamp(float* values, size_t count, Clamp clamp);

// Dense layer. weights: [in_count][out_count].
void Dense(const float* in, int in_count, const float* weights, const float* bias, int out_count,
           Clamp clamp, float* out);

// In place, numerically stable (subtracts the maximum first, as tfjs does).
void Softmax(float* values, int count);

}  // namespace skyloom::ml
