#include "ml_test_util.h"

#include <cstring>
#include <random>

namespace skyloom::ml::testing {

namespace {

void Put(std::vector<uint8_t>& out, const void* p, size_t n) {
    const auto* b = static_cast<const uint8_t*>(p);
    out.insert(out.end(), b, b + n);
}
void PutU8(std::vector<uint8_t>& out, uint8_t v) {
    out.push_back(v);
}
void PutU16(std::vector<uint8_t>& out, uint16_t v) {
    Put(out, &v, 2);
}  // host is little-endian
void PutU32(std::vector<uint8_t>& out, uint32_t v) {
    Put(out, &v, 4);
}
void PutF64(std::vector<uint8_t>& out, double v) {
    Put(out, &v, 8);
}

}  // namespace

std::vector<float> RandomValues(size_t count, uint32_t seed, float lo, float hi) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> dist(lo, hi);
    std::vector<float> v(count);
    for (float& x : v) x = dist(rng);
    return v;
}

uint32_t ModelWriter::Float(float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    return bits;
}

ModelWriter::ModelWriter(int height, int width, int channels, std::vector<std::string> classes)
    : m_h(height), m_w(width), m_c(channels), m_classes(std::move(classes)) {}

uint16_t ModelWriter::Add(Op op, std::vector<uint16_t> inputs, std::vector<uint32_t> params,
                          std::vector<WriterTensor> tensors, Activation act) {
    std::vector<uint8_t>& r = m_records;
    PutU8(r, uint8_t(op));
    PutU8(r, uint8_t(act));
    PutU8(r, uint8_t(inputs.size()));
    PutU8(r, uint8_t(params.size()));
    PutU8(r, uint8_t(tensors.size()));
    for (uint16_t s : inputs) PutU16(r, s);
    for (uint32_t p : params) PutU32(r, p);
    for (const WriterTensor& t : tensors) {
        PutU8(r, uint8_t(t.dims.size()));
        for (uint32_t d : t.dims) PutU32(r, d);
        if (t.quantized.empty()) {
            PutU8(r, 0);
            for (float v : t.values) PutU32(r, Float(v));
        } else {
            PutU8(r, 1);
            PutF64(r, t.min);
            PutF64(r, t.scale);
            Put(r, t.quantized.data(), t.quantized.size());
        }
    }
    return uint16_t(++m_count);
}

std::vector<uint8_t> ModelWriter::Bytes() const {
    std::vector<uint8_t> out;
    Put(out, kModelMagic, 4);
    for (uint32_t v : {kModelVersion, 0u, uint32_t(m_h), uint32_t(m_w), uint32_t(m_c),
                       uint32_t(m_classes.size()), m_count}) {
        PutU32(out, v);
    }
    for (const std::string& c : m_classes) {
        PutU8(out, uint8_t(c.size()));
        Put(out, c.data(), c.size());
    }
    out.insert(out.end(), m_records.begin(), m_records.end());
    out.resize(out.size() + 4);
    Reseal(out);
    return out;
}

void Reseal(std::vector<uint8_t>& file) {
    const uint32_t size = uint32_t(file.size());
    std::memcpy(file.data() + 8, &size, 4);
    const uint32_t crc = Crc32(std::span<const uint8_t>(file.data(), file.size() - 4));
    std::memcpy(file.data() + file.size() - 4, &crc, 4);
}

std::vector<float> NaiveConv(const std::vector<float>& in, Shape is, const std::vector<float>& w,
                             const std::vector<float>& bias, const ConvParams& p, int cout,
                             bool depthwise, Shape* os) {
    const Shape padded{is.height + p.pad_top + p.pad_bottom, is.width + p.pad_left + p.pad_right,
                       is.channels};
    const auto at = [&](int y, int x, int c) -> double {  // padded coordinates
        y -= p.pad_top;
        x -= p.pad_left;
        if (y < 0 || x < 0 || y >= is.height || x >= is.width) return 0.0;
        return in[(size_t(y) * is.width + x) * is.channels + c];
    };
    const int oh = (padded.height - (p.dilation_h * (p.kernel_h - 1) + 1)) / p.stride_h + 1;
    const int ow = (padded.width - (p.dilation_w * (p.kernel_w - 1) + 1)) / p.stride_w + 1;
    *os = Shape{oh, ow, cout};
    std::vector<float> out(os->Size());
    for (int oy = 0; oy < oh; ++oy) {
        for (int ox = 0; ox < ow; ++ox) {
            for (int co = 0; co < cout; ++co) {
                double sum = bias.empty() ? 0.0 : bias[co];
                for (int ky = 0; ky < p.kernel_h; ++ky) {
                    for (int kx = 0; kx < p.kernel_w; ++kx) {
                        const int y = oy * p.stride_h + ky * p.dilation_h;
                        const int x = ox * p.stride_w + kx * p.dilation_w;
                        if (depthwise) {
                            sum += at(y, x, co) * w[(size_t(ky) * p.kernel_w + kx) * cout + co];
                            continue;
                        }
                        for (int ci = 0; ci < is.channels; ++ci) {
                            sum +=
                                at(y, x, ci) *
                                w[((size_t(ky) * p.kernel_w + kx) * is.channels + ci) * cout + co];
                        }
                    }
                }
                const double clamped =
                    std::min<double>(std::max<double>(sum, p.clamp.lo), p.clamp.hi);
                out[(size_t(oy) * ow + ox) * cout + co] = float(clamped);
            }
        }
    }
    return out;
}

std::vector<float> NaiveAveragePool(const std::vector<float>& in, Shape is, int pool, int stride,
                                    Shape* os) {
    *os = Shape{(is.height - pool) / stride + 1, (is.width - pool) / stride + 1, is.channels};
    std::vector<float> out(os->Size());
    for (int oy = 0; oy < os->height; ++oy) {
        for (int ox = 0; ox < os->width; ++ox) {
            for (int c = 0; c < is.channels; ++c) {
                double sum = 0;
                for (int ky = 0; ky < pool; ++ky) {
                    for (int kx = 0; kx < pool; ++kx) {
                        sum += in[(size_t(oy * stride + ky) * is.width + ox * stride + kx) *
                                      is.channels +
                                  c];
                    }
                }
                out[(size_t(oy) * os->width + ox) * is.channels + c] = float(sum / (pool * pool));
            }
        }
    }
    return out;
}

std::vector<float> NaiveDense(const std::vector<float>& in, const std::vector<float>& w,
                              const std::vector<float>& bias, int units) {
    std::vector<float> out(units);
    for (int u = 0; u < units; ++u) {
        double sum = bias.empty() ? 0.0 : bias[u];
        for (size_t i = 0; i < in.size(); ++i) sum += double(in[i]) * w[i * units + u];
        out[u] = float(sum);
    }
    return out;
}

}  // namespace skyloom::ml::testing
