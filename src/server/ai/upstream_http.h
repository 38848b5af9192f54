// One outbound POST to a model server with libcurl, on the calling thread, with timeouts, and
// the mapping of its failures to API errors (never the user's fault, never a 500):
//   connect refused / DNS         -> 503 ai_unavailable (retry_after)
//   timeout                       -> 503 ai_timeout     (retry_after)
//   HTTP 429 or 503 from upstream -> 503 ai_busy        (retry_after from its Retry-After)
//   any other HTTP >= 400, errors -> 502 ai_upstream_error
//   unparseable answer            -> 502 ai_bad_response (UpstreamGarbage)
// Details (URL, upstream body) go to the server log only.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ai/provider.h"

namespace skyloom::server::ai {

struct UpstreamCall {
    std::string url;
    std::string body;                  // JSON
    std::vector<std::string> headers;  // "Name: value"
    long timeout_ms = 30000;
    long connect_timeout_ms = 5000;
};

// Receives the 2xx response body as it arrives; returns false to abort (client gone or the
// stream already failed to parse).
using UpstreamDataSink = std::function<bool(std::string_view bytes)>;

struct UpstreamOutcome {
    bool ok = false;       // a 2xx answer read to the end
    bool aborted = false;  // the data sink asked to stop
    std::string content_type;
    Error error;  // when !ok && !aborted
};

[[nodiscard]] UpstreamOutcome PostUpstream(const UpstreamCall& call, const UpstreamDataSink& sink);

// The headers every provider sends: JSON body, optional bearer key.
[[nodiscard]] std::vector<std::string> JsonHeaders(const UpstreamConfig& config,
                                                   bool want_event_stream);

// 502 ai_bad_response, logging what was wrong.
[[nodiscard]] Error UpstreamGarbage(const std::string& provider, const std::string& detail);

}  // namespace skyloom::server::ai
