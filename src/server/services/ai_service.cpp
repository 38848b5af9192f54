#include "services/ai_service.h"

#include <algorithm>
#include <chrono>

#include "services/errors.h"
#include "validation/validation.h"

namespace skyloom::server {
namespace {

constexpr int64_t kRateWindowMs = 60 * 1000;
constexpr int kBusyRetryAfterS = 2;

Result<Unit> CheckMaxTokens(int max_tokens) {
    if (max_tokens < 1 || max_tokens > kAiMaxTokens) {
        return errors::Unprocessable("invalid_max_tokens", "max_tokens must be between 1 and 200");
    }
    return Unit{};
}

bool IsBlank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

ChatMessage ReadMessage(const Statement& stmt) {
    ChatMessage m;
    m.id = stmt.Int(0);
    m.role = stmt.Text(1);
    m.content = stmt.Text(2);
    m.created_at = stmt.Int(3);
    return m;
}

InferenceRecord ReadInference(const Statement& stmt) {
    InferenceRecord r;
    r.id = stmt.Int(0);
    r.kind = stmt.Text(1);
    r.input = stmt.Text(2);
    r.output = stmt.Text(3);
    r.provider = stmt.Text(4);
    r.model = stmt.Text(5);
    r.status = stmt.Text(6);
    r.error_code = stmt.IsNull(7) ? "" : stmt.Text(7);
    r.latency_ms = stmt.Int(8);
    r.first_token_ms = stmt.IsNull(9) ? -1 : stmt.Int(9);
    r.created_at = stmt.Int(10);
    return r;
}

}  // namespace

AiService::AiService(Database& db, Clock& clock, std::unique_ptr<ai::Provider> provider,
                     AiSettings settings)
    : m_db(db),
      m_clock(clock),
      m_provider(std::move(provider)),
      m_settings(std::move(settings)),
      m_rate(std::max(1, m_settings.requests_per_minute), kRateWindowMs) {
    if (m_settings.persona.initial.empty() && !m_settings.persona.name.empty()) {
        m_settings.persona.initial = m_settings.persona.name.substr(0, 1);
    }
}

Result<AiService::Ticket> AiService::Admit(const AuthUser& user) {
    std::string key = std::to_string(user.id);
    int64_t now = m_clock.NowMs();
    if (int retry = m_rate.RetryAfterSeconds(key, now); retry > 0) {
        return errors::TooMany("ai_rate_limited",
                               "You have used the AI features a lot just now; please wait a "
                               "moment",
                               retry);
    }
    if (m_in_flight->fetch_add(1) >= m_settings.max_in_flight) {
        m_in_flight->fetch_sub(1);
        return Error{"ai_busy", "The AI model is busy; please try again shortly", 503,
                     kBusyRetryAfterS};
    }
    m_rate.RecordFailure(key, now);
    auto counter = m_in_flight;
    return Ticket(static_cast<void*>(counter.get()), [counter](void*) { counter->fetch_sub(1); });
}

Result<Unit> AiService::Validate(const AutofillInput& input) {
    if (!IsValidUtf8(input.text) || CountCodePoints(input.text) > kAiMaxTextChars) {
        return errors::Unprocessable("text_too_long",
                                     "The text to continue can have at most 2000 characters");
    }
    return CheckMaxTokens(input.max_tokens);
}

Result<Unit> AiService::Validate(const ChatInput& input) {
    if (IsBlank(input.message) || !IsValidUtf8(input.message) ||
        CountCodePoints(input.message) > kAiMaxTextChars) {
        return errors::Unprocessable("invalid_message",
                                     "A message needs 1 to 2000 characters (not only spaces)");
    }
    return CheckMaxTokens(input.max_tokens);
}

Result<AiOutcome> AiService::Autofill(const AuthUser& user, const AutofillInput& input,
                                      const ai::TokenSink& sink) {
    ai::GenerationRequest request;
    request.kind = ai::GenerationKind::kAutofill;
    request.text = input.text;
    request.max_tokens = input.max_tokens;
    request.seed = input.seed;
    return Generate(user, "autofill", request, sink, false);
}

Result<AiOutcome> AiService::Chat(const AuthUser& user, const ChatInput& input,
                                  const ai::TokenSink& sink) {
    ai::GenerationRequest request;
    request.kind = ai::GenerationKind::kChat;
    request.text = input.message;
    request.history = RecentTurns(user);
    request.max_tokens = input.max_tokens;
    request.seed = input.seed;
    return Generate(user, "chat", request, sink, true);
}

std::vector<ai::ChatTurn> AiService::RecentTurns(const AuthUser& user) {
    Statement& stmt = m_db.Conn().Prepare(
        "SELECT role, content FROM chat_messages WHERE user_id = ? ORDER BY id DESC LIMIT ?");
    stmt.Bind(1, user.id).Bind(2, int64_t(std::max(0, m_settings.history_turns)));
    std::vector<ai::ChatTurn> turns;
    while (stmt.Step()) turns.push_back(ai::ChatTurn{stmt.Text(0), stmt.Text(1)});
    std::reverse(turns.begin(), turns.end());
    return turns;
}

Result<AiOutcome> AiService::Generate(const AuthUser& user, const char* kind,
                                      const ai::GenerationRequest& request,
                                      const ai::TokenSink& sink, bool store_chat) {
    using Steady = std::chrono::steady_clock;
    auto start = Steady::now();
    auto elapsed_ms = [&] {
        return int64_t(
            std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - start).count());
    };
    AiOutcome outcome;
    outcome.provider = m_provider->Name();
    auto result = m_provider->Generate(request, [&](std::string_view piece) {
        if (outcome.first_token_ms < 0) outcome.first_token_ms = elapsed_ms();
        outcome.output += piece;
        return sink(piece);
    });
    outcome.latency_ms = elapsed_ms();

