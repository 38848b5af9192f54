#include "ui/texture_cache.h"

#include <algorithm>

namespace skyloom::ui {

void TextureCache::Touch(const std::string& id, uint64_t frame) {
    Entry& entry = m_entries[id];
    entry.last_frame = frame;
    if (entry.state == State::kMissing) entry.state = State::kQueued;
}

std::vector<std::string> TextureCache::TakeLoadRequests() {
    std::vector<std::pair<uint64_t, std::string>> queued;
    for (const auto& [id, entry] : m_entries) {
        if (entry.state == State::kQueued) queued.emplace_back(entry.last_frame, id);
    }
    // Newest first: what the reader looks at now beats what scrolled past.
    std::sort(queued.begin(), queued.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> out;
    for (auto& [frame, id] : queued) {
        if (m_loading >= kMaxConcurrentImageLoads) break;
        m_entries[id].state = State::kLoading;
        ++m_loading;
        out.push_back(std::move(id));
    }
    return out;
}

void TextureCache::MarkReady(const std::string& id, uint32_t handle, size_t bytes, double now_ms) {
    Entry& entry = m_entries[id];
    if (entry.state == State::kLoading) --m_loading;
    if (entry.state == State::kReady) m_used_bytes -= entry.bytes;
    entry.state = State::kReady;
    entry.handle = handle;
    entry.bytes = bytes;
    entry.ready_at_ms = now_ms;
    m_used_bytes += bytes;
}

void TextureCache::MarkFailed(const std::string& id) {
    Entry& entry = m_entries[id];
    if (entry.state == State::kLoading) --m_loading;
    entry.state = State::kFailed;
}

std::vector<uint32_t> TextureCache::Evict(uint64_t frame) {
    std::vector<uint32_t> released;
    auto release = [&](Entry& entry) {
        released.push_back(entry.handle);
        m_used_bytes -= entry.bytes;
        entry = Entry{State::kMissing, 0, 0, entry.last_frame, 0};
    };
    // Far away for a while: release regardless of budget.
    for (auto& [id, entry] : m_entries) {
        if (entry.state == State::kReady && frame > entry.last_frame + kReleaseAfterUnseenFrames) {
            release(entry);
        }
    }
    if (m_used_bytes > m_budget_bytes) {
        std::vector<std::pair<uint64_t, Entry*>> ready;
        for (auto& [id, entry] : m_entries)
            if (entry.state == State::kReady) ready.emplace_back(entry.last_frame, &entry);
        std::sort(ready.begin(), ready.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [last_frame, entry] : ready) {
            if (m_used_bytes <= m_budget_bytes) break;
            if (last_frame == frame) break;  // never drop what is on screen this frame
            release(*entry);
        }
    }
    // Forget bookkeeping for entries that hold nothing and were not seen recently.
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        bool idle = it->second.state == State::kMissing || it->second.state == State::kQueued;
        if (idle && frame > it->second.last_frame + kReleaseAfterUnseenFrames) {
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    return released;
}

std::vector<uint32_t> TextureCache::Clear() {
    std::vector<uint32_t> released;
    for (auto& [id, entry] : m_entries)
        if (entry.state == State::kReady) released.push_back(entry.handle);
    m_entries.clear();
    m_used_bytes = 0;
    m_loading = 0;
    return released;
}

TextureCache::State TextureCache::state(const std::string& id) const {
    auto it = m_entries.find(id);
    return it == m_entries.end() ? State::kMissing : it->second.state;
}

uint32_t TextureCache::handle(const std::string& id) const {
    auto it = m_entries.find(id);
    return it != m_entries.end() && it->second.state == State::kReady ? it->second.handle : 0;
}

int TextureCache::CountInState(State state) const {
    int count = 0;
    for (const auto& [id, entry] : m_entries) count += entry.state == state ? 1 : 0;
    return count;
}

float TextureCache::FadeAlpha(const std::string& id, double now_ms) const {
    auto it = m_entries.find(id);
    if (it == m_entries.end() || it->second.state != State::kReady) return 0.0f;
    double t = (now_ms - it->second.ready_at_ms) / kFadeInMs;
    return static_cast<float>(std::clamp(t, 0.0, 1.0));
}

}  // namespace skyloom::ui
