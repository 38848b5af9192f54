#include "api/sse.h"

namespace skyloom {

void SseParser::Feed(std::string_view bytes, const std::function<void(const SseEvent&)>& on_event) {
    for (char c : bytes) {
        // Lines end with CRLF, LF or CR.
        if (c == '\n' && m_last_was_cr) {
            m_last_was_cr = false;
            continue;
        }
        m_last_was_cr = c == '\r';
        if (c == '\n' || c == '\r') {
            std::string line = std::move(m_line);
            m_line.clear();
            Line(line, on_event);
        } else {
            m_line += c;
        }
    }
}

void SseParser::Line(std::string_view line, const std::function<void(const SseEvent&)>& on_event) {
    if (line.empty()) {
        if (m_has_data) on_event(m_event);
        m_event = SseEvent{};
        m_has_data = false;
        return;
    }
    if (line[0] == ':') return;  // a comment (keep-alive)
    size_t colon = line.find(':');
    std::string_view field = line.substr(0, colon);
    std::string_view value;
    if (colon != std::string_view::npos) {
        value = line.substr(colon + 1);
        if (!value.empty() && value[0] == ' ') value.remove_prefix(1);
    }
    if (field == "data") {
        if (m_has_data) m_event.data += '\n';
        m_event.data += value;
        m_has_data = true;
    } else if (field == "event") {
        m_event.event = value.empty() ? "message" : std::string(value);
    } else if (field == "id") {
        m_event.id = value;
    }
}

std::vector<SseEvent> ParseSse(std::string_view stream) {
    std::vector<SseEvent> events;
    SseParser parser;
    parser.Feed(stream, [&](const SseEvent& e) { events.push_back(e); });
    parser.Feed("\n\n", [&](const SseEvent& e) { events.push_back(e); });
    return events;
}

}  // namespace skyloom
