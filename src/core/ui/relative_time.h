// Short relative times for post headers ("just now", "5m", "3h", "2d", "Nov 3", "Nov 3, 2024").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace skyloom::ui {

// Parses "2026-11-23T18:04:05.123Z" (fraction optional, UTC only). nullopt when malformed.
[[nodiscard]] std::optional<int64_t> ParseRfc3339Ms(std::string_view text);
[[nodiscard]] std::string FormatRelativeTime(int64_t then_ms, int64_t now_ms);

}  // namespace skyloom::ui
