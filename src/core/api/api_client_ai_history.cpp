// ApiClient's AI inference log calls (declared in api_client.h; builders and parsers in
// ai_history.h).
#include "api/ai_history.h"
#include "api/api_client.h"
#include "api/responses.h"

namespace skyloom {

void ApiClient::ListAiHistory(const api::AiHistoryQuery& query, Callback<InferencePage> done) {
    SendAuthorized(api::ListAiHistory(query), [done = std::move(done)](HttpResponse r) {
        done(api::ParseInferencePageResponse(r));
    });
}

void ApiClient::DeleteAiHistory(Callback<int64_t> done) {
    SendAuthorized(api::DeleteAiHistory(), [done = std::move(done)](HttpResponse r) {
        done(api::ParseDeletedCountResponse(r));
    });
}

void ApiClient::DeleteAiHistoryEntry(const std::string& id, Callback<Unit> done) {
    SendAuthorized(api::DeleteAiHistoryEntry(id),
                   [done = std::move(done)](HttpResponse r) { done(api::ParseEmptyResponse(r)); });
}

}  // namespace skyloom
