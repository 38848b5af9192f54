// A text/event-stream answer written from a worker thread, one event per flush. The 200 status
// and headers go out with the first event, so a request that fails before producing anything
// can still answer with a proper JSON error status instead.
//
//   EventStream stream(request);
//   if (!stream.Send(R"({"token":"hi"})")) return;  // the client has gone
//   stream.Send(R"({"done":true})");
//   stream.Close();
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/http_types.h"

namespace skyloom::server {

class EventStream {
  public:
    explicit EventStream(RequestHandle request);
    ~EventStream();
    EventStream(const EventStream&) = delete;
    EventStream& operator=(const EventStream&) = delete;

    // Writes `data: <data>\n\n` (with `event: <event>` when given). False once a write failed,
    // i.e. the client disconnected.
    bool Send(std::string_view data, std::string_view event = {});
    [[nodiscard]] bool started() const { return m_response.has_value(); }
    // Ends the chunked answer; also done by the destructor if needed.
    void Close();

  private:
    RequestHandle m_request;
    std::optional<restinio::response_builder_t<restinio::chunked_output_t>> m_response;
    std::shared_ptr<std::atomic<bool>> m_gone = std::make_shared<std::atomic<bool>>(false);
    bool m_closed = false;
};

}  // namespace skyloom::server
