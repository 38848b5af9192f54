// Byte counts for people: "812 B", "182 KB", "4.2 MB" (1 KB = 1024 bytes, as file managers and
// the upload limit's message use).
#pragma once

#include <cstdint>
#include <string>

namespace skyloom::ui {

[[nodiscard]] std::string FormatByteSize(uint64_t bytes);

}  // namespace skyloom::ui
