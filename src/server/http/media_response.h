// Writes a stored image: Content-Type, a strong ETag (the id is the content hash), immutable
// caching, If-None-Match -> 304, and single byte ranges -> 206 / 416 (RFC 9110 section 14).
#pragma once

#include <string>

#include "http/http_types.h"

namespace skyloom::server {

struct ByteRange {
    uint64_t first = 0;
    uint64_t length = 0;
};

enum class RangeResult { kNone, kSatisfiable, kUnsatisfiable };

// Parses a Range header for a body of `size` bytes. Multiple ranges are answered with the
// whole body (kNone), which RFC 9110 allows.
[[nodiscard]] RangeResult ParseRange(const std::string& header, uint64_t size, ByteRange& out);

HandlerStatus SendMediaFile(const RequestHandle& request, const std::string& id,
                            const std::string& path, const std::string& mime, uint64_t size);

}  // namespace skyloom::server
