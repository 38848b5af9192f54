// The caller's AI inference log (issue 6: "users see and delete their own history in
// settings"): GET /ai/history, DELETE /ai/history, DELETE /ai/history/{id}. The model, its
// request builders and its parsers in one place because nothing else uses them. Pure: no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api/http.h"
#include "model/models.h"  // Json, Result

namespace skyloom {

// One logged AI request (classify, autofill or chat) as the server stored it.
struct Inference {
    std::string id;
    std::string kind;  // "autofill", "chat", "classify"
    std::string input;
    std::string output;
    std::string provider;
    std::string model;
    std::string status;  // "ok" or "error"
    int64_t latency_ms = 0;
    std::string created_at;  // RFC 3339 UTC
};

struct InferencePage {
    std::vector<Inference> items;
    std::string next_cursor;  // empty: no more pages
};

[[nodiscard]] Result<Inference> ParseInference(const Json& j);
[[nodiscard]] Result<InferencePage> ParseInferencePage(const Json& j);

}  // namespace skyloom

namespace skyloom::api {

struct AiHistoryQuery {
    std::string cursor;  // from the previous page's next_cursor
    int limit = 20;
};

[[nodiscard]] HttpRequest ListAiHistory(const AiHistoryQuery& query);
[[nodiscard]] HttpRequest DeleteAiHistory();
[[nodiscard]] HttpRequest DeleteAiHistoryEntry(const std::string& id);

[[nodiscard]] Result<InferencePage> ParseInferencePageResponse(const HttpResponse& response);
// DELETE /ai/history answers {deleted: N}.
[[nodiscard]] Result<int64_t> ParseDeletedCountResponse(const HttpResponse& response);

}  // namespace skyloom::api
