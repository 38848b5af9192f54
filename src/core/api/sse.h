// Incremental parser for server-sent events (text/event-stream, WHATWG HTML "Server-sent
// events" section 9.2.6): feed bytes as they arrive, get complete events. Used by the server to
// read OpenAI-compatible streams and by clients and tests to read /api/v1/ai/* streams.
//
//   SseParser parser;
//   parser.Feed(chunk, [](const SseEvent& e) { if (e.event == "error") ...; Use(e.data); });
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace skyloom {

struct SseEvent {
    std::string event = "message";  // the `event:` field, "message" when absent
    std::string data;               // `data:` lines joined with "\n"
    std::string id;
};

class SseParser {
  public:
    // Calls `on_event` for every event completed by `bytes` (a blank line ends an event).
    void Feed(std::string_view bytes, const std::function<void(const SseEvent&)>& on_event);
    // Bytes buffered in an unfinished line; callers bound it to stop a stream without newlines.
    [[nodiscard]] size_t pending_bytes() const { return m_line.size(); }

  private:
    void Line(std::string_view line, const std::function<void(const SseEvent&)>& on_event);

    std::string m_line;
    SseEvent m_event;
    bool m_has_data = false;
    bool m_last_was_cr = false;
};

// Parses a complete stream at once.
[[nodiscard]] std::vector<SseEvent> ParseSse(std::string_view stream);

}  // namespace skyloom
