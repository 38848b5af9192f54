#include "api/ai_history.h"

#include "api/requests.h"
#include "api/responses.h"
#include "model/json_read.h"

namespace skyloom {

using json_read::Malformed;
using json_read::ReadInt;
using json_read::ReadString;

Result<Inference> ParseInference(const Json& j) {
    Inference r;
    if (!j.is_object() || !ReadString(j, "id", r.id) || !ReadString(j, "kind", r.kind) ||
        !ReadString(j, "created_at", r.created_at))
        return Malformed("AI history entry");
    // The rest is informational: a missing field shows as empty rather than failing the list.
    (void)ReadString(j, "input", r.input);
    (void)ReadString(j, "output", r.output);
    (void)ReadString(j, "provider", r.provider);
    (void)ReadString(j, "model", r.model);
    (void)ReadString(j, "status", r.status);
    (void)ReadInt(j, "latency_ms", r.latency_ms);
    return r;
}

Result<InferencePage> ParseInferencePage(const Json& j) {
    auto items = j.is_object() ? j.find("items") : j.end();
    if (!j.is_object() || items == j.end() || !items->is_array()) return Malformed("AI history");
    InferencePage page;
    for (const Json& item : *items) {
        Result<Inference> entry = ParseInference(item);
        if (!entry) return entry.error();
        page.items.push_back(std::move(entry).value());
    }
    (void)ReadString(j, "next_cursor", page.next_cursor);  // null: the last page
    return page;
}

}  // namespace skyloom

namespace skyloom::api {
namespace {

HttpRequest Make(const char* method, const std::string& path) {
    HttpRequest request;
    request.method = method;
    request.path = std::string(kApiPrefix) + path;
    return request;
}

Result<Json> Body(const HttpResponse& response) {
    if (response.status < 200 || response.status >= 300) return ErrorFromResponse(response);
    Result<Json> json = ParseJsonText(response.body);
    if (!json || !json.value().is_object())
        return Error{"malformed_response", "The server sent an unreadable answer", response.status};
    return json;
}

}  // namespace

HttpRequest ListAiHistory(const AiHistoryQuery& query) {
    std::string path = "/ai/history?limit=" + std::to_string(query.limit);
    if (!query.cursor.empty()) path += "&cursor=" + UrlEncode(query.cursor);
    return Make("GET", path);
}

HttpRequest DeleteAiHistory() {
    return Make("DELETE", "/ai/history");
}

HttpRequest DeleteAiHistoryEntry(const std::string& id) {
    return Make("DELETE", "/ai/history/" + UrlEncode(id));
}

Result<InferencePage> ParseInferencePageResponse(const HttpResponse& response) {
    Result<Json> body = Body(response);
    if (!body) return body.error();
    return ParseInferencePage(body.value());
}

Result<int64_t> ParseDeletedCountResponse(const HttpResponse& response) {
    Result<Json> body = Body(response);
    if (!body) return body.error();
    int64_t deleted = 0;
    if (!json_read::ReadInt(body.value(), "deleted", deleted))
        return json_read::Malformed("deletion count");
    return deleted;
}

}  // namespace skyloom::api
