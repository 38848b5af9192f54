#include "demo_images.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "image/encode.h"  // core
#include "image/image.h"   // core

namespace skyloom::server {
namespace {

struct Rgb {
    float r, g, b;
};

// Sky, horizon and disc colours for each picture, cycled.
constexpr std::array<std::array<Rgb, 3>, 6> kPalettes = {{
    {{{255, 145, 77}, {120, 40, 110}, {255, 230, 150}}},   // sunset
    {{{90, 170, 235}, {20, 70, 120}, {255, 255, 255}}},    // harbour
    {{{40, 30, 80}, {10, 10, 25}, {250, 240, 190}}},       // night
    {{{150, 215, 140}, {40, 110, 60}, {250, 250, 210}}},   // meadow
    {{{250, 200, 210}, {160, 90, 150}, {255, 250, 250}}},  // blossom
    {{{230, 220, 200}, {120, 100, 80}, {60, 60, 60}}},     // desert
}};

// Aspect ratios of phone and camera shots (height / width).
constexpr std::array<float, 4> kAspects = {0.75f, 1.0f, 0.5625f, 1.25f};

Rgb Mix(Rgb a, Rgb b, float t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

image::Image Draw(int index) {
    const auto& palette = kPalettes[static_cast<size_t>(index) % kPalettes.size()];
    const int width = 1000;
    const int height = static_cast<int>(width * kAspects[static_cast<size_t>(index / 6) % 4]);
    image::Image img = image::Image::Blank(width, height, 3);
    const float horizon = 0.55f + 0.1f * std::sin(static_cast<float>(index));
    // A few soft discs, placed by a tiny LCG seeded with the index (deterministic).
    uint32_t seed = 2654435761u * static_cast<uint32_t>(index + 1);
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<float>(seed >> 8) / static_cast<float>(1u << 24);
    };
    struct Disc {
        float x, y, r, strength;
    };
    std::array<Disc, 5> discs{};
    for (Disc& d : discs)
        d = {next() * width, next() * height * horizon, 20 + next() * 120, 0.3f + 0.6f * next()};
    for (int y = 0; y < height; y++) {
        const float fy = static_cast<float>(y) / height;
        for (int x = 0; x < width; x++) {
            Rgb c = fy < horizon ? Mix(palette[0], palette[1], fy / horizon * 0.6f)
                                 : Mix(palette[1], palette[0], (fy - horizon) * 0.8f);
            for (const Disc& d : discs) {
                const float dist = std::hypot(x - d.x, y - d.y);
                const float t = std::clamp((d.r - dist) / (d.r * 0.35f), 0.0f, 1.0f) * d.strength;
                c = Mix(c, palette[2], t);
            }
            uint8_t* p = img.Pixel(x, y);
            p[0] = static_cast<uint8_t>(std::clamp(c.r, 0.0f, 255.0f));
            p[1] = static_cast<uint8_t>(std::clamp(c.g, 0.0f, 255.0f));
            p[2] = static_cast<uint8_t>(std::clamp(c.b, 0.0f, 255.0f));
        }
    }
    return img;
}

}  // namespace

std::vector<std::string> SeedDemoImages(MediaService& media, const AuthUser& owner, int count) {
    std::vector<std::string> ids;
    for (int i = 0; i < count; i++) {
        const std::string jpeg = image::EncodeJpeg(Draw(i), image::kJpegQuality);
        auto stored = media.Upload(owner, jpeg, "image/jpeg");
        if (stored) ids.push_back(stored.value().id);
    }
    return ids;
}

}  // namespace skyloom::server
