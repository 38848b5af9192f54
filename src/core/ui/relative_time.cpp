#include "ui/relative_time.h"

#include <array>

namespace skyloom::ui {
namespace {

constexpr int64_t kMinuteMs = 60 * 1000;
constexpr int64_t kHourMs = 60 * kMinuteMs;
constexpr int64_t kDayMs = 24 * kHourMs;
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool ReadNumber(std::string_view text, size_t pos, size_t digits, int64_t& out) {
    if (pos + digits > text.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + digits; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

}  // namespace

std::optional<int64_t> ParseRfc3339Ms(std::string_view text) {
    int64_t year, month, day, hour, minute, second;
    if (text.size() < 20 || !ReadNumber(text, 0, 4, year) || text[4] != '-' ||
        !ReadNumber(text, 5, 2, month) || text[7] != '-' || !ReadNumber(text, 8, 2, day) ||
        text[10] != 'T' || !ReadNumber(text, 11, 2, hour) || text[13] != ':' ||
        !ReadNumber(text, 14, 2, minute) || text[16] != ':' || !ReadNumber(text, 17, 2, second)) {
        return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    size_t pos = 19;
    int64_t millis = 0;
    if (text[pos] == '.') {
        ++pos;
        int64_t scale = 100;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            millis += (text[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
    }
    if (pos + 1 != text.size() || text[pos] != 'Z') return std::nullopt;
    int64_t days = DaysFromCivil(year, unsigned(month), unsigned(day));
    return ((days * 24 + hour) * 60 + minute) * 60000 + second * 1000 + millis;
}

std::string FormatRelativeTime(int64_t then_ms, int64_t now_ms) {
    int64_t age = now_ms - then_ms;
    if (age < kMinuteMs) return "just now";  // includes small clock skew into the future
    if (age < kHourMs) return std::to_string(age / kMinuteMs) + "m";
    if (age < kDayMs) return std::to_string(age / kHourMs) + "h";
    if (age < 7 * kDayMs) return std::to_string(age / kDayMs) + "d";
    int64_t year, now_year;
    unsigned month, day, now_month, now_day;
    CivilFromDays(then_ms >= 0 ? then_ms / kDayMs : (then_ms - kDayMs + 1) / kDayMs, year, month,
                  day);
    CivilFromDays(now_ms / kDayMs, now_year, now_month, now_day);
    std::string out = std::string(kMonths[month - 1]) + " " + std::to_string(day);
    if (year != now_year) out += ", " + std::to_string(year);
    return out;
}

}  // namespace skyloom::ui
