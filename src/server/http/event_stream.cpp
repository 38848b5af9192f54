#include "http/event_stream.h"

namespace skyloom::server {

EventStream::EventStream(RequestHandle request) : m_request(std::move(request)) {}

EventStream::~EventStream() {
    Close();
}

bool EventStream::Send(std::string_view data, std::string_view event) {
    if (m_closed || m_gone->load()) return false;
    if (!m_response) {
        m_response.emplace(NewResponse<restinio::chunked_output_t>(m_request, 200));
        m_response->append_header(restinio::http_field::content_type,
                                  "text/event-stream; charset=utf-8");
        m_response->append_header(restinio::http_field::cache_control, "no-store");
        // Reverse proxies (nginx) buffer responses unless told not to.
        m_response->append_header("X-Accel-Buffering", "no");
    }
    std::string text;
    text.reserve(data.size() + event.size() + 16);
    if (!event.empty()) text.append("event: ").append(event).append("\n");
    text.append("data: ").append(data).append("\n\n");
    m_response->append_chunk(std::move(text));
    m_response->flush([gone = m_gone](const asio::error_code& ec) {
        if (ec) gone->store(true);
    });
    return true;
}

void EventStream::Close() {
    if (m_closed) return;
    m_closed = true;
    if (m_response) m_response->done();
}

}  // namespace skyloom::server
