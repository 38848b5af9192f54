#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "http/content_encoding.h"
#include "http/media_response.h"
#include "services/errors.h"

namespace skyloom::server {
namespace {

const char* ContentType(const std::string& extension) {
    if (extension == ".html") return "text/html; charset=utf-8";
    if (extension == ".js") return "text/javascript; charset=utf-8";
    if (extension == ".wasm") return "application/wasm";
    if (extension == ".json") return "application/json; charset=utf-8";
    if (extension == ".css") return "text/css; charset=utf-8";
    if (extension == ".ttf") return "font/ttf";
    if (extension == ".otf") return "font/otf";
    if (extension == ".woff2") return "font/woff2";
    if (extension == ".png") return "image/png";
    if (extension == ".jpg" || extension == ".jpeg") return "image/jpeg";
    if (extension == ".svg") return "image/svg+xml";
    if (extension == ".ico") return "image/x-icon";
    if (extension == ".bin") return "application/octet-stream";
    return "application/octet-stream";
}

bool ReadFile(const std::filesystem::path& path, std::string& out) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::ostringstream buffer;
    buffer << file.rdbuf();
    out = buffer.str();
    return true;
}

// Names like app.3f9a1c2b.wasm never change content, so browsers may keep them for a year.
bool IsContentHashed(const std::string& name) {
    static const std::regex kHashed(R"(.*\.[0-9a-f]{8,}\.[a-z0-9]+)");
    return std::regex_match(name, kHashed);
}

}  // namespace

HandlerStatus ServeStaticFile(const RequestHandle& request, const std::string& site_dir) {
    namespace fs = std::filesystem;
    std::string path(request->header().path());
    if (path.empty() || path == "/") path = "/index.html";
    // Only plain names: no dot-dot, no encoded bytes, no hidden files, no backslashes.
    static const std::regex kSafePath(R"((/[A-Za-z0-9_\-][A-Za-z0-9_.\-]*)+)");
    if (!std::regex_match(path, kSafePath) || path.find("..") != std::string::npos) {
        return SendError(request, errors::NotFound("That page"));
    }
    fs::path file = fs::path(site_dir) / path.substr(1);
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return SendError(request, errors::NotFound("That page"));

    // make-dist writes .br and .gz beside each compressible file; the client says which it reads.
    const std::string accept =
        request->header().get_field_or(restinio::http_field::accept_encoding, "");
    const std::string encoding =
        ChooseContentEncoding(accept, fs::is_regular_file(file.string() + ".br", ec),
                              fs::is_regular_file(file.string() + ".gz", ec));
    const fs::path chosen = encoding.empty()   ? file
                            : encoding == "br" ? fs::path(file.string() + ".br")
                                               : fs::path(file.string() + ".gz");
    std::string body;
    if (!ReadFile(chosen, body)) return SendError(request, errors::NotFound("That page"));

    // A range counts bytes of what is sent (RFC 9110 section 14: of the selected
    // representation), so the encoded file's bytes when a variant was chosen.
    ByteRange range;
    const RangeResult kind = ParseRange(
        request->header().get_field_or(restinio::http_field::range, ""), body.size(), range);
    const int status = kind == RangeResult::kSatisfiable     ? 206
                       : kind == RangeResult::kUnsatisfiable ? 416
                                                             : 200;
    auto response = NewResponse(request, status, SitePolicyHeader());
    response.append_header(restinio::http_field::content_type,
                           ContentType(file.extension().string()));
    response.append_header(restinio::http_field::cache_control,
                           IsContentHashed(file.filename().string())
                               ? "public, max-age=31536000, immutable"
                               : "no-cache");
    response.append_header(restinio::http_field::vary, "Accept-Encoding");
    response.append_header(restinio::http_field::accept_ranges, "bytes");
    if (!encoding.empty()) response.append_header(restinio::http_field::content_encoding, encoding);
    const std::string size = std::to_string(body.size());
    if (kind == RangeResult::kUnsatisfiable) {
        response.append_header(restinio::http_field::content_range, "bytes */" + size);
        return response.done();
    }
    if (kind == RangeResult::kSatisfiable) {
        response.append_header(restinio::http_field::content_range,
                               "bytes " + std::to_string(range.first) + "-" +
                                   std::to_string(range.first + range.length - 1) + "/" + size);
        body = body.substr(range.first, range.length);
    }
    return response.set_body(std::move(body)).done();
}

}  // namespace skyloom::server
