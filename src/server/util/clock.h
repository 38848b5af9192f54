// Wall-clock time in Unix milliseconds and its RFC 3339 form. Services take time from a Clock
// so tests can move it (code expiry, token lifetimes, rate-limit windows).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace skyloom::server {

class Clock {
  public:
    [[nodiscard]] int64_t NowMs() const;
    // Test hook: shifts the clock forward (e.g. past a code's 15-minute lifetime).
    void Advance(int64_t ms) { m_offset_ms += ms; }

  private:
    std::atomic<int64_t> m_offset_ms{0};
};

// "2026-11-23T18:04:05.123Z"
[[nodiscard]] std::string FormatRfc3339(int64_t unix_ms);

}  // namespace skyloom::server
