#include "image/caption.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "image/font_data.h"

namespace skyloom::image {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one UTF-8 code point at *i and advances; malformed input yields U+FFFD.
char32_t NextCodepoint(std::string_view s, size_t* i) {
    uint8_t c = uint8_t(s[(*i)++]);
    if (c < 0x80) return c;
    int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (extra < 0) return kReplacement;
    char32_t cp = c & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (*i >= s.size() || (uint8_t(s[*i]) & 0xC0) != 0x80) return kReplacement;
        cp = (cp << 6) | (uint8_t(s[(*i)++]) & 0x3F);
    }
    return cp;
}

std::vector<char32_t> Codepoints(std::string_view s) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) out.push_back(NextCodepoint(s, &i));
    return out;
}

// Splits off the longest prefix of `word` (UTF-8) that fits `max_width`; at least one code point.
size_t FittingPrefix(const Font& font, std::string_view word, float font_px, float max_width) {
    size_t end = 0, i = 0;
    while (i < word.size()) {
        NextCodepoint(word, &i);
        if (end > 0 && font.LineWidth(word.substr(0, i), font_px) > max_width) break;
        end = i;
    }
    return end;
}

// Composites `color` at coverage `mask` (0..255) over a straight-alpha pixel.
void Blend(uint8_t* dst, int channels, Rgba color, int mask) {
    float sa = float(mask) / 255.f * float(color.a) / 255.f;
    if (sa <= 0) return;
    const uint8_t src[3] = {color.r, color.g, color.b};
    if (channels == 3) {
        for (int c = 0; c < 3; ++c) dst[c] = uint8_t(std::lround(dst[c] * (1 - sa) + src[c] * sa));
        return;
    }
    float da = dst[3] / 255.f;
    float out_a = sa + da * (1 - sa);
    for (int c = 0; c < 3; ++c) {
        dst[c] = uint8_t(std::lround((src[c] * sa + dst[c] * da * (1 - sa)) / out_a));
    }
    dst[3] = uint8_t(std::lround(out_a * 255));
}

}  // namespace

Result<Font> Font::Load(std::string_view bytes) {
    auto data = std::make_shared<FontData>();
    data->bytes.assign(bytes);
    const auto* raw = reinterpret_cast<const unsigned char*>(data->bytes.data());
    int offset = data->bytes.size() >= 12 ? stbtt_GetFontOffsetForIndex(raw, 0) : -1;
    if (offset < 0 || !stbtt_InitFont(&data->info, raw, offset)) {
        return Error{"invalid_font", "The font file could not be read", 0};
    }
    Font font;
    font.m_data = std::move(data);
    return font;
}

float Font::LineWidth(std::string_view text, float font_px) const {
    const stbtt_fontinfo& info = m_data->info;
    float scale = stbtt_ScaleForPixelHeight(&info, font_px);
    std::vector<char32_t> cps = Codepoints(text);
    float width = 0;
    for (size_t k = 0; k < cps.size(); ++k) {
        int advance = 0, bearing = 0;
        stbtt_GetCodepointHMetrics(&info, int(cps[k]), &advance, &bearing);
        width += advance * scale;
        if (k + 1 < cps.size()) {
            width += stbtt_GetCodepointKernAdvance(&info, int(cps[k]), int(cps[k + 1])) * scale;
        }
    }
    return width;
}

