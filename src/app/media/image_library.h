// Feed images on screen: each image paints its BlurHash placeholder at once, loads as a GPU
// texture when it comes near the viewport (a few at a time, decoded by the browser), fades in,
// and is released when far away or when the textures exceed the memory budget. The policy is
// core's ui::TextureCache (unit-tested); this class connects it to ImGui and the platform.
//
//   library.Draw(media, min, max, rounding);  // while drawing a card (also marks it wanted)
//   library.Prefetch(media);                  // rows just outside the view
//   library.EndFrame();                       // after drawing: start loads, release far ones
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "imgui.h"
#include "model/models.h"       // core: MediaRef
#include "platform/platform.h"  // Texture
#include "state/app_state.h"    // ImageStats
#include "ui/texture_cache.h"   // core

namespace skyloom::app {

class ImageLibrary {
  public:
    explicit ImageLibrary(std::string api_base,
                          size_t budget_bytes = ui::kDefaultTextureBudgetBytes)
        : m_api_base(std::move(api_base)), m_cache(budget_bytes) {}

    // Fills [min, max] with the image, cropped to keep its aspect ratio ("cover"); `fit` shows
    // the whole image instead (letterboxed by the caller's layout). Returns true once the real
    // image (not the placeholder) is showing.
    bool Draw(const MediaRef& media, ImVec2 min, ImVec2 max, float rounding, bool fit = false);
    // Only the blurred placeholder (sensitive images until the reader asks to see them); the
    // image itself is not even downloaded.
    void DrawPlaceholder(const MediaRef& media, ImVec2 min, ImVec2 max, float rounding);
    void Prefetch(const MediaRef& media);
    void EndFrame();
    // Releases every texture (sign-out).
    void Clear();

    [[nodiscard]] ImageStats stats() const;

  private:
    void Want(const MediaRef& media);
    [[nodiscard]] uint32_t PlaceholderTexture(const MediaRef& media);
    void StartLoads();

    struct Placeholder {
        uint32_t handle = 0;
        uint64_t last_frame = 0;
    };
    std::string m_api_base;
    ui::TextureCache m_cache;
    std::unordered_map<std::string, std::string> m_urls;  // id -> absolute URL, for loading
    std::unordered_map<std::string, Placeholder> m_placeholders;
    uint64_t m_frame = 1;
    uint64_t m_generation = 0;  // bumps on Clear(): loads started before are dropped
};

}  // namespace skyloom::app
