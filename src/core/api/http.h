// Transport-neutral HTTP messages. The core API client builds HttpRequest values and parses
// HttpResponse values; a platform transport (libcurl natively, emscripten_fetch in the browser)
// moves the bytes.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace skyloom {

using HttpHeader = std::pair<std::string, std::string>;

struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string path;    // absolute path with query, e.g. "/api/v1/posts?limit=20"
    std::vector<HttpHeader> headers;
    std::string body;
};

struct HttpResponse {
    int status = 0;  // 0 when the request never got an answer
    std::string body;
    std::string transport_error;  // set when status == 0 (offline, refused, aborted)
};

using ResponseCallback = std::function<void(HttpResponse)>;
// Sends `request` to `base_url + request.path` and calls `done` exactly once, possibly later
// (browser) or before returning (blocking native transports).
using Transport = std::function<void(const std::string& base_url, const HttpRequest& request,
                                     ResponseCallback done)>;

}  // namespace skyloom
