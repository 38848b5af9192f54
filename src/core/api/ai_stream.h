// Reads the streamed answers of /api/v1/ai/autofill and /api/v1/ai/chat: server-sent events
// whose data is {"token": piece} while the model writes, then one final object with
// "done": true; a failure after the first piece arrives as `event: error` with the error shape.
//
//   AiStreamReader reader;
//   request.on_body_chunk = [&](std::string_view b) { reader.Feed(b, on_token); };
//   ... done(response):  Result<Json> final = reader.Finish(response);
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "api/http.h"
#include "api/sse.h"
#include "model/models.h"  // Json, Result

namespace skyloom::api {

class AiStreamReader {
  public:
    using TokenFn = std::function<void(const std::string& piece)>;

    // Bytes of a 2xx answer as they arrive; calls `on_token` for every completed piece.
    void Feed(std::string_view bytes, const TokenFn& on_token);
    // The final object once the response is complete. A non-2xx answer is its error; a 2xx
    // answer whose pieces were not fed (a transport that does not stream) is parsed whole.
    [[nodiscard]] Result<Json> Finish(const HttpResponse& response, const TokenFn& on_token);

  private:
    void Event(const SseEvent& event, const TokenFn& on_token);

    SseParser m_parser;
    bool m_fed = false;
    bool m_has_final = false;
    Json m_final;
    bool m_has_error = false;
    Error m_error;
};

}  // namespace skyloom::api
