#include "meme/fit.h"

#include <algorithm>
#include <cmath>

#include "image/font_data.h"
#include "meme/utf8.h"

namespace skyloom::meme {
namespace {

constexpr int kSearchSteps = 16;  // (max - min) / 2^16: far below a pixel

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

// A word measured in font units from its pen start: where its ink begins and ends, and where
// the next glyph would go.
struct WordMetrics {
    float advance = 0;
    float ink_left = 0;
    float ink_right = 0;
    float ink_top = 0;     // max glyph y1 (font units, y up)
    float ink_bottom = 0;  // min glyph y0
};

WordMetrics MeasureWord(const stbtt_fontinfo& info, std::string_view word) {
    WordMetrics m;
    m.ink_left = 1e30f;
    m.ink_right = -1e30f;
    int prev = -1;
    for (size_t i = 0; i < word.size();) {
        const int glyph = stbtt_FindGlyphIndex(&info, int(NextCodepoint(word, &i)));
        if (prev >= 0) m.advance += float(stbtt_GetGlyphKernAdvance(&info, prev, glyph));
        int adv = 0, bearing = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetGlyphHMetrics(&info, glyph, &adv, &bearing);
        if (stbtt_GetGlyphBox(&info, glyph, &x0, &y0, &x1, &y1) && x1 > x0) {
            m.ink_left = std::min(m.ink_left, m.advance + float(x0));
            m.ink_right = std::max(m.ink_right, m.advance + float(x1));
            m.ink_top = std::max(m.ink_top, float(y1));
            m.ink_bottom = std::min(m.ink_bottom, float(y0));
        }
        m.advance += float(adv);
        prev = glyph;
    }
    if (m.ink_left > m.ink_right) m.ink_left = m.ink_right = 0;  // no visible glyph
    return m;
}

// The caption as paragraphs of measured words, in font units.
struct Measured {
    std::vector<std::vector<std::string_view>> words;  // per paragraph
    std::vector<std::vector<WordMetrics>> metrics;
    float space = 0;
    float ink_top = 0, ink_bottom = 0;
    float units_per_px = 1;  // font units in one pixel of font size (1 / stbtt scale at 1 px)
};

Measured Measure(const stbtt_fontinfo& info, std::string_view text) {
    Measured out;
    int adv = 0, bearing = 0;
    stbtt_GetCodepointHMetrics(&info, ' ', &adv, &bearing);
    out.space = float(adv);
    out.units_per_px = 1.f / stbtt_ScaleForPixelHeight(&info, 1.f);
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view paragraph = text.substr(start, end - start);
        auto& words = out.words.emplace_back();
        auto& metrics = out.metrics.emplace_back();
        for (size_t i = 0; i < paragraph.size();) {
            while (i < paragraph.size() && IsSpace(paragraph[i])) ++i;
            size_t j = i;
            while (j < paragraph.size() && !IsSpace(paragraph[j])) ++j;
            if (j > i) {
                words.push_back(paragraph.substr(i, j - i));
                metrics.push_back(MeasureWord(info, words.back()));
                out.ink_top = std::max(out.ink_top, metrics.back().ink_top);
                out.ink_bottom = std::min(out.ink_bottom, metrics.back().ink_bottom);
            }
            i = j;
        }
        start = end + 1;
    }
    return out;
}

// A wrapped line: words [first, last) of one paragraph and its ink in font units.
struct LineSpan {
    size_t paragraph = 0, first = 0, last = 0;
    float ink_left = 0, ink_right = 0;
};

// Greedy wrap (which minimises the line count for a width) to `max_units`. Returns false when
// a single word is wider than the line.
bool Wrap(const Measured& m, float max_units, std::vector<LineSpan>* lines) {
    lines->clear();
    bool all_fit = true;
    for (size_t p = 0; p < m.words.size(); ++p) {
        const auto& metrics = m.metrics[p];
        LineSpan line{p, 0, 0, 0, 0};
        float pen = 0;  // where the next word would start, before its space
        for (size_t w = 0; w < metrics.size(); ++w) {
            const WordMetrics& word = metrics[w];
            if (line.last > line.first) {
                const float at = pen + m.space;
                const float left = std::min(line.ink_left, at + word.ink_left);
                const float right = std::max(line.ink_right, at + word.ink_right);
                if (right - left <= max_units) {
                    line.ink_left = left;
                    line.ink_right = right;
                    line.last = w + 1;
                    pen = at + word.advance;
                    continue;
                }
                lines->push_back(line);
            }
            line = LineSpan{p, w, w + 1, word.ink_left, word.ink_right};
            pen = word.advance;
            if (word.ink_right - word.ink_left > max_units) all_fit = false;
        }
        lines->push_back(line);  // an empty paragraph is a blank line
    }
    return all_fit;
}

struct Geometry {
    float outline = 0;
    float max_units = 0;  // line width available, font units
    float height = 0;     // block height in pixels for `line_count` lines
};

}  // namespace

