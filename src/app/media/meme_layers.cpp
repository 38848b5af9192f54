#include "media/meme_layers.h"

#include <cmath>

#include "platform/platform.h"

namespace skyloom::app {
namespace {

// The shell's font names (scripts/make-dist), in MemeFonts order: bebas, inter, dejavu.
constexpr const char* kFontNames[] = {"bebas_neue", "inter", "dejavu_sans"};

}  // namespace

void MemeLayers::LoadFonts() {
    if (m_fonts_pending >= 0) return;
    m_fonts_pending = int(std::size(kFontNames));
    m_font_bytes.assign(std::size(kFontNames), {});
    for (size_t i = 0; i < std::size(kFontNames); ++i) {
        platform::LoadFont(kFontNames[i], [this, i](std::vector<unsigned char> bytes) {
            m_font_bytes[i].assign(bytes.begin(), bytes.end());
            if (--m_fonts_pending > 0) return;
            Result<image::Font> bebas = image::Font::Load(m_font_bytes[0]);
            Result<image::Font> inter = image::Font::Load(m_font_bytes[1]);
            Result<image::Font> dejavu = image::Font::Load(m_font_bytes[2]);
            m_font_bytes.clear();
            if (!bebas || !inter || !dejavu) {
                m_fonts_pending = -1;  // try again next time the editor opens
                return;
            }
            m_fonts = meme::MemeFonts{bebas.value(), inter.value(), dejavu.value()};
            platform::RequestFrames();
        });
    }
}

const std::vector<MemeLayers::Layer>& MemeLayers::Sync(const std::vector<MemeBox>& boxes, int width,
                                                       int height) {
    if (m_layers.size() > boxes.size()) {
        for (size_t i = boxes.size(); i < m_layers.size(); ++i)
            platform::DeleteTexture(m_layers[i].texture);
        m_layers.resize(boxes.size());
        m_keys.resize(boxes.size());
    }
    m_layers.resize(boxes.size());
    m_keys.resize(boxes.size());
    if (!m_fonts) return m_layers;
    for (size_t i = 0; i < boxes.size(); ++i) {
        const MemeBox& b = boxes[i];
        Key key;
        key.text = b.text;
        key.font = b.font;
        key.fill = b.fill;
        key.outline = b.outline;
        key.align = b.align;
        key.all_caps = b.all_caps;
        // From the box's size only, so a move never changes it.
        key.width = std::max(1, int(std::lround(b.w * width)));
        key.height = std::max(1, int(std::lround(b.h * height)));
        if (key == m_keys[i] && (m_layers[i].texture != 0 || b.text.empty())) continue;
        const double start = platform::NowMs();
        image::Image rgba = meme::RenderBoxText(b, *m_fonts, key.width, key.height);
        platform::DeleteTexture(m_layers[i].texture);
        m_layers[i] = Layer{};
        if (!b.text.empty()) {
            const platform::Texture t =
                platform::CreateTextureRgba(rgba.width, rgba.height, rgba.pixels.data());
            m_layers[i] = Layer{t.handle, t.width, t.height};
        }
        m_keys[i] = std::move(key);
        ++m_renders;
        m_last_render_ms = platform::NowMs() - start;
    }
    return m_layers;
}

void MemeLayers::Clear() {
    for (const Layer& l : m_layers) platform::DeleteTexture(l.texture);
    m_layers.clear();
    m_keys.clear();
}

}  // namespace skyloom::app