std::vector<std::string> WrapText(const Font& font, std::string_view text, float font_px,
                                  float max_width) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {  // one paragraph per '\n'
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view paragraph = text.substr(start, end - start);
        std::string line;
        size_t i = 0;
        while (i < paragraph.size()) {
            while (i < paragraph.size() && (paragraph[i] == ' ' || paragraph[i] == '\t')) ++i;
            size_t word_end = i;
            while (word_end < paragraph.size() && paragraph[word_end] != ' ' &&
                   paragraph[word_end] != '\t') {
                ++word_end;
            }
            std::string_view word = paragraph.substr(i, word_end - i);
            i = word_end;
            if (word.empty()) break;
            std::string candidate =
                line.empty() ? std::string(word) : line + " " + std::string(word);
            if (font.LineWidth(candidate, font_px) <= max_width) {
                line = std::move(candidate);
                continue;
            }
            if (!line.empty()) lines.push_back(std::move(line));
            line.clear();
            while (font.LineWidth(word, font_px) > max_width) {  // break an over-long word
                size_t cut = FittingPrefix(font, word, font_px, max_width);
                lines.emplace_back(word.substr(0, cut));
                word = word.substr(cut);
            }
            line = std::string(word);
        }
        if (!line.empty() || paragraph.empty()) lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

float FitFontSize(const Font& font, std::string_view text, Box box, const CaptionStyle& style,
                  float min_px, float max_px) {
    auto fits = [&](float px) {
        float inner_w = box.width - 2 * style.outline_px;
        std::vector<std::string> lines = WrapText(font, text, px, inner_w);
        float block = px + (float(lines.size()) - 1) * px * style.line_spacing;
        for (const std::string& l : lines) {
            if (font.LineWidth(l, px) > inner_w) return false;
        }
        return block + 2 * style.outline_px <= box.height;
    };
    if (!fits(min_px)) return min_px;
    float lo = min_px, hi = max_px;
    for (int step = 0; step < 12; ++step) {  // binary search to well under a pixel
        float mid = (lo + hi) / 2;
        (fits(mid) ? lo : hi) = mid;
    }
    return lo;
}

int DrawCaption(Image* image, const Font& font, std::string_view text, Box box,
                const CaptionStyle& style) {
    // Clip the box to the image; the mask covers the clipped box only.
    int x0 = std::max(box.x, 0), y0 = std::max(box.y, 0);
    int x1 = std::min(box.x + box.width, image->width);
    int y1 = std::min(box.y + box.height, image->height);
    if (x1 <= x0 || y1 <= y0 || text.empty()) return 0;
    const int mw = x1 - x0, mh = y1 - y0;

    const stbtt_fontinfo& info = font.Data().info;
    const float scale = stbtt_ScaleForPixelHeight(&info, style.font_px);
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
    const float pad = std::max(style.outline_px, 0.f);
    std::vector<std::string> lines = WrapText(font, text, style.font_px, box.width - 2 * pad);
    const float advance = style.font_px * style.line_spacing;
    const float block = style.font_px + (float(lines.size()) - 1) * advance;
    float top = box.y + pad;
    if (style.valign == VAlign::kMiddle) top = box.y + (box.height - block) / 2;
    if (style.valign == VAlign::kBottom) top = box.y + box.height - pad - block;

    // 1. Coverage of the glyphs themselves.
    std::vector<uint8_t> fill(size_t(mw) * mh, 0);
    std::vector<uint8_t> glyph;
    for (size_t n = 0; n < lines.size(); ++n) {
        const float width = font.LineWidth(lines[n], style.font_px);
        float pen = box.x + pad;
        if (style.align == Align::kCenter) pen = box.x + (box.width - width) / 2;
        if (style.align == Align::kRight) pen = box.x + box.width - pad - width;
        const int baseline = int(std::lround(top + n * advance + ascent * scale));
        std::vector<char32_t> cps = Codepoints(lines[n]);
        for (size_t k = 0; k < cps.size(); ++k) {
            const int cp = int(cps[k]);
            const float shift = pen - std::floor(pen);
            int gx0 = 0, gy0 = 0, gx1 = 0, gy1 = 0;
            stbtt_GetCodepointBitmapBoxSubpixel(&info, cp, scale, scale, shift, 0, &gx0, &gy0, &gx1,
                                                &gy1);
            const int gw = gx1 - gx0, gh = gy1 - gy0;
            if (gw > 0 && gh > 0) {
                glyph.assign(size_t(gw) * gh, 0);
                stbtt_MakeCodepointBitmapSubpixel(&info, glyph.data(), gw, gh, gw, scale, scale,
                                                  shift, 0, cp);
                const int ox = int(std::floor(pen)) + gx0 - x0, oy = baseline + gy0 - y0;
                for (int gy = 0; gy < gh; ++gy) {
                    const int my = oy + gy;
                    if (my < 0 || my >= mh) continue;
                    for (int gx = 0; gx < gw; ++gx) {
                        const int mx = ox + gx;
                        if (mx < 0 || mx >= mw) continue;
                        uint8_t& m = fill[size_t(my) * mw + mx];
                        m = std::max(m, glyph[size_t(gy) * gw + gx]);
                    }
                }
            }
            int adv = 0, bearing = 0;
            stbtt_GetCodepointHMetrics(&info, cp, &adv, &bearing);
            pen += adv * scale;
            if (k + 1 < cps.size()) {
                pen += stbtt_GetCodepointKernAdvance(&info, cp, int(cps[k + 1])) * scale;
            }
        }
    }

    // 2. Outline = the fill coverage dilated by a disk of radius outline_px.
    if (style.outline_px > 0 && style.outline.a > 0) {
        const int r = int(std::ceil(style.outline_px));
        const float r2 = (style.outline_px + 0.5f) * (style.outline_px + 0.5f);
        std::vector<std::pair<int, int>> disk;
        for (int dy = -r; dy <= r; ++dy) {
            for (int dx = -r; dx <= r; ++dx) {
                if (float(dx * dx + dy * dy) <= r2) disk.emplace_back(dx, dy);
            }
        }
        for (int y = 0; y < mh; ++y) {
            for (int x = 0; x < mw; ++x) {
                int m = 0;
                for (auto [dx, dy] : disk) {
                    const int sx = x + dx, sy = y + dy;
                    if (sx < 0 || sy < 0 || sx >= mw || sy >= mh) continue;
                    m = std::max(m, int(fill[size_t(sy) * mw + sx]));
                    if (m == 255) break;
                }
                if (m) Blend(image->Pixel(x0 + x, y0 + y), image->channels, style.outline, m);
            }
        }
    }
    // 3. The fill on top.
    for (int y = 0; y < mh; ++y) {
        for (int x = 0; x < mw; ++x) {
            const int m = fill[size_t(y) * mw + x];
            if (m) Blend(image->Pixel(x0 + x, y0 + y), image->channels, style.fill, m);
        }
    }
    return int(lines.size());
}

}  // namespace skyloom::image