float FitResult::BlockHeight() const {
    if (lines.empty()) return 0;
    return ink_top + ink_bottom + float(lines.size() - 1) * line_advance + 2 * outline_px;
}

float FitResult::BlockWidth() const {
    float widest = 0;
    for (const FitLine& line : lines) widest = std::max(widest, line.InkWidth());
    return widest + 2 * outline_px;
}

float OutlineFor(float font_px, const FitParams& params) {
    return std::max(params.min_outline_px, font_px * params.outline_ratio);
}

std::string ToUpperText(std::string_view text) {
    std::string out(text);
    for (size_t i = 0; i < out.size(); ++i) {
        const auto c = uint8_t(out[i]);
        if (c >= 'a' && c <= 'z') {
            out[i] = char(c - 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            // Latin-1 à..þ (U+00E0..U+00FE, but not ÷ U+00F7) -> À..Þ, 32 code points lower.
            const auto next = uint8_t(out[i + 1]);
            if (next >= 0xA0 && next <= 0xBE && next != 0xB7) out[i + 1] = char(next - 32);
            ++i;
        }
    }
    return out;
}

FitResult FitText(const image::Font& font, std::string_view text, float box_w, float box_h,
                  const FitParams& params) {
    const stbtt_fontinfo& info = font.Data().info;
    const std::string upper = params.all_caps ? ToUpperText(text) : std::string();
    const std::string_view source = params.all_caps ? std::string_view(upper) : text;
    FitResult result;
    const Measured m = Measure(info, source);
    bool any_word = false;
    for (const auto& words : m.words) any_word = any_word || !words.empty();
    if (!any_word) {
        result.font_px = params.max_px;
        result.outline_px = OutlineFor(params.max_px, params);
        return result;
    }

    std::vector<LineSpan> spans;
    const float ink_units = m.ink_top - m.ink_bottom;
    auto fits = [&](float px) {
        const float outline = OutlineFor(px, params);
        const float units_per_px = m.units_per_px / px;  // font units per output pixel
        const float avail_w = box_w - 2 * (outline + kFitSlackPx);
        if (avail_w <= 0) return false;
        if (!Wrap(m, avail_w * units_per_px, &spans)) return false;
        const float block = ink_units / units_per_px +
                            float(spans.size() - 1) * px * params.line_spacing +
                            2 * (outline + kFitSlackPx);
        return block <= box_h;
    };

    float lo = params.min_px, hi = params.max_px;
    if (fits(hi)) {
        lo = hi;
    } else if (!fits(lo)) {
        result.fits = false;
    } else {
        for (int step = 0; step < kSearchSteps; ++step) {
            const float mid = (lo + hi) / 2;
            (fits(mid) ? lo : hi) = mid;
        }
    }

    // Lay out at the chosen size (the last probe may have been a failing one).
    (void)fits(lo);
    const float px_per_unit = lo / m.units_per_px;
    result.font_px = lo;
    result.outline_px = OutlineFor(lo, params);
    result.line_advance = lo * params.line_spacing;
    result.ink_top = m.ink_top * px_per_unit;
    result.ink_bottom = -m.ink_bottom * px_per_unit;
    for (const LineSpan& span : spans) {
        FitLine line;
        for (size_t w = span.first; w < span.last; ++w) {
            if (w > span.first) line.text += ' ';
            line.text += m.words[span.paragraph][w];
        }
        line.ink_left = span.ink_left * px_per_unit;
        line.ink_right = span.ink_right * px_per_unit;
        result.lines.push_back(std::move(line));
    }
    return result;
}

}  // namespace skyloom::meme