    std::string status = "ok";
    std::string error_code;
    if (!result) {
        status = "error";
        error_code = result.error().code;
    } else {
        outcome.generation = result.value();
        if (outcome.generation.finish_reason == "cancelled") status = "cancelled";
    }
    int64_t now = m_clock.NowMs();
    Connection& conn = m_db.Conn();
    Transaction tx(conn);
    InferenceRecord record;
    record.kind = kind;
    record.input = request.text;
    record.output = outcome.output;
    record.provider = m_provider->Name();
    record.model = outcome.generation.model;
    record.status = status;
    record.error_code = error_code;
    record.latency_ms = outcome.latency_ms;
    record.first_token_ms = outcome.first_token_ms;
    record.created_at = now;
    Insert(conn, user, record);
    outcome.inference_id = conn.LastInsertId();
    if (store_chat && status == "ok") {
        Statement& message = conn.Prepare(
            "INSERT INTO chat_messages(user_id, inference_id, role, content, created_at) "
            "VALUES (?, ?, ?, ?, ?)");
        auto store = [&](const char* role, const std::string& content) {
            message.Bind(1, user.id)
                .Bind(2, outcome.inference_id)
                .Bind(3, role)
                .Bind(4, content)
                .Bind(5, now);
            message.Exec();
            outcome.stored.push_back(ChatMessage{conn.LastInsertId(), role, content, now});
        };
        store("user", request.text);
        store("assistant", outcome.output);
    }
    tx.Commit();
    if (!result) return result.error();
    return outcome;
}

void AiService::Insert(Connection& conn, const AuthUser& user, const InferenceRecord& r) {
    Statement& insert = conn.Prepare(
        "INSERT INTO inferences(user_id, kind, input, output, provider, model, status, "
        "error_code, latency_ms, first_token_ms, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.Bind(1, user.id)
        .Bind(2, r.kind)
        .Bind(3, r.input)
        .Bind(4, r.output)
        .Bind(5, r.provider)
        .Bind(6, r.model)
        .Bind(7, r.status)
        .Bind(9, r.latency_ms)
        .Bind(11, r.created_at);
    if (r.error_code.empty()) {
        insert.BindNull(8);
    } else {
        insert.Bind(8, r.error_code);
    }
    if (r.first_token_ms < 0) {
        insert.BindNull(10);
    } else {
        insert.Bind(10, r.first_token_ms);
    }
    insert.Exec();
}

int64_t AiService::LogInference(const AuthUser& user, InferenceRecord record) {
    record.created_at = m_clock.NowMs();
    Connection& conn = m_db.Conn();
    Insert(conn, user, record);
    return conn.LastInsertId();
}

Result<AiPage<ChatMessage>> AiService::ChatHistory(const AuthUser& user, int limit,
                                                   int64_t before) {
    Statement& stmt = m_db.Conn().Prepare(
        "SELECT id, role, content, created_at FROM chat_messages "
        "WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?");
    stmt.Bind(1, user.id).Bind(2, before > 0 ? before : INT64_MAX).Bind(3, int64_t(limit) + 1);
    AiPage<ChatMessage> page;
    while (stmt.Step()) page.items.push_back(ReadMessage(stmt));
    if (page.items.size() > size_t(limit)) {
        page.items.pop_back();
        page.next_before = page.items.back().id;
    }
    std::reverse(page.items.begin(), page.items.end());
    return page;
}

Result<AiPage<InferenceRecord>> AiService::Inferences(const AuthUser& user, int limit,
                                                      int64_t before) {
    Statement& stmt = m_db.Conn().Prepare(
        "SELECT id, kind, input, output, provider, model, status, error_code, latency_ms, "
        "first_token_ms, created_at FROM inferences "
        "WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?");
    stmt.Bind(1, user.id).Bind(2, before > 0 ? before : INT64_MAX).Bind(3, int64_t(limit) + 1);
    AiPage<InferenceRecord> page;
    while (stmt.Step()) page.items.push_back(ReadInference(stmt));
    if (page.items.size() > size_t(limit)) {
        page.items.pop_back();
        page.next_before = page.items.back().id;
    }
    return page;
}

int AiService::DeleteAll(const AuthUser& user) {
    Connection& conn = m_db.Conn();
    Transaction tx(conn);
    conn.Prepare("DELETE FROM chat_messages WHERE user_id = ?").Bind(1, user.id).Exec();
    conn.Prepare("DELETE FROM inferences WHERE user_id = ?").Bind(1, user.id).Exec();
    int removed = conn.Changes();
    tx.Commit();
    return removed;
}

Result<Unit> AiService::DeleteInference(const AuthUser& user, int64_t id) {
    Connection& conn = m_db.Conn();
    // The chat exchange goes with it (ON DELETE CASCADE on chat_messages.inference_id).
    conn.Prepare("DELETE FROM inferences WHERE id = ? AND user_id = ?")
        .Bind(1, id)
        .Bind(2, user.id)
        .Exec();
    // Another user's entry answers exactly like a missing one.
    if (conn.Changes() == 0) return errors::NotFound("The inference");
    return Unit{};
}

}  // namespace skyloom::server
