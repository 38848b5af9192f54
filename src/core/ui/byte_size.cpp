#include "ui/byte_size.h"

#include <cmath>
#include <cstdio>

namespace skyloom::ui {

std::string FormatByteSize(uint64_t bytes) {
    constexpr double kKb = 1024.0;
    constexpr double kMb = 1024.0 * 1024.0;
    char out[32];
    if (bytes < 1024) {
        std::snprintf(out, sizeof out, "%u B", static_cast<unsigned>(bytes));
    } else if (bytes < 1024 * 1024) {
        // Whole kilobytes; rounding up to "1024 KB" would read oddly, so switch to MB there.
        const double kb = std::round(static_cast<double>(bytes) / kKb);
        if (kb >= 1024) return FormatByteSize(1024 * 1024);
        std::snprintf(out, sizeof out, "%.0f KB", kb);
    } else {
        const double mb = static_cast<double>(bytes) / kMb;
        std::snprintf(out, sizeof out, mb < 10 ? "%.1f MB" : "%.0f MB", mb);
    }
    return out;
}

}  // namespace skyloom::ui
