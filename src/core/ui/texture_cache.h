// Bookkeeping for feed images as GPU textures: which to load (near the viewport, a few at a
// time), when each became ready (for the fade-in), and which to release (least recently seen
// first once over the memory budget, or unseen for a while). Platform-free: the app owns the
// GL textures and passes their handles in; this class decides, the app acts.
//
//   cache.Touch(id, frame);                    // every frame, for rows near the viewport
//   for (auto& id : cache.TakeLoadRequests()) StartDownload(id);   // then MarkReady / MarkFailed
//   for (auto handle : cache.Evict(frame)) glDeleteTextures(1, &handle);
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace skyloom::ui {

constexpr size_t kDefaultTextureBudgetBytes = 128u * 1024 * 1024;
constexpr int kMaxConcurrentImageLoads = 4;
// Textures not touched for this many frames are released even under budget (far away).
constexpr uint64_t kReleaseAfterUnseenFrames = 600;
constexpr double kFadeInMs = 200.0;

class TextureCache {
  public:
    enum class State { kMissing, kQueued, kLoading, kReady, kFailed };

    explicit TextureCache(size_t budget_bytes = kDefaultTextureBudgetBytes)
        : m_budget_bytes(budget_bytes) {}

    // The image `id` is near the viewport this frame.
    void Touch(const std::string& id, uint64_t frame);
    // Ids to start loading now (at most kMaxConcurrentImageLoads in flight), most recently
    // touched first; they move to kLoading.
    [[nodiscard]] std::vector<std::string> TakeLoadRequests();
    void MarkReady(const std::string& id, uint32_t handle, size_t bytes, double now_ms);
    void MarkFailed(const std::string& id);
    // Handles the app must delete; their entries go back to kMissing.
    [[nodiscard]] std::vector<uint32_t> Evict(uint64_t frame);
    // Releases everything (e.g. sign-out, GL context loss).
    [[nodiscard]] std::vector<uint32_t> Clear();

    [[nodiscard]] State state(const std::string& id) const;
    [[nodiscard]] uint32_t handle(const std::string& id) const;  // 0 unless kReady
    // 0..1 opacity for the fade-in after the texture became ready.
    [[nodiscard]] float FadeAlpha(const std::string& id, double now_ms) const;
    [[nodiscard]] size_t used_bytes() const { return m_used_bytes; }
    [[nodiscard]] size_t budget_bytes() const { return m_budget_bytes; }
    [[nodiscard]] int loading_count() const { return m_loading; }
    [[nodiscard]] int CountInState(State state) const;

  private:
    struct Entry {
        State state = State::kMissing;
        uint32_t handle = 0;
        size_t bytes = 0;
        uint64_t last_frame = 0;
        double ready_at_ms = 0;
    };
    size_t m_budget_bytes;
    size_t m_used_bytes = 0;
    int m_loading = 0;
    std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace skyloom::ui
