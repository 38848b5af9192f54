// Text in any script: Latin, Greek and Cyrillic through ImGui's font atlas (fast, the common
// case), anything else (CJK, Arabic and Hebrew, Devanagari, Thai, emoji, combining marks) laid
// out and rasterised by the browser's own text engine (platform/text_raster_web.cpp) into
// cached textures. The choice is per block: one code point the atlas cannot draw sends the
// whole block to the browser, so shaping and bidi see the whole paragraph.
//
//   const ImVec2 size = ui::TextBlockSize(post.text, fonts.body, width);     // cheap, cached
//   ui::DrawTextBlock(dl, pos, post.text, fonts.body, ui::color::kText, width);
//
// Browser blocks are keyed by text, font, wrap width (layout) and colour and device pixel
// ratio (texture): a ratio change re-rasterises what is on screen, and textures not drawn for
// a while or beyond the memory budget are released (core's text::BlockCache). Missing script
// fonts are fetched on first use; until they arrive (or 3 s pass) the block is measured with
// fallback fonts and not drawn, then laid out again: LayoutGeneration() changes, so callers
// that cache sizes (the feed) measure again.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "platform/platform.h"  // TextLayout, TextTile
#include "text/block_cache.h"   // core

namespace skyloom::ui {

struct FontSet;

// Size of `text` (UTF-8, any script) laid out in `font` wrapped at `wrap_width` (<= 0: no wrap).
[[nodiscard]] ImVec2 TextBlockSize(std::string_view text, ImFont* font, float wrap_width);
// Draws it at `pos` into `dl`; Latin/Greek/Cyrillic through ImGui's atlas, anything else as
// browser-rasterised textures. Right-to-left paragraphs align to the right of `wrap_width`.
void DrawTextBlock(ImDrawList* dl, ImVec2 pos, std::string_view text, ImFont* font, ImU32 color,
                   float wrap_width);
// Like ImGui::TextWrapped (current font, wraps at the content region's right edge, advances
// the cursor), for text in any script.
void TextWrappedAny(std::string_view text, ImU32 color);
// Lays out and rasterises a block that will soon scroll into view (a little per frame).
void PrefetchTextBlock(std::string_view text, ImFont* font, ImU32 color, float wrap_width);
// Changes whenever browser-laid-out sizes may have changed (fonts arrived, ratio changed).
[[nodiscard]] uint64_t TextLayoutGeneration();
// The browser's layout of a block that is not drawn through the atlas (its lines live in JS,
// Module.skyloomText.layouts), for the selectable copy over it; 0 for atlas text.
[[nodiscard]] int TextBlockLayoutId(std::string_view text, ImFont* font, float wrap_width);

// The engine behind those functions; the app owns one and makes it current.
class RichText {
  public:
    RichText();
    RichText(const RichText&) = delete;
    RichText& operator=(const RichText&) = delete;

    // Once, after the platform is up: registers fonts with the browser, installs the bridge.
    void Init();
    // After every atlas build: the fonts' weights and the ratio textures are made for.
    void SetFonts(const FontSet& fonts, float pixel_ratio);
    // After drawing each frame: releases what was not drawn for a while or is over budget.
    void EndFrame();

    [[nodiscard]] ImVec2 Size(std::string_view text, ImFont* font, float wrap_width);
    [[nodiscard]] int LayoutId(std::string_view text, ImFont* font, float wrap_width);
    void Draw(ImDrawList* dl, ImVec2 pos, std::string_view text, ImFont* font, ImU32 color,
              float wrap_width);
    void Prefetch(std::string_view text, ImFont* font, ImU32 color, float wrap_width);
    [[nodiscard]] uint64_t generation() const { return m_generation; }

  private:
    struct Layout {
        platform::TextLayout layout;
        double pending_since_ms = -1;   // >= 0 while laid out with fallback fonts
        double first_draw_ms = -1;      // when it was first asked to be drawn
        bool stale = false;             // fonts arrived: lay out again before use
        bool waited_for_fonts = false;  // until its first raster with the fonts it waited for
    };
    struct Raster {
        std::vector<platform::TextTile> tiles;
        float ratio = 1.0f;
        int layout_id = 0;     // the layout it shows; a new layout of the same text replaces it
        bool pending = false;  // asked of the browser, tiles not back yet
    };
    struct FirstGlyphs {
        std::string text;
        double wait_ms;  // draw requested -> final glyphs uploaded
    };
    struct Drawn {
        bool browser = false;
        int id = 0;
        ImVec2 pos, size;
        float wrap = 0;
        float line = 0;
        std::string text;
        float ratio = 0;  // of the raster drawn (0: atlas, or not drawn yet)
    };

    [[nodiscard]] bool UsesAtlas(std::string_view text, ImFont* font) const;
    [[nodiscard]] platform::TextStyle StyleOf(ImFont* font) const;
    [[nodiscard]] static std::string LayoutKey(std::string_view text, ImFont* font, float wrap);
    Layout& GetLayout(const std::string& key, std::string_view text, ImFont* font, float wrap);
    // The textures of `layout` in `color`; asks the browser for them if the frame's budget
    // allows (nullptr until they arrive).
    const Raster* GetRaster(const std::string& layout_key, Layout& layout, ImU32 color, float wrap,
                            text::FrameBudget::Use use);
    void OnRasterDone(const std::string& key, int layout_id, std::vector<platform::TextTile> tiles,
                      FirstGlyphs first);
    void OnFontsLoaded();
    void ReleaseLayouts(std::vector<Layout> layouts);
    void ReleaseRasters(std::vector<Raster> rasters);
    [[nodiscard]] std::string DrawnJson() const;
    [[nodiscard]] std::string StatsJson() const;

    text::BlockCache<Layout> m_layouts;
    text::BlockCache<Raster> m_rasters;
    text::FrameBudget m_budget;
    std::vector<std::pair<ImFont*, int>> m_weights;  // font -> CSS weight, from SetFonts
    float m_ratio = 1.0f;
    uint64_t m_frame = 1;
    uint64_t m_generation = 1;
    std::vector<Drawn> m_drawn, m_drawn_last;
    // For the bridge and benchmarks.
    uint64_t m_raster_count = 0;
    double m_raster_ms = 0;
    std::vector<FirstGlyphs> m_first_glyphs;  // per block that waited for a font
};

// The current engine (like ImGui's current context); the free functions above use it.
void SetCurrentRichText(RichText* engine);

}  // namespace skyloom::ui
