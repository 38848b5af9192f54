#include "image/placeholder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "image/resize.h"

namespace skyloom::image {
namespace {

constexpr std::string_view kBase83 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
constexpr int kMaxSampleSide = 32;  // px: enough for 4x3 cosine components
constexpr int kMaxDecodeSide = 256;
constexpr float kPi = 3.14159265358979f;

void AppendBase83(std::string* out, int value, int digits) {
    for (int i = digits - 1; i >= 0; --i) {
        int divisor = 1;
        for (int k = 0; k < i; ++k) divisor *= 83;
        out->push_back(kBase83[size_t((value / divisor) % 83)]);
    }
}

bool DecodeBase83(std::string_view s, int* out) {
    int value = 0;
    for (char c : s) {
        size_t digit = kBase83.find(c);
        if (digit == std::string_view::npos) return false;
        value = value * 83 + int(digit);
    }
    *out = value;
    return true;
}

float SrgbToLinear(int v) {
    float x = float(v) / 255.f;
    return x <= 0.04045f ? x / 12.92f : std::pow((x + 0.055f) / 1.055f, 2.4f);
}

int LinearToSrgb(float v) {
    float x = std::clamp(v, 0.f, 1.f);
    float s = x <= 0.0031308f ? x * 12.92f : 1.055f * std::pow(x, 1 / 2.4f) - 0.055f;
    return int(s * 255.f + 0.5f);
}

float SignPow(float v, float exp) {
    return std::copysign(std::pow(std::fabs(v), exp), v);
}

}  // namespace

std::string EncodeBlurHash(const Image& source, int cx, int cy) {
    cx = std::clamp(cx, 1, 9);
    cy = std::clamp(cy, 1, 9);
    if (source.Empty()) return {};
    int sw = std::min(source.width, kMaxSampleSide);
    int sh = std::min(source.height, kMaxSampleSide);
    const Image small =
        (sw == source.width && sh == source.height) ? source : Resize(source, sw, sh);
    // Linear RGB, transparent pixels over white.
    std::vector<std::array<float, 3>> linear(size_t(sw) * sh);
    for (int y = 0; y < sh; ++y) {
        for (int x = 0; x < sw; ++x) {
            const uint8_t* p = small.Pixel(x, y);
            float a = small.channels == 4 ? p[3] / 255.f : 1.f;
            for (int c = 0; c < 3; ++c) {
                linear[size_t(y) * sw + x][size_t(c)] = SrgbToLinear(p[c]) * a + (1 - a);
            }
        }
    }
    std::vector<std::array<float, 3>> factors;
    for (int j = 0; j < cy; ++j) {
        for (int i = 0; i < cx; ++i) {
            std::array<float, 3> f{0, 0, 0};
            for (int y = 0; y < sh; ++y) {
                float by = std::cos(kPi * j * y / sh);
                for (int x = 0; x < sw; ++x) {
                    float basis = std::cos(kPi * i * x / sw) * by;
                    for (int c = 0; c < 3; ++c)
                        f[size_t(c)] += basis * linear[size_t(y) * sw + x][size_t(c)];
                }
            }
            float scale = (i == 0 && j == 0 ? 1.f : 2.f) / float(sw * sh);
            for (float& v : f) v *= scale;
            factors.push_back(f);
        }
    }

    std::string hash;
    AppendBase83(&hash, (cx - 1) + (cy - 1) * 9, 1);
    float max_value = 1;
    if (factors.size() > 1) {
        float actual_max = 0;
        for (size_t k = 1; k < factors.size(); ++k) {
            for (float v : factors[k]) actual_max = std::max(actual_max, std::fabs(v));
        }
        int quantised = std::clamp(int(std::floor(actual_max * 166 - 0.5f)), 0, 82);
        max_value = float(quantised + 1) / 166;
        AppendBase83(&hash, quantised, 1);
    } else {
        AppendBase83(&hash, 0, 1);
    }
    const auto& dc = factors[0];
    AppendBase83(&hash,
                 (LinearToSrgb(dc[0]) << 16) | (LinearToSrgb(dc[1]) << 8) | LinearToSrgb(dc[2]), 4);
    for (size_t k = 1; k < factors.size(); ++k) {
        int q[3];
        for (int c = 0; c < 3; ++c) {
            q[c] = std::clamp(
                int(std::floor(SignPow(factors[k][size_t(c)] / max_value, 0.5f) * 9 + 9.5f)), 0,
                18);
        }
        AppendBase83(&hash, q[0] * 19 * 19 + q[1] * 19 + q[2], 2);
    }
    return hash;
}

Result<Image> DecodeBlurHash(std::string_view hash, int width, int height) {
    const Error invalid{"invalid_placeholder", "Not a valid BlurHash", 0};
    if (width < 1 || height < 1 || width > kMaxDecodeSide || height > kMaxDecodeSide)
        return invalid;
    int size_flag = 0, quantised_max = 0;
    if (hash.size() < 6 || !DecodeBase83(hash.substr(0, 1), &size_flag)) return invalid;
    const int cx = size_flag % 9 + 1, cy = size_flag / 9 + 1;
    if (hash.size() != size_t(4 + 2 * cx * cy) ||
        !DecodeBase83(hash.substr(1, 1), &quantised_max)) {
        return invalid;
    }
    const float max_value = float(quantised_max + 1) / 166;
    std::vector<std::array<float, 3>> colors(size_t(cx) * cy);
    int dc = 0;
    if (!DecodeBase83(hash.substr(2, 4), &dc)) return invalid;
    colors[0] = {SrgbToLinear(dc >> 16), SrgbToLinear((dc >> 8) & 255), SrgbToLinear(dc & 255)};
    for (size_t k = 1; k < colors.size(); ++k) {
        int v = 0;
        if (!DecodeBase83(hash.substr(4 + 2 * k, 2), &v)) return invalid;
        const int q[3] = {v / (19 * 19), (v / 19) % 19, v % 19};
        for (int c = 0; c < 3; ++c) {
            colors[k][size_t(c)] = SignPow((float(q[c]) - 9) / 9, 2.f) * max_value;
        }
    }
    Image out = Image::Blank(width, height, 4);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            float rgb[3] = {0, 0, 0};
            for (int j = 0; j < cy; ++j) {
                for (int i = 0; i < cx; ++i) {
                    float basis = std::cos(kPi * x * i / width) * std::cos(kPi * y * j / height);
                    for (int c = 0; c < 3; ++c)
                        rgb[c] += colors[size_t(j * cx + i)][size_t(c)] * basis;
                }
            }
            uint8_t* p = out.Pixel(x, y);
            for (int c = 0; c < 3; ++c) p[c] = uint8_t(LinearToSrgb(rgb[c]));
            p[3] = 255;
        }
    }
    return out;
}

}  // namespace skyloom::image
