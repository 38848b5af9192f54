// The UI's fonts, rasterised at the device pixel ratio so text is crisp at 1x, 2x and 3x:
// glyphs are built at size x ratio and drawn at 1/ratio (io.FontGlobalScale), so ImGui keeps
// working in CSS pixels. Rebuilt when the ratio changes.
//
//   library.SetFace(FontFace::Regular, bytes);          // as downloads finish
//   if (library.Ready() && library.NeedsBuild(dpr)) { library.Build(dpr); <re-upload texture> }
#pragma once

#include <array>
#include <vector>

#include "imgui.h"

namespace skyloom::ui {

enum class FontFace { Regular, SemiBold, Count };

struct FontSet {
    ImFont* body = nullptr;    // 16 px Inter Regular
    ImFont* small = nullptr;   // 13.5 px Inter Regular
    ImFont* strong = nullptr;  // 16 px Inter SemiBold
    ImFont* title = nullptr;   // 26 px Inter SemiBold
    ImFont* logo = nullptr;    // 22 px Inter SemiBold
};

class FontLibrary {
public:
    void SetFace(FontFace face, std::vector<unsigned char> bytes);
    [[nodiscard]] bool Ready() const;
    [[nodiscard]] bool NeedsBuild(float pixel_ratio) const { return pixel_ratio != m_built_ratio; }
    // Replaces the atlas contents; the renderer must re-create its font texture afterwards.
    void Build(float pixel_ratio);
    [[nodiscard]] const FontSet& fonts() const { return m_fonts; }

private:
    std::array<std::vector<unsigned char>, static_cast<size_t>(FontFace::Count)> m_faces;
    FontSet m_fonts;
    float m_built_ratio = 0.0f;
};

}  // namespace skyloom::ui
