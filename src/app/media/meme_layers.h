// The meme editor's preview: one GL texture per text box, rendered by core's meme renderer
// (src/core/meme/render.h, the one export uses too) at the size the box is shown, in device
// pixels. A layer is re-rendered only when its look changes (text, font, colours, alignment,
// caps, pixel size); moving a box reuses the texture, so a drag frame only moves quads
// (budget: <= 4 ms of CPU per frame while dragging, scripts/bench-app).
//
//   layers.LoadFonts();                            // once; the fonts arrive asynchronously
//   const auto& tex = layers.Sync(boxes, 800, 600);  // per frame, cheap when nothing changed
//   draw_list->AddImage(tex[i].texture, box_min, box_max);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "meme/render.h"  // core

namespace skyloom::app {

class MemeLayers {
  public:
    struct Layer {
        uint32_t texture = 0;  // 0: nothing to draw (empty text, fonts not loaded yet)
        int width = 0;
        int height = 0;
    };

    MemeLayers() = default;
    MemeLayers(const MemeLayers&) = delete;
    MemeLayers& operator=(const MemeLayers&) = delete;
    ~MemeLayers() { Clear(); }

    // Starts downloading Bebas Neue, Inter and DejaVu Sans (once).
    void LoadFonts();
    [[nodiscard]] bool FontsReady() const { return m_fonts.has_value(); }
    // Brings the layers in line with `boxes` shown on a width x height (device px) image.
    const std::vector<Layer>& Sync(const std::vector<MemeBox>& boxes, int width, int height);
    // Frees every texture (the editor closed).
    void Clear();

    // For the bridge and benchmarks: layers rendered so far and the last one's CPU time.
    [[nodiscard]] int renders() const { return m_renders; }
    [[nodiscard]] double last_render_ms() const { return m_last_render_ms; }

  private:
    struct Key {
        std::string text;
        MemeFont font = MemeFont::kBebas;
        uint32_t fill = 0, outline = 0;
        MemeAlign align = MemeAlign::kCenter;
        bool all_caps = true;
        int width = 0, height = 0;
        bool operator==(const Key&) const = default;
    };

    std::optional<meme::MemeFonts> m_fonts;
    std::vector<std::string> m_font_bytes;  // arrive in any order
    int m_fonts_pending = -1;               // -1: not started
    std::vector<Key> m_keys;
    std::vector<Layer> m_layers;
    int m_renders = 0;
    double m_last_render_ms = 0;
};

}  // namespace skyloom::app
