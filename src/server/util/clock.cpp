#include "util/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace skyloom::server {

int64_t Clock::NowMs() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() +
           m_offset_ms.load();
}

std::string FormatRfc3339(int64_t unix_ms) {
    time_t seconds = static_cast<time_t>(unix_ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[96];  // room for any int the compiler thinks tm fields could hold
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(unix_ms % 1000));
    return buffer;
}

}  // namespace skyloom::server
