// AI features behind /api/v1/ai/*: autofill, chat with the persona, and the caller's inference
// log. Admission (per-user rate limit, a cap on requests in flight) comes first; every call
// that reaches the provider is logged in `inferences` with its latency, success or error.
// Everything a user can read or delete is selected by the authenticated user's id, never by an
// id the client sends.
//
//   auto ticket = ai.Admit(user);            // 429 / 503 before any work
//   auto done = ai.Autofill(user, {text, 40, std::nullopt}, sink);  // sink streams pieces
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ai/provider.h"
#include "db/database.h"
#include "services/auth_service.h"
#include "services/rate_limiter.h"
#include "util/clock.h"

namespace skyloom::server {

constexpr size_t kAiMaxTextChars = 2000;  // code points, like a post
constexpr int kAiMaxTokens = 200;
constexpr int kAiDefaultAutofillTokens = 40;
constexpr int kAiDefaultChatTokens = 60;
constexpr int kAiDefaultPageLimit = 50;
constexpr int kAiMaxPageLimit = 200;

struct AiSettings {
    int requests_per_minute = 20;  // per user; more answer 429 with retry_after
    int max_in_flight = 8;         // across users; more answer 503 ai_busy
    int history_turns = 10;        // chat: earlier messages sent to the model
    ai::Persona persona;
};

struct AutofillInput {
    std::string text;
    int max_tokens = kAiDefaultAutofillTokens;
    std::optional<uint64_t> seed;
};

struct ChatInput {
    std::string message;
    int max_tokens = kAiDefaultChatTokens;
    std::optional<uint64_t> seed;
};

struct ChatMessage {
    int64_t id = 0;
    std::string role;  // "user" | "assistant"
    std::string content;
    int64_t created_at = 0;  // Unix ms
};

struct InferenceRecord {
    int64_t id = 0;
    std::string kind;  // classify | autofill | chat
    std::string input;
    std::string output;
    std::string provider;
    std::string model;
    std::string status;  // ok | error | cancelled
    std::string error_code;
    int64_t latency_ms = 0;
    int64_t first_token_ms = -1;  // -1: no token came
    int64_t created_at = 0;
};

template <typename T>
struct AiPage {
    std::vector<T> items;
    int64_t next_before = 0;  // 0: no more; else pass as `before` for the next page
};

struct AiOutcome {
    int64_t inference_id = 0;
    std::string output;  // everything streamed
    std::string provider;
    ai::GenerationResult generation;
    int64_t latency_ms = 0;
    int64_t first_token_ms = -1;
    std::vector<ChatMessage> stored;  // chat: the message and the reply as stored
};

class AiService {
  public:
    AiService(Database& db, Clock& clock, std::unique_ptr<ai::Provider> provider,
              AiSettings settings);

    // Held for the duration of one request; releasing it frees its in-flight slot.
    using Ticket = std::shared_ptr<void>;
    [[nodiscard]] Result<Ticket> Admit(const AuthUser& user);

    // Input rules, checked before admission so bad input never spends a request.
    [[nodiscard]] static Result<Unit> Validate(const AutofillInput& input);
    [[nodiscard]] static Result<Unit> Validate(const ChatInput& input);

    // Blocking; `sink` receives every piece (return false: the client has gone).
    Result<AiOutcome> Autofill(const AuthUser& user, const AutofillInput& input,
                               const ai::TokenSink& sink);
    Result<AiOutcome> Chat(const AuthUser& user, const ChatInput& input, const ai::TokenSink& sink);

    // Oldest first within the page; the page is the newest `limit` messages before `before`.
    Result<AiPage<ChatMessage>> ChatHistory(const AuthUser& user, int limit, int64_t before);
    // Newest first.
    Result<AiPage<InferenceRecord>> Inferences(const AuthUser& user, int limit, int64_t before);
    // Deletes the caller's whole log and chat history; returns the log entries removed.
    int DeleteAll(const AuthUser& user);
    // One log entry of the caller's (and the chat exchange it produced); 404 otherwise.
    Result<Unit> DeleteInference(const AuthUser& user, int64_t id);

    // Logs an AI request served elsewhere (image labels: kind "classify"); returns its id.
    int64_t LogInference(const AuthUser& user, InferenceRecord record);

    // Lets the provider learn again (builtin: the newest posts); blocking, for a timer thread.
    void RefreshModel() { m_provider->Refresh(); }

    [[nodiscard]] const ai::Persona& persona() const { return m_settings.persona; }
    [[nodiscard]] std::string provider_name() const { return m_provider->Name(); }

  private:
    Result<AiOutcome> Generate(const AuthUser& user, const char* kind,
                               const ai::GenerationRequest& request, const ai::TokenSink& sink,
                               bool store_chat);
    std::vector<ai::ChatTurn> RecentTurns(const AuthUser& user);
    static void Insert(Connection& conn, const AuthUser& user, const InferenceRecord& record);

    Database& m_db;
    Clock& m_clock;
    std::unique_ptr<ai::Provider> m_provider;
    AiSettings m_settings;
    FailureLimiter m_rate;  // counts requests, not failures: every admitted request is recorded
    std::shared_ptr<std::atomic<int>> m_in_flight = std::make_shared<std::atomic<int>>(0);
};

}  // namespace skyloom::server
