#include "media/image_library.h"

#include <algorithm>

#include "image/placeholder.h"  // core: DecodeBlurHash
#include "ui/theme.h"

namespace skyloom::app {
namespace {

constexpr int kPlaceholderSize = 32;  // px; drawn stretched, bilinear filtering does the blur

// UVs that crop a (iw x ih) image to the aspect ratio of a (w x h) box, centred.
void CoverUv(float iw, float ih, float w, float h, ImVec2& uv0, ImVec2& uv1) {
    uv0 = ImVec2(0, 0);
    uv1 = ImVec2(1, 1);
    if (iw <= 0 || ih <= 0 || w <= 0 || h <= 0) return;
    const float image_aspect = iw / ih;
    const float box_aspect = w / h;
    if (image_aspect > box_aspect) {
        const float keep = box_aspect / image_aspect;
        uv0.x = (1 - keep) * 0.5f;
        uv1.x = 1 - uv0.x;
    } else {
        const float keep = image_aspect / box_aspect;
        uv0.y = (1 - keep) * 0.5f;
        uv1.y = 1 - uv0.y;
    }
}

// The largest rectangle of the image's aspect ratio inside [min, max], centred.
void FitRect(float iw, float ih, ImVec2& min, ImVec2& max) {
    if (iw <= 0 || ih <= 0) return;
    const float w = max.x - min.x;
    const float h = max.y - min.y;
    const float scale = std::min(w / iw, h / ih);
    const ImVec2 size(iw * scale, ih * scale);
    const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    min = centre - size * 0.5f;
    max = centre + size * 0.5f;
}

ImTextureID AsTextureId(uint32_t handle) {
    return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(handle));
}

}  // namespace

void ImageLibrary::Want(const MediaRef& media) {
    if (media.id.empty()) return;
    m_cache.Touch(media.id, m_frame);
    if (m_cache.state(media.id) == ui::TextureCache::State::kQueued &&
        m_urls.find(media.id) == m_urls.end())
        m_urls.emplace(media.id, m_api_base + media.url);
}

void ImageLibrary::Prefetch(const MediaRef& media) {
    Want(media);
}

uint32_t ImageLibrary::PlaceholderTexture(const MediaRef& media) {
    auto it = m_placeholders.find(media.id);
    if (it == m_placeholders.end()) {
        Placeholder placeholder;
        if (!media.placeholder.empty()) {
            // Decode at the image's aspect ratio so the blur is not stretched unevenly.
            const int w = kPlaceholderSize;
            const int h = media.width > 0 && media.height > 0
                              ? std::clamp(kPlaceholderSize * media.height / media.width, 4,
                                           kPlaceholderSize * 2)
                              : kPlaceholderSize;
            auto decoded = image::DecodeBlurHash(media.placeholder, w, h);
            if (decoded)
                placeholder.handle =
                    platform::CreateTextureRgba(w, h, decoded.value().pixels.data()).handle;
        }
        it = m_placeholders.emplace(media.id, placeholder).first;
    }
    it->second.last_frame = m_frame;
    return it->second.handle;
}

bool ImageLibrary::Draw(const MediaRef& media, ImVec2 min, ImVec2 max, float rounding, bool fit) {
    Want(media);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (fit) FitRect(static_cast<float>(media.width), static_cast<float>(media.height), min, max);
    ImVec2 uv0, uv1;
    CoverUv(static_cast<float>(media.width), static_cast<float>(media.height), max.x - min.x,
            max.y - min.y, uv0, uv1);
    const double now = platform::NowMs();
    const float alpha = m_cache.FadeAlpha(media.id, now);
    if (alpha < 1.0f) {
        const uint32_t placeholder = PlaceholderTexture(media);
        if (placeholder != 0)
            dl->AddImageRounded(AsTextureId(placeholder), min, max, uv0, uv1, IM_COL32_WHITE,
                                rounding);
        else
            dl->AddRectFilled(min, max, ui::color::kBorder, rounding);
        if (m_cache.state(media.id) == ui::TextureCache::State::kFailed) {
            const char* label = "Image unavailable";
            const ImVec2 size = ImGui::CalcTextSize(label);
            dl->AddText((min + max - size) * 0.5f, ui::color::kTextMuted, label);
        }
    }
    const uint32_t handle = m_cache.handle(media.id);
    if (handle != 0 && alpha > 0.0f) {
        const ImU32 tint = IM_COL32(255, 255, 255, static_cast<int>(alpha * 255.0f + 0.5f));
        dl->AddImageRounded(AsTextureId(handle), min, max, uv0, uv1, tint, rounding);
        if (alpha < 1.0f) platform::KeepAnimating();
    }
    return handle != 0;
}

void ImageLibrary::DrawPlaceholder(const MediaRef& media, ImVec2 min, ImVec2 max, float rounding) {
    ImVec2 uv0, uv1;
    CoverUv(static_cast<float>(media.width), static_cast<float>(media.height), max.x - min.x,
            max.y - min.y, uv0, uv1);
    const uint32_t placeholder = PlaceholderTexture(media);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (placeholder != 0)
        dl->AddImageRounded(AsTextureId(placeholder), min, max, uv0, uv1, IM_COL32_WHITE, rounding);
    else
        dl->AddRectFilled(min, max, ui::color::kBorder, rounding);
}

void ImageLibrary::StartLoads() {
    for (const std::string& id : m_cache.TakeLoadRequests()) {
        auto url = m_urls.find(id);
        if (url == m_urls.end()) {
            m_cache.MarkFailed(id);
            continue;
        }
        const uint64_t generation = m_generation;
        platform::LoadTextureFromUrl(url->second, [this, id,
                                                   generation](Result<platform::Texture> texture) {
            if (generation != m_generation) {  // cleared meanwhile (sign-out)
                if (texture) platform::DeleteTexture(texture.value().handle);
                return;
            }
            if (!texture) {
                m_cache.MarkFailed(id);
                return;
            }
            m_cache.MarkReady(id, texture.value().handle, texture.value().bytes, platform::NowMs());
            platform::RequestFrames();
        });
    }
}

void ImageLibrary::EndFrame() {
    StartLoads();
    for (uint32_t handle : m_cache.Evict(m_frame)) platform::DeleteTexture(handle);
    for (auto it = m_placeholders.begin(); it != m_placeholders.end();) {
        if (m_frame > it->second.last_frame + ui::kReleaseAfterUnseenFrames) {
            platform::DeleteTexture(it->second.handle);
            it = m_placeholders.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_urls.begin(); it != m_urls.end();) {
        const auto state = m_cache.state(it->first);
        if (state == ui::TextureCache::State::kMissing)
            it = m_urls.erase(it);
        else
            ++it;
    }
    ++m_frame;
}

void ImageLibrary::Clear() {
    for (uint32_t handle : m_cache.Clear()) platform::DeleteTexture(handle);
    for (auto& [id, placeholder] : m_placeholders) platform::DeleteTexture(placeholder.handle);
    m_placeholders.clear();
    m_urls.clear();
    ++m_generation;
}

ImageStats ImageLibrary::stats() const {
    ImageStats s;
    s.used_bytes = m_cache.used_bytes();
    s.budget_bytes = m_cache.budget_bytes();
    s.ready = m_cache.CountInState(ui::TextureCache::State::kReady);
    s.loading = m_cache.loading_count();
    s.failed = m_cache.CountInState(ui::TextureCache::State::kFailed);
    s.placeholders = static_cast<int>(m_placeholders.size());
    return s;
}

}  // namespace skyloom::app
