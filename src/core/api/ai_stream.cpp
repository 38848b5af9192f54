#include "api/ai_stream.h"

#include "api/responses.h"

namespace skyloom::api {

void AiStreamReader::Feed(std::string_view bytes, const TokenFn& on_token) {
    m_fed = true;
    m_parser.Feed(bytes, [&](const SseEvent& e) { Event(e, on_token); });
}

void AiStreamReader::Event(const SseEvent& event, const TokenFn& on_token) {
    Result<Json> data = ParseJsonText(event.data);
    if (event.event == "error") {
        // The same error shape as a non-2xx body; the stream had already started with 200,
        // so the failure is the model's (upstream), never the user's input.
        HttpResponse as_response;
        as_response.status = 502;
        as_response.body = event.data;
        m_error = ErrorFromResponse(as_response);
        m_has_error = true;
        return;
    }
    if (!data || !data.value().is_object()) return;  // keep-alive comments, unknown events
    const Json& j = data.value();
    auto token = j.find("token");
    if (token != j.end() && token->is_string()) {
        if (on_token) on_token(token->get<std::string>());
        return;
    }
    auto done = j.find("done");
    if (done != j.end() && done->is_boolean() && done->get<bool>()) {
        m_final = j;
        m_has_final = true;
    }
}

Result<Json> AiStreamReader::Finish(const HttpResponse& response, const TokenFn& on_token) {
    if (response.status < 200 || response.status >= 300) return ErrorFromResponse(response);
    if (!m_fed) {
        // A JSON-only answer, or a transport that hands over the body only at the end.
        Result<Json> whole = ParseJsonText(response.body);
        if (whole && whole.value().is_object() && whole.value().contains("done")) return whole;
        Feed(response.body, on_token);
    }
    m_parser.Feed("\n\n", [&](const SseEvent& e) { Event(e, on_token); });  // an unended event
    if (m_has_error) return m_error;
    if (!m_has_final) {
        return Error{"malformed_response", "The answer stopped before it was complete; try again",
                     response.status};
    }
    return m_final;
}

}  // namespace skyloom::api
