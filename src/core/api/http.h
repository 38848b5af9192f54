// Transport-neutral HTTP messages. The core API client builds HttpRequest values and parses
// HttpResponse values; a platform transport (libcurl natively, emscripten_fetch in the browser)
// moves the bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skyloom {

using HttpHeader = std::pair<std::string, std::string>;

// Lets the caller abort a request in flight: the transport registers how (XHR abort, ...),
// and the request then completes with status 0 and transport_error "aborted".
class AbortSignal {
  public:
    void Abort() {
        if (m_aborted) return;
        m_aborted = true;
        if (m_on_abort) m_on_abort();
    }
    [[nodiscard]] bool aborted() const { return m_aborted; }
    void OnAbort(std::function<void()> fn) { m_on_abort = std::move(fn); }

  private:
    bool m_aborted = false;
    std::function<void()> m_on_abort;
};

struct HttpRequest {
    std::string method;  // "GET", "POST", ...
    std::string path;    // absolute path with query, e.g. "/api/v1/posts?limit=20"
    std::vector<HttpHeader> headers;
    std::string body;
    // Optional: bytes of the body sent so far (uploads), where the transport can tell.
    std::function<void(uint64_t sent, uint64_t total)> upload_progress;
    std::shared_ptr<AbortSignal> abort;  // optional
    // Optional: for streamed answers (server-sent events), called with each piece of a 2xx
    // answer's body as it arrives, before `done`. The final response still carries the whole
    // body, so callers that ignore pieces see no difference.
    std::function<void(std::string_view bytes)> on_body_chunk;
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
