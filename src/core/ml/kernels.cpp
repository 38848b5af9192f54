// [SECTION] index
//   helpers        clamping, the 8-wide accumulate step (the one place a SIMD path plugs in)
//   convolution    ConvOutputShape, Conv2D (direct), PointwiseConv (blocked matrix product),
//                  DepthwiseConv2D
//   other layers   ZeroPad, AveragePool2D, Add, Dense, Softmax
#include "ml/kernels.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace skyloom::ml {

// [SECTION] helpers
namespace {

inline float ClampValue(float v, Clamp c) {
    return std::min(std::max(v, c.lo), c.hi);
}

// Pixels computed together by PointwiseConv: each input value loaded once feeds
// kPointwiseBlock outputs, each weight loaded once feeds kRows pixels (4 x 8 accumulators fit
// the 16 vector registers of SSE2 and WASM SIMD128 with room for operands).
constexpr int kRows = 4;
static_assert(kRows == 4 && kPointwiseBlock == 8, "PointwiseTile is written for 4 x 8");
// Pixels whose inputs stay in cache while every output-channel block passes over them.
constexpr int kPixelChunk = 32;

// One 4-pixel x 8-output tile of PointwiseConv over all input channels: the accumulators live
// in registers for the whole loop. Written with the GCC/Clang vector extension (4 x float; SSE2
// natively, SIMD128 under Emscripten with -msimd128, scalar code elsewhere) because GCC's
// auto-vectorizer turns the plain-array version into shuffles across input channels (2x slower).
#if defined(__GNUC__) || defined(__clang__)
typedef float F4 __attribute__((vector_size(16)));
inline F4 LoadF4(const float* p) {
    F4 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void PointwiseTile(const float* const (&x)[kRows], const float* w, int cin,
                          const float* bias, float (&out)[kRows][kPointwiseBlock]) {
    const F4 b0 = LoadF4(bias), b1 = LoadF4(bias + 4);
    F4 a00 = b0, a01 = b1, a10 = b0, a11 = b1, a20 = b0, a21 = b1, a30 = b0, a31 = b1;
    for (int ci = 0; ci < cin; ++ci, w += kPointwiseBlock) {
        const F4 w0 = LoadF4(w), w1 = LoadF4(w + 4);
        const float x0 = x[0][ci], x1 = x[1][ci], x2 = x[2][ci], x3 = x[3][ci];
        a00 += x0 * w0;
        a01 += x0 * w1;
        a10 += x1 * w0;
        a11 += x1 * w1;
        a20 += x2 * w0;
        a21 += x2 * w1;
        a30 += x3 * w0;
        a31 += x3 * w1;
    }
    const F4 acc[kRows][2] = {{a00, a01}, {a10, a11}, {a20, a21}, {a30, a31}};
    for (int r = 0; r < kRows; ++r) std::memcpy(out[r], acc[r], sizeof out[r]);
}
#else
inline void PointwiseTile(const float* const (&x)[kRows], const float* w, int cin,
                          const float* bias, float (&out)[kRows][kPointwiseBlock]) {
    for (int r = 0; r < kRows; ++r) std::copy(bias, bias + kPointwiseBlock, out[r]);
    for (int ci = 0; ci < cin; ++ci, w += kPointwiseBlock) {
        for (int r = 0; r < kRows; ++r) {
            for (int j = 0; j < kPointwiseBlock; ++j) out[r][j] += x[r][ci] * w[j];
        }
    }
}
#endif

// o[i] += a[i] * b[i] over n contiguous values (depthwise taps, direct conv rows).
inline void MultiplyAccumulate(float* o, const float* a, const float* b, int n) {
    int i = 0;
#ifdef __wasm_simd128__
    for (; i + 4 <= n; i += 4) {
        const v128_t prod = wasm_f32x4_mul(wasm_v128_load(a + i), wasm_v128_load(b + i));
        wasm_v128_store(o + i, wasm_f32x4_add(wasm_v128_load(o + i), prod));
    }
#endif
    for (; i < n; ++i) o[i] += a[i] * b[i];
}

// o[i] += x * w[i] over n contiguous values.
inline void ScaleAccumulate(float* o, float x, const float* w, int n) {
    int i = 0;
#ifdef __wasm_simd128__
    const v128_t xs = wasm_f32x4_splat(x);
    for (; i + 4 <= n; i += 4) {
        const v128_t prod = wasm_f32x4_mul(xs, wasm_v128_load(w + i));
        wasm_v128_store(o + i, wasm_f32x4_add(wasm_v128_load(o + i), prod));
    }
#endif
    for (; i < n; ++i) o[i] += x * w[i];
}

inline void InitWithBias(float* o, const float* bias, int n) {
    if (bias) {
        std::memcpy(o, bias, sizeof(float) * size_t(n));
    } else {
        std::fill(o, o + n, 0.0f);
    }
}

}  // namespace

void ApplyClamp(float* values, size_t count, Clamp clamp) {
    if (std::isinf(clamp.lo) && std::isinf(clamp.hi)) return;
    for (size_t i = 0; i < count; ++i) values[i] = ClampValue(values[i], clamp);
}

// [SECTION] convolution
Shape ConvOutputShape(Shape in, const ConvParams& p, int out_channels) {
    const int span_h = p.dilation_h * (p.kernel_h - 1) + 1;
    const int span_w = p.dilation_w * (p.kernel_w - 1) + 1;
    const int h = in.height + p.pad_top + p.pad_bottom - span_h;
    const int w = in.width + p.pad_left + p.pad_right - span_w;
    return Shape{h < 0 ? 0 : h / p.stride_h + 1, w < 0 ? 0 : w / p.stride_w + 1, out_channels};
}

void Conv2D(const float* in, Shape is, const float* weights, const float* bias, const ConvParams& p,
            float* out, Shape os) {
    const int cin = is.channels, cout = os.channels;
    for (int oy = 0; oy < os.height; ++oy) {
        for (int ox = 0; ox < os.width; ++ox) {
            float* o = out + (size_t(oy) * os.width + ox) * cout;
            InitWithBias(o, bias, cout);
            for (int ky = 0; ky < p.kernel_h; ++ky) {
                const int iy = oy * p.stride_h - p.pad_top + ky * p.dilation_h;
                if (iy < 0 || iy >= is.height) continue;
                for (int kx = 0; kx < p.kernel_w; ++kx) {
                    const int ix = ox * p.stride_w - p.pad_left + kx * p.dilation_w;
                    if (ix < 0 || ix >= is.width) continue;
                    const float* ip = in + (size_t(iy) * is.width + ix) * cin;
                    const float* wp = weights + (size_t(ky) * p.kernel_w + kx) * cin * cout;
                    for (int ci = 0; ci < cin; ++ci) {
                        ScaleAccumulate(o, ip[ci], wp + size_t(ci) * cout, cout);
                    }
                }
            }
            ApplyClamp(o, size_t(cout), p.clamp);
        }
    }
}

std::vector<float> PackPointwiseWeights(const float* weights, int cin, int cout) {
    const int blocks = (cout + kPointwiseBlock - 1) / kPointwiseBlock;
    std::vector<float> packed(size_t(blocks) * cin * kPointwiseBlock, 0.0f);
    for (int b = 0; b < blocks; ++b) {
        for (int ci = 0; ci < cin; ++ci) {
            for (int j = 0; j < kPointwiseBlock; ++j) {
                const int co = b * kPointwiseBlock + j;
                if (co < cout) {
                    packed[(size_t(b) * cin + ci) * kPointwiseBlock + j] =
                        weights[size_t(ci) * cout + co];
                }
            }
        }
    }
    return packed;
}

void PointwiseConv(const float* in, int pixels, int cin, const float* packed, const float* bias,
                   int cout, Clamp clamp, float* out) {
    const int blocks = (cout + kPointwiseBlock - 1) / kPointwiseBlock;
    for (int chunk = 0; chunk < pixels; chunk += kPixelChunk) {
        const int chunk_end = std::min(pixels, chunk + kPixelChunk);
        for (int b = 0; b < blocks; ++b) {
            const float* wb = packed + size_t(b) * cin * kPointwiseBlock;
            const int co0 = b * kPointwiseBlock;
            const int n = std::min(kPointwiseBlock, cout - co0);
            float bias_block[kPointwiseBlock] = {};
            if (bias) std::copy(bias + co0, bias + co0 + n, bias_block);
            for (int p = chunk; p < chunk_end; p += kRows) {
                // A short last group repeats its last pixel; only real rows are stored.
                const int rows = std::min(kRows, chunk_end - p);
                const float* x[kRows];
                for (int r = 0; r < kRows; ++r) {
                    x[r] = in + size_t(p + std::min(r, rows - 1)) * cin;
                }
                float acc[kRows][kPointwiseBlock];
                PointwiseTile(x, wb, cin, bias_block, acc);
                for (int r = 0; r < rows; ++r) {
                    float* o = out + size_t(p + r) * cout + co0;
                    for (int j = 0; j < n; ++j) o[j] = ClampValue(acc[r][j], clamp);
                }
            }
        }
    }
}

void DepthwiseConv2D(const float* in, Shape is, const float* weights, const float* bias,
                     const ConvParams& p, float* out, Shape os) {
    assert(is.channels == os.channels && "depthwise conv keeps the channel count");
    const int c = is.channels;
    for (int oy = 0; oy < os.height; ++oy) {
        for (int ox = 0; ox < os.width; ++ox) {
            float* o = out + (size_t(oy) * os.width + ox) * c;
            InitWithBias(o, bias, c);
            for (int ky = 0; ky < p.kernel_h; ++ky) {
                const int iy = oy * p.stride_h - p.pad_top + ky * p.dilation_h;
                if (iy < 0 || iy >= is.height) continue;
                for (int kx = 0; kx < p.kernel_w; ++kx) {
                    const int ix = ox * p.stride_w - p.pad_left + kx * p.dilation_w;
                    if (ix < 0 || ix >= is.width) continue;
                    MultiplyAccumulate(o, in + (size_t(iy) * is.width + ix) * c,
                                       weights + (size_t(ky) * p.kernel_w + kx) * c, c);
                }
            }
            ApplyClamp(o, size_t(c), p.clamp);
        }
    }
}

// [SECTION] other layers
void ZeroPad(const float* in, Shape is, int top, int left, float* out, Shape os) {
    assert(is.channels == os.channels);
    std::fill(out, out + os.Size(), 0.0f);
    const size_t row = size_t(is.width) * is.channels;
    for (int y = 0; y < is.height; ++y) {
        std::memcpy(out + (size_t(y + top) * os.width + left) * os.channels, in + size_t(y) * row,
                    row * sizeof(float));
    }
}

void AveragePool2D(const float* in, Shape is, const ConvParams& p, float* out, Shape os) {
    const int c = is.channels;
    const float count = float(p.kernel_h * p.kernel_w);  // divided, not multiplied, as tfjs does
    for (int oy = 0; oy < os.height; ++oy) {
        for (int ox = 0; ox < os.width; ++ox) {
            float* o = out + (size_t(oy) * os.width + ox) * c;
            std::fill(o, o + c, 0.0f);
            for (int ky = 0; ky < p.kernel_h; ++ky) {
                for (int kx = 0; kx < p.kernel_w; ++kx) {
                    const int iy = oy * p.stride_h + ky, ix = ox * p.stride_w + kx;
                    const float* ip = in + (size_t(iy) * is.width + ix) * c;
                    for (int i = 0; i < c; ++i) o[i] += ip[i];
                }
            }
            for (int i = 0; i < c; ++i) o[i] /= count;
        }
    }
}

void Add(const float* a, const float* b, size_t count, float* out) {
    for (size_t i = 0; i < count; ++i) out[i] = a[i] + b[i];
}

void Dense(const float* in, int in_count, const float* weights, const float* bias, int out_count,
           Clamp clamp, float* out) {
    InitWithBias(out, bias, out_count);
    for (int i = 0; i < in_count; ++i) {
        ScaleAccumulate(out, in[i], weights + size_t(i) * out_count, out_count);
    }
    ApplyClamp(out, size_t(out_count), clamp);
}

void Softmax(float* values, int count) {
    if (count <= 0) return;
    const float max = *std::max_element(values, values + count);
    double sum = 0;
    for (int i = 0; i < count; ++i) {
        values[i] = std::exp(values[i] - max);
        sum += values[i];
    }
    for (int i = 0; i < count; ++i) values[i] = float(values[i] / sum);
}

}  // namespace skyloom::ml
