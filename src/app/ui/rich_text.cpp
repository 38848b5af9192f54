// [SECTION] Free functions (the current engine)
// [SECTION] Engine: fonts and frames
// [SECTION] Engine: layout and raster caches
// [SECTION] Engine: measuring and drawing
// [SECTION] Bridge JSON
#include "ui/rich_text.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "imgui_internal.h"
#include "nlohmann/json.hpp"
#include "text/script_ranges.h"  // core
#include "ui/fonts.h"

namespace skyloom::ui {
namespace {

// A block whose fonts are still downloading is not drawn (a flash of fallback glyphs, then a
// jump, is worse than a short wait: CSS's font-display: block); after this long it is drawn
// with whatever fonts the browser has.
constexpr double kFontWaitMs = 3000.0;
// Rasterising for dense screens beyond this costs memory and shows nothing more.
constexpr float kMaxRasterRatio = 4.0f;
// Caches: layouts are small (the text and its line list in JS); textures are the real cost.
constexpr text::CacheLimits kLayoutLimits{8u * 1024 * 1024, 1200};
constexpr text::CacheLimits kRasterLimits{48u * 1024 * 1024, 600};
constexpr size_t kLayoutOverheadBytes = 256;  // the JS line records beyond the text itself
constexpr size_t kMaxFirstGlyphRecords = 64;

RichText* g_current = nullptr;

RichText& Current() {
    IM_ASSERT(g_current != nullptr && "SetCurrentRichText() before drawing rich text");
    return *g_current;
}

float AtlasFontSize(const ImFont* font) {
    return font->FontSize * ImGui::GetIO().FontGlobalScale;
}

ImTextureID AsTextureId(uint32_t handle) {
    return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(handle));
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Free functions
//-----------------------------------------------------------------------------

void SetCurrentRichText(RichText* engine) {
    g_current = engine;
}

ImVec2 TextBlockSize(std::string_view text, ImFont* font, float wrap_width) {
    return Current().Size(text, font, wrap_width);
}

void DrawTextBlock(ImDrawList* dl, ImVec2 pos, std::string_view text, ImFont* font, ImU32 color,
                   float wrap_width) {
    Current().Draw(dl, pos, text, font, color, wrap_width);
}

void PrefetchTextBlock(std::string_view text, ImFont* font, ImU32 color, float wrap_width) {
    Current().Prefetch(text, font, color, wrap_width);
}

uint64_t TextLayoutGeneration() {
    return g_current != nullptr ? g_current->generation() : 0;
}

int TextBlockLayoutId(std::string_view text, ImFont* font, float wrap_width) {
    return g_current != nullptr ? g_current->LayoutId(text, font, wrap_width) : 0;
}

void TextWrappedAny(std::string_view text, ImU32 color) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float wrap_pos = window->DC.TextWrapPos >= 0.0f ? window->DC.TextWrapPos : 0.0f;
    const float wrap = ImGui::CalcWrapWidthForPos(pos, wrap_pos);
    ImFont* font = ImGui::GetFont();
    const ImVec2 size = TextBlockSize(text, font, wrap);
    DrawTextBlock(window->DrawList, pos, text, font, color, wrap);
    ImGui::Dummy(size);
}

//-----------------------------------------------------------------------------
// [SECTION] Engine: fonts and frames
//-----------------------------------------------------------------------------

RichText::RichText() : m_layouts(kLayoutLimits), m_rasters(kRasterLimits) {}

void RichText::Init() {
    platform::InitTextEngine([this] { OnFontsLoaded(); });
    platform::InstallTextBridge([this] { return DrawnJson(); }, [this] { return StatsJson(); });
}

void RichText::SetFonts(const FontSet& fonts, float pixel_ratio) {
    m_weights = {{fonts.body, 400},
                 {fonts.small, 400},
                 {fonts.strong, 600},
                 {fonts.title, 600},
                 {fonts.logo, 600}};
    const float ratio = std::clamp(pixel_ratio, 1.0f, kMaxRasterRatio);
    if (ratio != m_ratio) {
        // Textures at the old ratio would be blurry or oversized: make new ones as blocks are
        // drawn (layouts are in CSS px and stay).
        ReleaseRasters(m_rasters.Clear());
        m_ratio = ratio;
    }
    ++m_generation;
}

void RichText::OnFontsLoaded() {
    bool any = false;
    m_layouts.ForEach([&](const std::string&, Layout& layout) {
        if (layout.pending_since_ms >= 0) {
            layout.stale = true;
            any = true;
        }
    });
    if (any) {
        ++m_generation;  // sizes measured with fallback fonts are about to change
        platform::RequestFrames();
    }
}

void RichText::EndFrame() {
    m_drawn_last.swap(m_drawn);
    m_drawn.clear();
    ReleaseRasters(m_rasters.Evict(m_frame));
    ReleaseLayouts(m_layouts.Evict(m_frame));
    // Text left for later by the frame's budget is drawn in the next frames.
    if (m_budget.deferred()) platform::RequestFrames(1);
    m_budget.BeginFrame();
    ++m_frame;
}

void RichText::ReleaseLayouts(std::vector<Layout> layouts) {
    for (const Layout& layout : layouts) platform::FreeTextLayout(layout.layout.id);
}

void RichText::ReleaseRasters(std::vector<Raster> rasters) {
    for (const Raster& raster : rasters)
        for (const platform::TextTile& tile : raster.tiles) platform::DeleteTexture(tile.handle);
}

//-----------------------------------------------------------------------------
// [SECTION] Engine: layout and raster caches
//-----------------------------------------------------------------------------

bool RichText::UsesAtlas(std::string_view text, ImFont* font) const {
    return !text::NeedsBrowserEngine(text, [font](char32_t c) {
        return c <= 0xFFFF && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr;
    });
}

platform::TextStyle RichText::StyleOf(ImFont* font) const {
    platform::TextStyle style;
    for (const auto& [f, weight] : m_weights)
        if (f == font) style.weight = weight;
    const float scale = ImGui::GetIO().FontGlobalScale;
    style.line_px = font->FontSize * scale;
    style.ascent_px = font->Ascent * scale;
    return style;
}

std::string RichText::LayoutKey(std::string_view text, ImFont* font, float wrap) {
    // The font enters through what the browser sees (weight, size), not its pointer, which
    // changes with every atlas build; the caller adds the weight.
    char suffix[64];
    std::snprintf(suffix, sizeof suffix, "\x1f%.2f:%.2f:%.2f", AtlasFontSize(font),
                  font->Ascent * ImGui::GetIO().FontGlobalScale, wrap > 0 ? wrap : 0.0f);
    std::string key(text);
    key += suffix;
    return key;
}

RichText::Layout& RichText::GetLayout(const std::string& key, std::string_view text, ImFont* font,
                                      float wrap) {
    Layout* found = m_layouts.Find(key, m_frame);
    if (found != nullptr && !found->stale) return *found;
    const double now = platform::NowMs();
    const platform::TextStyle style = StyleOf(font);
    if (found != nullptr) {
        // Fonts it waited for arrived (or the wait is over): lay it out again, in place.
        platform::FreeTextLayout(found->layout.id);
        const bool wait = now - found->pending_since_ms < kFontWaitMs;
        found->layout = platform::LayoutText(text, style, wrap, wait);
        found->stale = false;
        if (!found->layout.fonts_pending) found->pending_since_ms = -1;
        return *found;
    }
    Layout layout;
    layout.layout = platform::LayoutText(text, style, wrap, true);
    layout.pending_since_ms = layout.layout.fonts_pending ? now : -1;
    layout.waited_for_fonts = layout.layout.fonts_pending;
    (void)m_layouts.Insert(key, layout, text.size() + kLayoutOverheadBytes, m_frame);
    return *m_layouts.Find(key, m_frame);
}

const RichText::Raster* RichText::GetRaster(const std::string& layout_key, Layout& layout,
                                            ImU32 color, float wrap, text::FrameBudget::Use use) {
    char suffix[40];
    std::snprintf(suffix, sizeof suffix, "\x1e%08x:%.3f", color, m_ratio);
    std::string key = layout_key + suffix;
    Raster* cached = m_rasters.Find(key, m_frame);
    if (cached != nullptr && cached->layout_id == layout.layout.id)
        return cached->pending ? nullptr : cached;
    // Out of budget: keep showing an older raster of the same text if there is one.
    if (layout.layout.id == 0 || !m_budget.Allow(use))
        return cached != nullptr && !cached->pending ? cached : nullptr;
    const double start = platform::NowMs();
    Raster pending;
    pending.ratio = m_ratio;
    pending.layout_id = layout.layout.id;
    pending.pending = true;
    if (auto old = m_rasters.Insert(key, std::move(pending), 0, m_frame))
        ReleaseRasters({std::move(*old)});
    // The first time this block will show its real glyphs: how long the reader waited.
    FirstGlyphs first{"", -1.0};
    if (layout.waited_for_fonts && layout.first_draw_ms >= 0) {
        layout.waited_for_fonts = false;
        first = {layout_key.substr(0, layout_key.find('\x1f')), layout.first_draw_ms};
    }
    // On screen now: at once, on the main thread (the worker's first block takes hundreds of
    // ms while it loads its fonts). Prefetched below the view: in the worker, off the frame.
    platform::RasterText(layout.layout.id, color, m_ratio, wrap,
                         use == text::FrameBudget::Use::kPrefetch,
                         [this, key, id = layout.layout.id,
                          first = std::move(first)](std::vector<platform::TextTile> tiles) mutable {
                             OnRasterDone(key, id, std::move(tiles), std::move(first));
                         });
    const double spent = platform::NowMs() - start;
    m_budget.Spend(use, spent);
    ++m_raster_count;
    m_raster_ms += spent;
    // Drawn on the main thread, it is already here.
    const Raster* done = m_rasters.Peek(key);
    return done != nullptr && !done->pending ? done : nullptr;
}

void RichText::OnRasterDone(const std::string& key, int layout_id,
                            std::vector<platform::TextTile> tiles, FirstGlyphs first) {
    Raster* entry = m_rasters.Peek(key);
    if (entry == nullptr || !entry->pending || entry->layout_id != layout_id) {
        // Evicted, or replaced (new ratio, new layout) while in flight.
        ReleaseRasters({Raster{std::move(tiles), 0.0f, layout_id, false}});
        return;
    }
    size_t bytes = 0;
    for (const platform::TextTile& tile : tiles)
        bytes += static_cast<size_t>(tile.width_px) * static_cast<size_t>(tile.height_px) * 4;
    const float ratio = entry->ratio;
    (void)m_rasters.Insert(key, Raster{std::move(tiles), ratio, layout_id, false}, bytes, m_frame);
    if (first.wait_ms >= 0) {
        if (m_first_glyphs.size() >= kMaxFirstGlyphRecords)
            m_first_glyphs.erase(m_first_glyphs.begin());
        first.wait_ms = platform::NowMs() - first.wait_ms;  // it held the first-draw time
        m_first_glyphs.push_back(std::move(first));
    }
    platform::RequestFrames();  // it arrived between frames: show it (no-op mid-frame)
}

//-----------------------------------------------------------------------------
// [SECTION] Engine: measuring and drawing
//-----------------------------------------------------------------------------

ImVec2 RichText::Size(std::string_view text, ImFont* font, float wrap_width) {
    const float size = AtlasFontSize(font);
    if (text.empty()) return ImVec2(0.0f, size);
    if (UsesAtlas(text, font)) {
        // As ImGui::CalcTextSize, with `font` rather than the current one.
        ImVec2 s = font->CalcTextSizeA(size, FLT_MAX, wrap_width, text.data(),
                                       text.data() + text.size(), nullptr);
        s.x = std::floor(s.x + 0.99999f);
        return s;
    }
    const Layout& layout = GetLayout(LayoutKey(text, font, wrap_width), text, font, wrap_width);
    return ImVec2(std::ceil(layout.layout.width), std::ceil(layout.layout.height));
}

int RichText::LayoutId(std::string_view text, ImFont* font, float wrap_width) {
    if (text.empty() || UsesAtlas(text, font)) return 0;
    return GetLayout(LayoutKey(text, font, wrap_width), text, font, wrap_width).layout.id;
}

void RichText::Draw(ImDrawList* dl, ImVec2 pos, std::string_view text, ImFont* font, ImU32 color,
                    float wrap_width) {
    if (text.empty()) return;
    const float size = AtlasFontSize(font);
    if (UsesAtlas(text, font)) {
        dl->AddText(font, size, pos, color, text.data(), text.data() + text.size(), wrap_width);
        m_drawn.push_back({false, 0, pos, Size(text, font, wrap_width), wrap_width, size,
                           std::string(text), 0.0f});
        return;
    }
    const std::string key = LayoutKey(text, font, wrap_width);
    Layout& layout = GetLayout(key, text, font, wrap_width);
    if (layout.first_draw_ms < 0) layout.first_draw_ms = platform::NowMs();
    Drawn drawn{true,
                layout.layout.id,
                pos,
                ImVec2(std::ceil(layout.layout.width), std::ceil(layout.layout.height)),
                wrap_width,
                size,
                std::string(text),
                0.0f};
    // Still waiting for a font: leave the space empty (the fonts' arrival wakes the loop).
    const Raster* raster =
        layout.pending_since_ms >= 0
            ? nullptr
            : GetRaster(key, layout, color, wrap_width, text::FrameBudget::Use::kVisible);
    if (raster != nullptr) {
        // Device-pixel aligned, so the texture's texels land 1:1 on the screen's pixels.
        const float r = raster->ratio;
        const float pad = std::ceil(platform::kTextRasterPad * r);
        const float ox = std::round(pos.x * r) - pad;
        const float oy = std::round(pos.y * r) - pad;
        for (const platform::TextTile& tile : raster->tiles) {
            const ImVec2 min(ox / r, (oy + static_cast<float>(tile.y_px)) / r);
            const ImVec2 max = min + ImVec2(static_cast<float>(tile.width_px) / r,
                                            static_cast<float>(tile.height_px) / r);
            dl->AddImage(AsTextureId(tile.handle), min, max);
        }
        drawn.ratio = r;
    }
    m_drawn.push_back(std::move(drawn));
}

void RichText::Prefetch(std::string_view text, ImFont* font, ImU32 color, float wrap_width) {
    if (text.empty() || UsesAtlas(text, font)) return;
    const std::string key = LayoutKey(text, font, wrap_width);
    Layout& layout = GetLayout(key, text, font, wrap_width);
    if (layout.pending_since_ms < 0)
        (void)GetRaster(key, layout, color, wrap_width, text::FrameBudget::Use::kPrefetch);
}

//-----------------------------------------------------------------------------
// [SECTION] Bridge JSON
//-----------------------------------------------------------------------------

std::string RichText::DrawnJson() const {
    nlohmann::json blocks = nlohmann::json::array();
    for (const Drawn& d : m_drawn_last) {
        nlohmann::json b = {{"engine", d.browser ? "browser" : "atlas"},
                            {"id", d.id},
                            {"x", d.pos.x},
                            {"y", d.pos.y},
                            {"w", d.size.x},
                            {"h", d.size.y},
                            {"wrap", d.wrap},
                            {"line_height", d.line},
                            {"ratio", d.ratio},
                            {"text", d.text}};
        blocks.push_back(std::move(b));
    }
    return blocks.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string RichText::StatsJson() const {
    size_t pending = 0;
    m_layouts.ForEach(
        [&](const std::string&, const Layout& l) { pending += l.pending_since_ms >= 0 ? 1 : 0; });
    nlohmann::json first = nlohmann::json::array();
    for (const FirstGlyphs& f : m_first_glyphs)
        first.push_back({{"text", f.text}, {"wait_ms", f.wait_ms}});
    nlohmann::json stats = {{"ratio", m_ratio},
                            {"generation", m_generation},
                            {"layouts", m_layouts.size()},
                            {"layouts_pending", pending},
                            {"rasters", m_rasters.size()},
                            {"raster_bytes", m_rasters.used_bytes()},
                            {"raster_count", m_raster_count},
                            {"raster_ms", m_raster_ms},
                            {"first_glyphs", std::move(first)}};
    return stats.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace skyloom::ui
