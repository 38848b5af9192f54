#include "http/media_response.h"

#include "model/models.h"

namespace skyloom::server {
namespace {

bool ParseUint(const std::string& text, uint64_t& out) {
    if (text.empty() || text.size() > 19) return false;
    out = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + uint64_t(c - '0');
    }
    return true;
}

}  // namespace

RangeResult ParseRange(const std::string& header, uint64_t size, ByteRange& out) {
    const std::string prefix = "bytes=";
    if (header.compare(0, prefix.size(), prefix) != 0) return RangeResult::kNone;
    std::string spec = header.substr(prefix.size());
    if (spec.find(',') != std::string::npos) return RangeResult::kNone;
    size_t dash = spec.find('-');
    if (dash == std::string::npos) return RangeResult::kNone;
    std::string first_text = spec.substr(0, dash), last_text = spec.substr(dash + 1);
    uint64_t first = 0, last = 0;
    if (first_text.empty()) {  // "bytes=-N": the last N bytes
        uint64_t suffix = 0;
        if (!ParseUint(last_text, suffix)) return RangeResult::kNone;
        if (suffix == 0 || size == 0) return RangeResult::kUnsatisfiable;
        out.length = suffix < size ? suffix : size;
        out.first = size - out.length;
        return RangeResult::kSatisfiable;
    }
    if (!ParseUint(first_text, first)) return RangeResult::kNone;
    if (last_text.empty()) {
        last = size == 0 ? 0 : size - 1;
    } else if (!ParseUint(last_text, last) || last < first) {
        return RangeResult::kNone;  // syntactically invalid: ignore the header
    }
    if (first >= size) return RangeResult::kUnsatisfiable;
    if (last >= size) last = size - 1;
    out.first = first;
    out.length = last - first + 1;
    return RangeResult::kSatisfiable;
}

HandlerStatus SendMediaFile(const RequestHandle& request, const std::string& id,
                            const std::string& path, const std::string& mime, uint64_t size) {
    const std::string etag = "\"" + id + "\"";
    const auto& header = request->header();
    std::string if_none_match = header.get_field_or(restinio::http_field::if_none_match, "");
    if (if_none_match == etag || if_none_match == "*") {
        return NewResponse(request, 304)
            .append_header(restinio::http_field::etag, etag)
            .append_header(restinio::http_field::cache_control,
                           "public, max-age=31536000, immutable")
            .done();
    }
    ByteRange range;
    RangeResult kind =
        ParseRange(header.get_field_or(restinio::http_field::range, ""), size, range);
    if (kind == RangeResult::kUnsatisfiable) {
        return NewResponse(request, 416)
            .append_header(restinio::http_field::content_type, "application/json; charset=utf-8")
            .append_header(restinio::http_field::content_range, "bytes */" + std::to_string(size))
            .set_body(DumpJson(ToJson(
                Error{"range_not_satisfiable", "The requested range is outside the image", 416})))
            .done();
    }
    bool partial = kind == RangeResult::kSatisfiable;
    auto response = NewResponse(request, partial ? 206 : 200);
    response.append_header(restinio::http_field::content_type, mime)
        .append_header(restinio::http_field::etag, etag)
        .append_header(restinio::http_field::cache_control, "public, max-age=31536000, immutable")
        .append_header(restinio::http_field::accept_ranges, "bytes");
    auto file = restinio::sendfile(path);
    if (partial) {
        response.append_header(restinio::http_field::content_range,
                               "bytes " + std::to_string(range.first) + "-" +
                                   std::to_string(range.first + range.length - 1) + "/" +
                                   std::to_string(size));
        file.offset_and_size(range.first, range.length);
    }
    return response.set_body(std::move(file)).done();
}

}  // namespace skyloom::server
