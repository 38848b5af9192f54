#include "meme/render.h"

#include <algorithm>
#include <cmath>

#include "image/font_data.h"
#include "meme/utf8.h"

namespace skyloom::meme {
namespace {

// Rasterizes one fitted line into `mask` (w x h) with its pen starting at (pen_x, baseline).
// Glyph placement follows fit.cpp exactly: kerning inside words, one space advance between
// words, so the ink lands where FitText measured it.
void DrawLine(const stbtt_fontinfo& info, float scale, const std::string& line, float pen_x,
              int baseline, std::vector<uint8_t>* mask, int w, int h) {
    int space_adv = 0, bearing = 0;
    stbtt_GetCodepointHMetrics(&info, ' ', &space_adv, &bearing);
    std::vector<uint8_t> glyph_pixels;
    float pen = pen_x;
    int prev = -1;
    for (size_t i = 0; i < line.size();) {
        const char32_t cp = NextCodepoint(line, &i);
        if (cp == ' ') {
            pen += float(space_adv) * scale;
            prev = -1;
            continue;
        }
        const int glyph = stbtt_FindGlyphIndex(&info, int(cp));
        if (prev >= 0) pen += float(stbtt_GetGlyphKernAdvance(&info, prev, glyph)) * scale;
        const float shift = pen - std::floor(pen);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetGlyphBitmapBoxSubpixel(&info, glyph, scale, scale, shift, 0, &x0, &y0, &x1, &y1);
        const int gw = x1 - x0, gh = y1 - y0;
        if (gw > 0 && gh > 0) {
            glyph_pixels.assign(size_t(gw) * gh, 0);
            stbtt_MakeGlyphBitmapSubpixel(&info, glyph_pixels.data(), gw, gh, gw, scale, scale,
                                          shift, 0, glyph);
            const int ox = int(std::floor(pen)) + x0, oy = baseline + y0;
            for (int gy = std::max(0, -oy); gy < gh && oy + gy < h; ++gy) {
                uint8_t* row = mask->data() + size_t(oy + gy) * w;
                const uint8_t* src = glyph_pixels.data() + size_t(gy) * gw;
                for (int gx = std::max(0, -ox); gx < gw && ox + gx < w; ++gx) {
                    row[ox + gx] = std::max(row[ox + gx], src[gx]);
                }
            }
        }
        int adv = 0;
        stbtt_GetGlyphHMetrics(&info, glyph, &adv, &bearing);
        pen += float(adv) * scale;
        prev = glyph;
    }
}

uint8_t Channel(uint32_t rgb, int shift) {
    return uint8_t((rgb >> shift) & 0xFF);
}

}  // namespace

const image::Font& MemeFonts::For(MemeFont font) const {
    switch (font) {
        case MemeFont::kInter:
            return inter;
        case MemeFont::kDejaVu:
            return dejavu;
        case MemeFont::kBebas:
            break;
    }
    return bebas;
}

PixelRect BoxPixels(const MemeBox& box, int width, int height) {
    PixelRect r;
    r.x = std::clamp(int(std::lround(box.x * width)), 0, std::max(width - 1, 0));
    r.y = std::clamp(int(std::lround(box.y * height)), 0, std::max(height - 1, 0));
    r.w = std::clamp(int(std::lround((box.x + box.w) * width)) - r.x, 1, width - r.x);
    r.h = std::clamp(int(std::lround((box.y + box.h) * height)) - r.y, 1, height - r.y);
    return r;
}

std::vector<uint8_t> DilateDisk(const std::vector<uint8_t>& coverage, int w, int h, float radius) {
    std::vector<uint8_t> out(coverage.size(), 0);
    if (radius <= 0) return coverage;
    // A disk of radius R is the union over rows dy of horizontal spans of half-width
    // floor(sqrt(R^2 - dy^2)). `span` holds coverage max-filtered to half-width k, grown one
    // step per k; each row offset dy is applied when k reaches its half-width.
    const float outer = radius + 0.5f;
    const int reach = int(std::floor(outer));
    std::vector<uint8_t> span = coverage, next(coverage.size());
    for (int k = 0; k <= reach; ++k) {
        if (k > 0) {
            for (int y = 0; y < h; ++y) {
                const uint8_t* s = span.data() + size_t(y) * w;
                uint8_t* d = next.data() + size_t(y) * w;
                d[0] = std::max(s[0], w > 1 ? s[1] : s[0]);
                for (int x = 1; x + 1 < w; ++x) d[x] = std::max({s[x - 1], s[x], s[x + 1]});
                if (w > 1) d[w - 1] = std::max(s[w - 2], s[w - 1]);
            }
            span.swap(next);
        }
        for (int dy = -reach; dy <= reach; ++dy) {
            const int half =
                int(std::floor(std::sqrt(std::max(0.f, outer * outer - float(dy * dy)))));
            if (half != k) continue;
            for (int y = std::max(0, -dy); y < h && y + dy < h; ++y) {
                const uint8_t* s = span.data() + size_t(y + dy) * w;
                uint8_t* d = out.data() + size_t(y) * w;
                for (int x = 0; x < w; ++x) d[x] = std::max(d[x], s[x]);
            }
        }
    }
    return out;
}

BoxLayer RenderBoxLayer(const MemeBox& box, const MemeFonts& fonts, int width, int height) {
    BoxLayer layer;
    layer.rect = BoxPixels(box, width, height);
    layer.rgba = RenderBoxText(box, fonts, layer.rect.w, layer.rect.h, &layer.fit);
    return layer;
}

image::Image RenderBoxText(const MemeBox& box, const MemeFonts& fonts, int w, int h,
                           FitResult* fit_out) {
    image::Image rgba = image::Image::Blank(std::max(w, 1), std::max(h, 1), 4);
    w = rgba.width;
    h = rgba.height;
    const image::Font& font = fonts.For(box.font);
    FitParams params;
    params.all_caps = box.all_caps;
    FitResult local;
    FitResult& fit = fit_out ? *fit_out : local;
    fit = FitText(font, box.text, float(w), float(h), params);
    if (fit.lines.empty()) return rgba;

    const stbtt_fontinfo& info = font.Data().info;
    const float scale = stbtt_ScaleForPixelHeight(&info, fit.font_px);
    const float inset = fit.outline_px + kFitSlackPx;
    // The block is centred vertically; its top is the first line's highest ink.
    const float block_top = (float(h) - fit.BlockHeight()) / 2 + fit.outline_px;
    std::vector<uint8_t> fill(size_t(w) * h, 0);
    for (size_t n = 0; n < fit.lines.size(); ++n) {
        const FitLine& line = fit.lines[n];
        float pen = (float(w) - line.InkWidth()) / 2 - line.ink_left;
        if (box.align == MemeAlign::kLeft) pen = inset - line.ink_left;
        if (box.align == MemeAlign::kRight) pen = float(w) - inset - line.ink_right;
        const int baseline =
            int(std::lround(block_top + fit.ink_top + float(n) * fit.line_advance));
        DrawLine(info, scale, line.text, pen, baseline, &fill, w, h);
    }
    const std::vector<uint8_t> outline = DilateDisk(fill, w, h, fit.outline_px);

    // Fill over outline over transparency, straight alpha.
    const float fr = Channel(box.fill, 16), fg = Channel(box.fill, 8), fb = Channel(box.fill, 0);
    const float orr = Channel(box.outline, 16), og = Channel(box.outline, 8),
                ob = Channel(box.outline, 0);
    uint8_t* px = rgba.pixels.data();
    for (size_t i = 0; i < fill.size(); ++i, px += 4) {
        const int o = outline[i];
        if (o == 0) continue;
        const float af = float(fill[i]) / 255.f, ao = float(o) / 255.f;
        const float a = af + ao * (1 - af);
        const float wo = ao * (1 - af) / a, wf = af / a;
        px[0] = uint8_t(std::lround(fr * wf + orr * wo));
        px[1] = uint8_t(std::lround(fg * wf + og * wo));
        px[2] = uint8_t(std::lround(fb * wf + ob * wo));
        px[3] = uint8_t(std::lround(a * 255));
    }
    return rgba;
}

void CompositeLayer(image::Image* image, const BoxLayer& layer) {
    const int ch = image->channels;
    const PixelRect& r = layer.rect;
    for (int y = 0; y < layer.rgba.height && r.y + y < image->height; ++y) {
        const uint8_t* src = layer.rgba.Pixel(0, y);
        for (int x = 0; x < layer.rgba.width && r.x + x < image->width; ++x, src += 4) {
            const int a = src[3];
            if (a == 0) continue;
            uint8_t* dst = image->Pixel(r.x + x, r.y + y);
            if (ch == 3 || dst[3] == 255) {
                for (int c = 0; c < 3; ++c)
                    dst[c] = uint8_t((src[c] * a + dst[c] * (255 - a) + 127) / 255);
                continue;
            }
            const float sa = float(a) / 255.f, da = float(dst[3]) / 255.f;
            const float out_a = sa + da * (1 - sa);
            for (int c = 0; c < 3; ++c) {
                dst[c] = uint8_t(
                    std::lround((float(src[c]) * sa + float(dst[c]) * da * (1 - sa)) / out_a));
            }
            dst[3] = uint8_t(std::lround(out_a * 255));
        }
    }
}

image::Image RenderMeme(const image::Image& background, const std::vector<MemeBox>& boxes,
                        const MemeFonts& fonts) {
    image::Image out = background;
    for (const MemeBox& box : boxes) {
        CompositeLayer(&out, RenderBoxLayer(box, fonts, out.width, out.height));
    }
    return out;
}

}  // namespace skyloom::meme
