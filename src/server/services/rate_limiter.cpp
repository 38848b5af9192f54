#include "services/rate_limiter.h"

namespace skyloom::server {
namespace {
constexpr size_t kSweepThreshold = 100000;
}

void FailureLimiter::Prune(std::deque<int64_t>& times, int64_t now_ms) const {
    while (!times.empty() && times.front() <= now_ms - m_window_ms) times.pop_front();
}

int FailureLimiter::RetryAfterSeconds(const std::string& key, int64_t now_ms) {
    std::lock_guard lock(m_mutex);
    auto it = m_failures.find(key);
    if (it == m_failures.end()) return 0;
    Prune(it->second, now_ms);
    if (static_cast<int>(it->second.size()) < m_limit) return 0;
    int64_t free_at = it->second.front() + m_window_ms;
    return static_cast<int>((free_at - now_ms + 999) / 1000);
}

void FailureLimiter::RecordFailure(const std::string& key, int64_t now_ms) {
    std::lock_guard lock(m_mutex);
    SweepIfLarge(now_ms);
    auto& times = m_failures[key];
    Prune(times, now_ms);
    times.push_back(now_ms);
}

void FailureLimiter::Clear(const std::string& key) {
    std::lock_guard lock(m_mutex);
    m_failures.erase(key);
}

void FailureLimiter::SweepIfLarge(int64_t now_ms) {
    if (m_failures.size() < kSweepThreshold) return;
    for (auto it = m_failures.begin(); it != m_failures.end();) {
        Prune(it->second, now_ms);
        it = it->second.empty() ? m_failures.erase(it) : std::next(it);
    }
}

}  // namespace skyloom::server
