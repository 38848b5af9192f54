#include "demo_templates.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "image/encode.h"  // core
#include "image/image.h"   // core

namespace skyloom::server {
namespace {

constexpr int kWidth = 1000;  // the width memes are rendered at

struct Rgb {
    float r, g, b;
};

Rgb Mix(Rgb a, Rgb b, float t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

// A tiny painter over an RGB image: every shape is antialiased over about one pixel.
class Canvas {
  public:
    Canvas(int width, int height) : m_img(image::Image::Blank(width, height, 3)) {}

    void Fill(const std::function<Rgb(float fx, float fy)>& shader) {
        for (int y = 0; y < m_img.height; ++y)
            for (int x = 0; x < m_img.width; ++x)
                Put(x, y, shader(float(x) / m_img.width, float(y) / m_img.height), 1.0f);
    }
    void Rect(float x0, float y0, float x1, float y1, Rgb c) {
        for (int y = std::max(0, int(y0)); y < std::min(m_img.height, int(y1)); ++y)
            for (int x = std::max(0, int(x0)); x < std::min(m_img.width, int(x1)); ++x)
                Put(x, y, c, 1.0f);
    }
    // A disc (ring when `thickness` > 0) of radius r around (cx, cy).
    void Disc(float cx, float cy, float r, Rgb c, float thickness = 0) {
        Shape(cx - r - 2, cy - r - 2, cx + r + 2, cy + r + 2, c, [=](float x, float y) {
            float d = std::hypot(x - cx, y - cy);
            return thickness > 0 ? std::abs(d - r) - thickness / 2 : d - r;
        });
    }
    // A thick segment with round ends.
    void Line(float ax, float ay, float bx, float by, float width, Rgb c) {
        Shape(std::min(ax, bx) - width, std::min(ay, by) - width, std::max(ax, bx) + width,
              std::max(ay, by) + width, c, [=](float x, float y) {
                  float dx = bx - ax, dy = by - ay;
                  float t =
                      std::clamp(((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy), 0.0f, 1.0f);
                  return std::hypot(x - ax - t * dx, y - ay - t * dy) - width / 2;
              });
    }
    // A rounded rectangle.
    void RoundRect(float x0, float y0, float x1, float y1, float radius, Rgb c) {
        Shape(x0 - 2, y0 - 2, x1 + 2, y1 + 2, c, [=](float x, float y) {
            float qx = std::max(std::max(x0 + radius - x, x - (x1 - radius)), 0.0f);
            float qy = std::max(std::max(y0 + radius - y, y - (y1 - radius)), 0.0f);
            return std::hypot(qx, qy) - radius;
        });
    }
    // A simple face: yellow disc, eyes, and a mouth arc that smiles (mood > 0) or frowns.
    void Face(float cx, float cy, float r, float mood) {
        Disc(cx, cy, r, {250, 205, 60});
        Disc(cx, cy, r, {120, 80, 10}, r * 0.05f);
        Disc(cx - r * 0.35f, cy - r * 0.25f, r * 0.1f, {40, 30, 20});
        Disc(cx + r * 0.35f, cy - r * 0.25f, r * 0.1f, {40, 30, 20});
        const int kSegments = 16;
        for (int i = 0; i < kSegments; ++i) {
            auto point = [&](int k) {
                float t = -1.0f + 2.0f * k / kSegments;
                return std::array<float, 2>{cx + t * r * 0.45f,
                                            cy + r * 0.35f + mood * r * 0.2f * (1 - t * t)};
            };
            auto a = point(i), b = point(i + 1);
            Line(a[0], a[1], b[0], b[1], r * 0.08f, {60, 30, 10});
        }
    }
    image::Image Take() { return std::move(m_img); }

  private:
    void Put(int x, int y, Rgb c, float alpha) {
        uint8_t* p = m_img.Pixel(x, y);
        auto blend = [alpha](uint8_t old, float value) {
            return static_cast<uint8_t>(std::clamp(old + (value - old) * alpha, 0.0f, 255.0f));
        };
        p[0] = blend(p[0], c.r);
        p[1] = blend(p[1], c.g);
        p[2] = blend(p[2], c.b);
    }
    // Paints where the signed distance `sdf` is negative, with a one-pixel soft edge.
    void Shape(float x0, float y0, float x1, float y1, Rgb c,
               const std::function<float(float, float)>& sdf) {
        for (int y = std::max(0, int(y0)); y < std::min(m_img.height, int(y1) + 1); ++y)
            for (int x = std::max(0, int(x0)); x < std::min(m_img.width, int(x1) + 1); ++x) {
                float coverage = std::clamp(0.5f - sdf(x + 0.5f, y + 0.5f), 0.0f, 1.0f);
                if (coverage > 0) Put(x, y, c, coverage);
            }
    }
    image::Image m_img;
};

MemeBox Box(double x, double y, double w, double h) {
    MemeBox box;
    box.x = x;
    box.y = y;
    box.w = w;
    box.h = h;
    return box;
}

struct DemoTemplate {
    const char* name;
    std::function<image::Image()> draw;
    std::vector<MemeBox> boxes;  // empty: the default top/bottom layout
};

image::Image DrawSunset() {
    Canvas c(kWidth, 750);
    c.Fill([](float, float fy) {
        return fy < 0.62f ? Mix({255, 150, 80}, {120, 40, 110}, fy / 0.62f)
                          : Mix({40, 20, 60}, {15, 10, 30}, (fy - 0.62f) / 0.38f);
    });
    c.Disc(500, 465, 110, {255, 225, 140});
    c.Rect(0, 465, kWidth, 750, {30, 15, 50});
    for (int i = 0; i < 6; ++i)
        c.Rect(420 + i * 7, 490 + i * 30, 580 - i * 7, 496 + i * 30, {255, 190, 120});
    return c.Take();
}

image::Image DrawTwoButtons() {
    Canvas c(kWidth, 1000);
    c.Fill([](float, float fy) { return Mix({70, 80, 95}, {40, 45, 55}, fy); });
    c.RoundRect(90, 140, 910, 560, 40, {215, 220, 228});
    c.RoundRect(150, 240, 470, 420, 70, {200, 40, 50});
    c.RoundRect(530, 240, 850, 420, 70, {40, 90, 200});
    c.Face(500, 800, 150, -0.8f);
    c.Line(360, 760, 230, 600, 40, {250, 205, 60});
    c.Line(640, 760, 770, 600, 40, {250, 205, 60});
    return c.Take();
}

image::Image DrawThisNotThat() {
    Canvas c(kWidth, 1000);
    c.Rect(0, 0, 500, 500, {250, 170, 60});
    c.Rect(0, 500, 500, 1000, {110, 200, 120});
    c.Rect(500, 0, kWidth, 1000, {250, 250, 250});
    c.Rect(498, 0, 502, 1000, {30, 30, 30});
    c.Rect(0, 498, kWidth, 502, {30, 30, 30});
    c.Face(250, 250, 170, -1.0f);
    c.Line(120, 140, 380, 360, 30, {180, 30, 30});  // a "no" stroke over the frown
    c.Face(250, 750, 170, 1.0f);
    return c.Take();
}

image::Image DrawGalaxyBrain() {
    Canvas c(kWidth, 1200);
    const std::array<Rgb, 4> glow = {
        {{120, 110, 150}, {120, 170, 230}, {170, 230, 255}, {255, 255, 230}}};
    for (int row = 0; row < 4; ++row) {
        float top = row * 300.0f;
        c.Rect(0, top, 500, top + 300, {250, 250, 250});
        c.Rect(500, top, kWidth, top + 300, {10 + row * 8.0f, 10.0f, 30 + row * 20.0f});
        for (int ring = 5; ring >= 0; --ring) {
            float r = 20 + ring * (8 + row * 4.0f);
            c.Disc(750, top + 150, r, Mix({10, 10, 40}, glow[size_t(row)], 1.0f - ring / 6.0f));
        }
        c.Rect(0, top + 298, kWidth, top + 302, {30, 30, 30});
    }
    c.Rect(498, 0, 502, 1200, {30, 30, 30});
    return c.Take();
}

image::Image DrawStonks() {
    Canvas c(kWidth, 700);
    c.Fill([](float, float fy) { return Mix({15, 25, 60}, {5, 10, 30}, fy); });
    for (int x = 0; x < kWidth; x += 50) c.Rect(float(x), 0, x + 2.0f, 700, {35, 50, 100});
    for (int y = 0; y < 700; y += 50) c.Rect(0, float(y), kWidth, y + 2.0f, {35, 50, 100});
    const std::array<std::array<float, 2>, 8> points = {{{40, 620},
                                                         {160, 560},
                                                         {260, 590},
                                                         {380, 470},
                                                         {480, 500},
                                                         {620, 330},
                                                         {720, 370},
                                                         {930, 110}}};
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        c.Line(points[i][0], points[i][1], points[i + 1][0], points[i + 1][1], 14, {60, 220, 110});
    }
    c.Line(930, 110, 870, 125, 14, {60, 220, 110});
    c.Line(930, 110, 905, 165, 14, {60, 220, 110});
    return c.Take();
}

image::Image DrawNightSky() {
    Canvas c(kWidth, 800);
    c.Fill([](float, float fy) { return Mix({8, 10, 35}, {40, 30, 80}, fy); });
    uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return float(seed >> 8) / float(1u << 24);
    };
    for (int i = 0; i < 160; ++i)
        c.Disc(next() * kWidth, next() * 560, 1 + next() * 2.5f, {255, 250, 220});
    c.Disc(760, 180, 90, {245, 240, 210});
    c.Disc(800, 160, 85, Mix({8, 10, 35}, {40, 30, 80}, 0.2f));  // crescent
    return c.Take();
}

}  // namespace

int SeedDemoTemplates(TemplateService& templates, MediaService& media, SocialService& social,
                      const std::string& owner_name) {
    if (!templates.Empty()) return 0;
    auto profile = social.Profile(owner_name, 0);
    if (!profile) return 0;
    const AuthUser owner{std::stoll(profile.value().user.id), owner_name, true};
    const std::vector<DemoTemplate> demo = {
        {"Calm sunset", DrawSunset, {}},
        {"Two buttons",
         DrawTwoButtons,
         {Box(0.16, 0.25, 0.31, 0.16), Box(0.54, 0.25, 0.31, 0.16), Box(0.05, 0.6, 0.3, 0.35)}},
        {"This, not that",
         DrawThisNotThat,
         {Box(0.52, 0.05, 0.46, 0.4), Box(0.52, 0.55, 0.46, 0.4)}},
        {"Galaxy brain",
         DrawGalaxyBrain,
         {Box(0.02, 0.02, 0.46, 0.21), Box(0.02, 0.27, 0.46, 0.21), Box(0.02, 0.52, 0.46, 0.21),
          Box(0.02, 0.77, 0.46, 0.21)}},
        {"Line goes up", DrawStonks, {}},
        {"Night sky", DrawNightSky, {}},
    };
    int published = 0;
    for (const DemoTemplate& t : demo) {
        const std::string jpeg = image::EncodeJpeg(t.draw(), image::kJpegQuality);
        auto stored = media.Upload(owner, jpeg, "image/jpeg");
        if (!stored) continue;
        std::optional<std::vector<MemeBox>> boxes;
        if (!t.boxes.empty()) boxes = t.boxes;
        if (templates.Create(owner, t.name, stored.value().id, boxes)) ++published;
    }
    return published;
}

}  // namespace skyloom::server
