// Sliding-window failure counter: at most `limit` failures per key within `window_ms`.
// Used for login failures per account name and per client address. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace skyloom::server {

class FailureLimiter {
  public:
    FailureLimiter(int limit, int64_t window_ms) : m_limit(limit), m_window_ms(window_ms) {}
    // Seconds until another attempt is allowed; 0 when allowed now.
    [[nodiscard]] int RetryAfterSeconds(const std::string& key, int64_t now_ms);
    void RecordFailure(const std::string& key, int64_t now_ms);
    void Clear(const std::string& key);

  private:
    void Prune(std::deque<int64_t>& times, int64_t now_ms) const;
    // Drops keys whose failures have all aged out, bounding memory under address churn.
    void SweepIfLarge(int64_t now_ms);

    int m_limit;
    int64_t m_window_ms;
    std::mutex m_mutex;
    std::unordered_map<std::string, std::deque<int64_t>> m_failures;
};

}  // namespace skyloom::server
