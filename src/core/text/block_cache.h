// Bookkeeping for text the browser lays out and rasterises (src/app/ui/rich_text.*): which
// entries to keep and how much new work one frame may do. Platform-free; the app owns the
// real resources (JS layouts, GL textures) and releases what Evict() hands back.
//
//   BlockCache<Raster> rasters(CacheLimits{48u << 20, 600});
//   if (Raster* r = rasters.Find(key, frame)) Draw(*r);
//   else if (budget.Allow(FrameBudget::kVisible)) rasters.Insert(key, Rasterise(), bytes, frame);
//   for (Raster& r : rasters.Evict(frame)) DeleteTexture(r.handle);   // once per frame
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace skyloom::text {

struct CacheLimits {
    size_t budget_bytes = 32u * 1024 * 1024;     // least recently seen entries go first above it
    uint64_t release_after_unseen_frames = 600;  // ~10 s at 60 fps: far away, release anyway
};

// A map from key to V whose entries remember the frame they were last seen in. Values are
// moved out (never destroyed here) so the caller can free what they hold.
template <typename V>
class BlockCache {
  public:
    explicit BlockCache(CacheLimits limits = {}) : m_limits(limits) {}

    // The entry for `key`, marked as seen in `frame`; nullptr when absent.
    [[nodiscard]] V* Find(const std::string& key, uint64_t frame) {
        auto it = m_entries.find(key);
        if (it == m_entries.end()) return nullptr;
        it->second.last_frame = frame;
        return &it->second.value;
    }

    // The entry for `key` without marking it seen (for results arriving between frames).
    [[nodiscard]] V* Peek(const std::string& key) {
        auto it = m_entries.find(key);
        return it == m_entries.end() ? nullptr : &it->second.value;
    }

    // Adds or replaces; returns the replaced value, if any, for the caller to release.
    std::optional<V> Insert(const std::string& key, V value, size_t bytes, uint64_t frame) {
        std::optional<V> old;
        auto [it, inserted] = m_entries.try_emplace(key);
        if (!inserted) {
            m_used_bytes -= it->second.bytes;
            old = std::move(it->second.value);
        }
        it->second = Entry{std::move(value), bytes, frame};
        m_used_bytes += bytes;
        return old;
    }

    // Releases entries unseen for `release_after_unseen_frames`, then the least recently seen
    // until the total is within budget, never one seen in `frame` (it is on screen now).
    [[nodiscard]] std::vector<V> Evict(uint64_t frame) {
        std::vector<V> released;
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (frame > it->second.last_frame + m_limits.release_after_unseen_frames) {
                m_used_bytes -= it->second.bytes;
                released.push_back(std::move(it->second.value));
                it = m_entries.erase(it);
            } else {
                ++it;
            }
        }
        if (m_used_bytes <= m_limits.budget_bytes) return released;
        std::vector<std::pair<uint64_t, std::string>> order;
        for (const auto& [key, entry] : m_entries) order.emplace_back(entry.last_frame, key);
        std::sort(order.begin(), order.end());
        for (const auto& [last_frame, key] : order) {
            if (m_used_bytes <= m_limits.budget_bytes || last_frame >= frame) break;
            auto it = m_entries.find(key);
            m_used_bytes -= it->second.bytes;
            released.push_back(std::move(it->second.value));
            m_entries.erase(it);
        }
        return released;
    }

    // Everything, e.g. when the device pixel ratio or the fonts change.
    [[nodiscard]] std::vector<V> Clear() {
        std::vector<V> released;
        for (auto& [key, entry] : m_entries) released.push_back(std::move(entry.value));
        m_entries.clear();
        m_used_bytes = 0;
        return released;
    }

    template <typename Fn>
    void ForEach(Fn&& fn) {
        for (auto& [key, entry] : m_entries) fn(key, entry.value);
    }
    template <typename Fn>
    void ForEach(Fn&& fn) const {
        for (const auto& [key, entry] : m_entries) fn(key, entry.value);
    }

    [[nodiscard]] size_t size() const { return m_entries.size(); }
    [[nodiscard]] size_t used_bytes() const { return m_used_bytes; }
    [[nodiscard]] const CacheLimits& limits() const { return m_limits; }

  private:
    struct Entry {
        V value{};
        size_t bytes = 0;
        uint64_t last_frame = 0;
    };
    CacheLimits m_limits;
    size_t m_used_bytes = 0;
    std::unordered_map<std::string, Entry> m_entries;
};

// How much rasterising one frame may do, so a screenful of new text (a fast fling, a page of
// posts arriving) is spread over a few frames instead of one long one. Text on screen now and
// text prefetched below the view (handed to a worker, cheap for the frame) have separate
// allowances, so drawing what is visible never starves the prefetch that keeps the next rows
// ready (and the next frames free of main-thread rasterising).
struct FrameBudgetLimits {
    int max_items = 6;             // rasterisations of text on screen per frame
    double max_ms = 4.0;           // ... or this much main-thread time, whichever first
    int prefetch_max_items = 6;    // requests for text below the view per frame
    double prefetch_max_ms = 1.0;  // ... or this much main-thread time
};

class FrameBudget {
  public:
    enum class Use { kVisible, kPrefetch };

    explicit FrameBudget(FrameBudgetLimits limits = {}) : m_limits(limits) {}

    void BeginFrame() { *this = FrameBudget(m_limits); }
    // May one more block be rasterised now? A refusal is remembered (see deferred()).
    [[nodiscard]] bool Allow(Use use) {
        const Spent& spent = use == Use::kVisible ? m_visible : m_prefetch;
        const bool ok = use == Use::kVisible
                            ? spent.items < m_limits.max_items && spent.ms < m_limits.max_ms
                            : spent.items < m_limits.prefetch_max_items &&
                                  spent.ms < m_limits.prefetch_max_ms;
        if (!ok) m_deferred = true;
        return ok;
    }
    void Spend(Use use, double ms) {
        Spent& spent = use == Use::kVisible ? m_visible : m_prefetch;
        ++spent.items;
        spent.ms += ms;
    }
    // Something was refused this frame: the caller must ask for another frame.
    [[nodiscard]] bool deferred() const { return m_deferred; }
    [[nodiscard]] int items() const { return m_visible.items + m_prefetch.items; }

  private:
    struct Spent {
        int items = 0;
        double ms = 0;
    };
    FrameBudgetLimits m_limits;
    Spent m_visible, m_prefetch;
    bool m_deferred = false;
};

}  // namespace skyloom::text
