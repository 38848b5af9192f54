// ApiClient's AI calls (declared in api_client.h): the streamed autofill and chat answers are
// read with AiStreamReader; the history is a plain JSON page.
#include "api/ai_stream.h"
#include "api/api_client.h"
#include "api/requests.h"  // UrlEncode
#include "api/responses.h"

namespace skyloom {
namespace {

HttpRequest StreamRequest(const std::string& path, const Json& body) {
    HttpRequest request;
    request.method = "POST";
    request.path = path;
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"}};
    request.body = body.dump();
    return request;
}

// Sends a streamed AI request: pieces go to options.on_token, the final object to `finish`.
template <typename T>
void SendStream(ApiClient& client, HttpRequest request, ApiClient::AiStreamOptions options,
                Result<T> (*parse)(const Json&), Callback<T> done) {
    auto reader = std::make_shared<api::AiStreamReader>();
    auto on_token = std::make_shared<api::AiStreamReader::TokenFn>(std::move(options.on_token));
    request.abort = std::move(options.abort);
    request.on_body_chunk = [reader, on_token](std::string_view bytes) {
        reader->Feed(bytes, *on_token);
    };
    client.SendAuthorized(std::move(request),
                          [reader, on_token, parse, done = std::move(done)](HttpResponse response) {
                              Result<Json> final_event = reader->Finish(response, *on_token);
                              if (!final_event) return done(final_event.error());
                              done(parse(final_event.value()));
                          });
}

}  // namespace

void ApiClient::Autofill(const std::string& text, int max_tokens, AiStreamOptions options,
                         Callback<AutofillResult> done) {
    SendStream<AutofillResult>(
        *this,
        StreamRequest("/api/v1/ai/autofill", Json{{"text", text}, {"max_tokens", max_tokens}}),
        std::move(options), ParseAutofillResult, std::move(done));
}

void ApiClient::SendChat(const std::string& message, AiStreamOptions options,
                         Callback<ChatReply> done) {
    SendStream<ChatReply>(*this, StreamRequest("/api/v1/ai/chat", Json{{"message", message}}),
                          std::move(options), ParseChatReply, std::move(done));
}

void ApiClient::GetChat(const std::string& cursor, Callback<ChatPage> done) {
    HttpRequest request;
    request.method = "GET";
    request.path = "/api/v1/ai/chat?limit=50";
    if (!cursor.empty()) request.path += "&cursor=" + api::UrlEncode(cursor);
    SendAuthorized(std::move(request), [done = std::move(done)](HttpResponse response) {
        if (response.status < 200 || response.status >= 300) {
            return done(api::ErrorFromResponse(response));
        }
        Result<Json> json = ParseJsonText(response.body);
        if (!json) return done(json.error());
        done(ParseChatPage(json.value()));
    });
}

}  // namespace skyloom
