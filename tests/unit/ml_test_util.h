// Helpers for ml_tests: a writer for small .skm model files (the format of
// src/core/ml/model_file.h), naive reference layers written for clarity, not speed, and
// seeded random tensors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ml/kernels.h"
#include "ml/model_file.h"

namespace skyloom::ml::testing {

std::vector<float> RandomValues(size_t count, uint32_t seed, float lo = -1.0f, float hi = 1.0f);

struct WriterTensor {
    WriterTensor(std::vector<uint32_t> d, std::vector<float> v)
        : dims(std::move(d)), values(std::move(v)) {}
    WriterTensor(std::vector<uint32_t> d, std::vector<uint8_t> q, double mn, double sc)
        : dims(std::move(d)), quantized(std::move(q)), min(mn), scale(sc) {}

    std::vector<uint32_t> dims;
    std::vector<float> values;       // written as encoding 0 (f32) ...
    std::vector<uint8_t> quantized;  // ... or, when not empty, as encoding 1 (u8 affine)
    double min = 0, scale = 1;
};

class ModelWriter {
  public:
    ModelWriter(int height, int width, int channels, std::vector<std::string> classes);
    // Appends a record; returns its output slot (the first layer's is 1; slot 0 = input).
    uint16_t Add(Op op, std::vector<uint16_t> inputs, std::vector<uint32_t> params = {},
                 std::vector<WriterTensor> tensors = {}, Activation act = Activation::kLinear);
    // The whole file: header with the right size, records, CRC trailer.
    [[nodiscard]] std::vector<uint8_t> Bytes() const;

    static uint32_t Int(int v) { return uint32_t(v); }
    static uint32_t Float(float v);

  private:
    int m_h, m_w, m_c;
    std::vector<std::string> m_classes;
    std::vector<uint8_t> m_records;
    uint32_t m_count = 0;
};

// Rewrites the size field and CRC trailer after a test edited `file` in place.
void Reseal(std::vector<uint8_t>& file);

// Naive references. Weights as in kernels.h; pads are explicit zeros.
std::vector<float> NaiveConv(const std::vector<float>& in, Shape is, const std::vector<float>& w,
                             const std::vector<float>& bias, const ConvParams& p, int cout,
                             bool depthwise, Shape* os);
std::vector<float> NaiveAveragePool(const std::vector<float>& in, Shape is, int pool, int stride,
                                    Shape* os);
std::vector<float> NaiveDense(const std::vector<float>& in, const std::vector<float>& w,
                              const std::vector<float>& bias, int units);

}  // namespace skyloom::ml::testing
