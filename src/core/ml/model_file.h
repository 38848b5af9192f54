// Skyloom model file (.skm): parsing and validation of the compact network description that
// scripts/convert-nsfwjs-model.mjs writes from nsfwjs' Keras MobileNetV2. The parser only checks
// the container and each record's own consistency; graph.cpp checks shapes across layers.
//
//   Result<ModelSpec> spec = ParseModelFile(bytes);
//   if (!spec) Log(spec.error().message);
//
// Format, version 1. Little-endian; no alignment padding anywhere.
//
//   header   char[4] magic "SKYM"; u32 version (1); u32 file_size (whole file, trailer included);
//            u32 input_height, input_width, input_channels; u32 class_count; u32 layer_count
//   classes  class_count x (u8 byte_length, UTF-8 name), in output-unit order
//   layers   layer_count records, in execution order (a record's inputs come before it):
//              u8 op; u8 activation (0 linear, 1 relu, 2 softmax); u8 input_count;
//              u8 param_count; u8 tensor_count;
//              u16 inputs[input_count]   slot 0 = the model input, slot k = output of record k-1
//              4-byte params[param_count] (i32 or f32 by op, see below)
//              tensors[tensor_count], each: u8 rank; u32 dims[rank]; u8 encoding;
//                encoding 0 (f32):       f32 values[product(dims)]
//                encoding 1 (u8 affine): f64 min; f64 scale; u8 q[product(dims)];
//                                        value = float(q * scale + min), computed in double
//                                        exactly as tfjs dequantizes its uint8 weights
//   trailer  u32 CRC-32 (IEEE, as zlib) of every byte before it
//
//   op                      params                                              tensors
//   1 Pad                   i32 top, bottom, left, right (zeros)                -
//   2 Conv2D                i32 kh, kw, stride_h, stride_w, dil_h, dil_w,       kernel
//   [kh,kw,cin,cout]
//                           padding (0 valid, 1 same as TensorFlow), cout       (bias [cout])
//   3 DepthwiseConv2D       same, last param = depth multiplier                 kernel
//   [kh,kw,c,mult]
//                                                                               (bias [c*mult])
//   4 BatchNorm             f32 epsilon                                         gamma, beta, mean,
//                                                                               variance [c]
//   5 ReLU                  f32 max_value (< 0: no cap)                         -
//   6 Add                   - (two or more inputs of one shape)                 -
//   7 AveragePool2D         i32 pool_h, pool_w, stride_h, stride_w, padding(0)  -
//   8 Flatten               -                                                   -
//   9 Dense                 i32 units                                           kernel [in,units]
//                                                                               (bias [units])
//   10 GlobalAveragePool2D  -                                                   -
//
// Activations are channels-last (height, width, channels); Dense/Flatten outputs are 1x1xN.
// Why uint8 + (min, scale): that is what nsfwjs ships, so keeping it is lossless and 4x smaller
// than float32 (2.6 MB instead of 10.5 MB for MobileNetV2); dequantizing costs ~10 ms at load.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "util/result.h"

namespace skyloom::ml {

inline constexpr char kModelMagic[4] = {'S', 'K', 'Y', 'M'};
inline constexpr uint32_t kModelVersion = 1;
// Budgets: a file or tensor beyond these is refused before anything is allocated for it.
inline constexpr size_t kMaxModelFileBytes = 64u << 20;
inline constexpr uint32_t kMaxLayers = 4096;
inline constexpr uint32_t kMaxClasses = 4096;
inline constexpr uint32_t kMaxInputSide = 2048;
inline constexpr uint64_t kMaxTensorElements = 32u << 20;

enum class Op : uint8_t {
    kPad = 1,
    kConv2D = 2,
    kDepthwiseConv2D = 3,
    kBatchNorm = 4,
    kRelu = 5,
    kAdd = 6,
    kAveragePool2D = 7,
    kFlatten = 8,
    kDense = 9,
    kGlobalAveragePool2D = 10,
};

enum class Activation : uint8_t { kLinear = 0, kRelu = 1, kSoftmax = 2 };

struct TensorSpec {
    std::vector<uint32_t> dims;
    std::vector<float> values;  // dequantized
};

// One record of the file, params kept as raw 4-byte words (their type depends on the op).
struct LayerSpec {
    Op op = Op::kPad;
    Activation activation = Activation::kLinear;
    std::vector<uint16_t> inputs;
    std::vector<uint32_t> params;
    std::vector<TensorSpec> tensors;

    [[nodiscard]] int32_t IntParam(size_t i) const { return static_cast<int32_t>(params[i]); }
    [[nodiscard]] float FloatParam(size_t i) const;
};

struct ModelSpec {
    int input_height = 0;
    int input_width = 0;
    int input_channels = 0;
    std::vector<std::string> class_names;
    std::vector<LayerSpec> layers;
};

// Error codes: "model_truncated", "model_corrupt" (magic, size or checksum), "model_unsupported"
// (version, op, encoding), "model_invalid" (a record contradicts itself or the budgets).
[[nodiscard]] Result<ModelSpec> ParseModelFile(std::span<const uint8_t> bytes);

// CRC-32 (IEEE 802.3, the zlib one); exposed for tests that build or damage files.
[[nodiscard]] uint32_t Crc32(std::span<const uint8_t> bytes);

}  // namespace skyloom::ml
