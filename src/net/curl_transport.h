// A blocking libcurl Transport for native programs (integration tests, tools). Each call performs
// the request on the calling thread and invokes `done` before returning. Thread-safe: every call
// uses its own easy handle.
#pragma once

#include "api/http.h"

namespace skyloom {

[[nodiscard]] Transport MakeCurlTransport(long timeout_ms = 30000);

// One blocking request, for code that wants the response directly.
[[nodiscard]] HttpResponse CurlPerform(const std::string& base_url, const HttpRequest& request,
                                       long timeout_ms = 30000);

// The same, also returning the raw response header lines ("Name: value\r\n...") for tests
// that check caching and range headers.
struct RawHttpResponse {
    HttpResponse response;
    std::string headers;
};
[[nodiscard]] RawHttpResponse CurlPerformWithHeaders(const std::string& base_url,
                                                     const HttpRequest& request,
                                                     long timeout_ms = 30000);

}  // namespace skyloom
