#include "ui/fonts.h"

#include <cmath>

#include "text/script_ranges.h"  // core: kEagerFontRanges

namespace skyloom::ui {
namespace {

constexpr float kBodySize = 16.0f;
constexpr float kSmallSize = 13.5f;
constexpr float kTitleSize = 26.0f;
constexpr float kLogoSize = 22.0f;
// Rasterising above 3x buys nothing visible and quadruples the atlas.
constexpr float kMaxPixelRatio = 3.0f;

// Body text (posts, names): everything the eager Inter subset has: Latin, Greek, Cyrillic,
// punctuation (core's list, which scripts/make-dist subsets the download to). Other scripts
// are drawn by the browser (ui/rich_text.h).
static_assert(sizeof(ImWchar) == sizeof(uint16_t));
const ImWchar* const kFullRanges = text::kEagerFontRanges;
// Headings, captions and the logo show app strings: Latin-1 and punctuation are enough, and
// rasterising fewer glyphs is most of the atlas build time on the first frame.
constexpr ImWchar kUiRanges[] = {0x0020, 0x00FF, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x2193, 0};

ImFont* AddFace(ImFontAtlas* atlas, std::vector<unsigned char>& bytes, float size, float ratio,
                const ImWchar* ranges) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the library keeps the bytes for later rebuilds
    // No oversampling: dense screens need none, and below 2x the glyphs snap to whole pixels
    // (PixelSnapH), where ImGui's docs say it buys nothing. 2x horizontal doubled the atlas
    // build, the largest part of the first frame (docs/benchmarks.md, "First load").
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = ratio < 2.0f;
    return atlas->AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()),
                                       std::round(size * ratio), &config, ranges);
}

}  // namespace

void FontLibrary::SetFace(FontFace face, std::vector<unsigned char> bytes) {
    m_faces[static_cast<size_t>(face)] = std::move(bytes);
    m_built_ratio = 0.0f;
}

bool FontLibrary::Ready() const {
    for (const auto& bytes : m_faces)
        if (bytes.empty()) return false;
    return true;
}

void FontLibrary::Build(float pixel_ratio) {
    IM_ASSERT(Ready() && "FontLibrary::Build() before every face arrived");
    const float ratio = std::fmin(std::fmax(pixel_ratio, 1.0f), kMaxPixelRatio);
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    auto& regular = m_faces[static_cast<size_t>(FontFace::Regular)];
    auto& semibold = m_faces[static_cast<size_t>(FontFace::SemiBold)];
    m_fonts.body = AddFace(io.Fonts, regular, kBodySize, ratio, kFullRanges);
    m_fonts.small = AddFace(io.Fonts, regular, kSmallSize, ratio, kUiRanges);
    m_fonts.strong = AddFace(io.Fonts, semibold, kBodySize, ratio, kFullRanges);
    m_fonts.title = AddFace(io.Fonts, semibold, kTitleSize, ratio, kUiRanges);
    m_fonts.logo = AddFace(io.Fonts, semibold, kLogoSize, ratio, kUiRanges);
    io.Fonts->Build();
    io.FontDefault = m_fonts.body;
    io.FontGlobalScale = 1.0f / ratio;
    m_built_ratio = pixel_ratio;
}

}  // namespace skyloom::ui
