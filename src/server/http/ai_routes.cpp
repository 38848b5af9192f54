// [SECTION] Index
//   Streaming: one generation on the AI pool, answered as server-sent events (or JSON)
//   Routes: POST /api/v1/ai/autofill, GET/POST /api/v1/ai/chat,
//           GET/DELETE /api/v1/ai/history, DELETE /api/v1/ai/history/:id
#include "http/ai_routes.h"

#include <cstdio>

#include "http/event_stream.h"
#include "http/json_body.h"
#include "http/request_parsing.h"
#include "model/models.h"
#include "services/errors.h"

namespace skyloom::server {
namespace {

using Run = std::function<Result<AiOutcome>(const ai::TokenSink&)>;
using DoneJson = std::function<Json(const AiOutcome&)>;

Result<AuthUser> Authenticate(RouteContext& ctx, const RequestHandle& request) {
    return ctx.auth.Authenticate(
        request->header().get_field_or(restinio::http_field::authorization, ""));
}

// Streams unless the client asked for JSON only (Accept: application/json, no event-stream).
bool WantsJsonOnly(const RequestHandle& request) {
    std::string accept = request->header().get_field_or(restinio::http_field::accept, "");
    return accept.find("application/json") != std::string::npos &&
           accept.find("text/event-stream") == std::string::npos;
}

// [SECTION] Streaming

// Runs on an AI worker thread. Before the first piece nothing has been sent, so a failure is a
// plain JSON error with its status (502/503 upstream, ...); after it, the failure is an
// `event: error` and the stream ends.
void Stream(const RequestHandle& request, bool json_only, const Run& run, const DoneJson& done) {
    EventStream stream(request);
    ai::TokenSink sink = [&](std::string_view piece) {
        if (json_only) return true;
        return stream.Send(DumpJson(Json{{"token", std::string(piece)}}));
    };
    Result<AiOutcome> outcome = Error{};
    try {
        outcome = run(sink);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s: %s\n", std::string(request->header().path()).c_str(),
                     e.what());
        outcome =
            Error{"internal_error", "Something went wrong on our side; please try again", 500};
    }
    if (!outcome) {
        if (stream.started()) {
            stream.Send(DumpJson(ToJson(outcome.error())), "error");
            stream.Close();
        } else {
            SendError(request, outcome.error());
        }
        return;
    }
    Json body = done(outcome.value());
    body["done"] = true;
    body["inference_id"] = std::to_string(outcome.value().inference_id);
    body["model"] = outcome.value().generation.model;
    body["provider"] = outcome.value().provider;
    body["finish_reason"] = outcome.value().generation.finish_reason;
    body["tokens"] = outcome.value().generation.tokens;
    body["first_token_ms"] = outcome.value().first_token_ms;
    body["latency_ms"] = outcome.value().latency_ms;
    if (json_only) {
        SendJson(request, 200, DumpJson(body));
    } else {
        stream.Send(DumpJson(body));  // also starts the stream when no piece came
        stream.Close();
    }
}

HandlerStatus StartStream(RouteContext& ctx, const RequestHandle& request, AiService::Ticket ticket,
                          Run run, DoneJson done) {
    bool json_only = WantsJsonOnly(request);
    ctx.ai_workers.Post([request, json_only, ticket = std::move(ticket), run = std::move(run),
                         done = std::move(done)] { Stream(request, json_only, run, done); });
    return restinio::request_accepted();
}

Json MessageJson(const ChatMessage& m) {
    return Json{{"id", std::to_string(m.id)},
                {"role", m.role},
                {"content", m.content},
                {"created_at", FormatRfc3339(m.created_at)}};
}

Json InferenceJson(const InferenceRecord& r) {
    Json j = {{"id", std::to_string(r.id)},
              {"kind", r.kind},
              {"input", r.input},
              {"output", r.output},
              {"provider", r.provider},
              {"model", r.model},
              {"status", r.status},
              {"latency_ms", r.latency_ms},
              {"created_at", FormatRfc3339(r.created_at)}};
    if (!r.error_code.empty()) j["error_code"] = r.error_code;
    if (r.first_token_ms >= 0) j["first_token_ms"] = r.first_token_ms;
    return j;
}

template <typename T>
Json PageJson(const AiPage<T>& page, Json (*item)(const T&)) {
    Json items = Json::array();
    for (const T& t : page.items) items.push_back(item(t));
    return Json{{"items", std::move(items)},
                {"next_cursor",
                 page.next_before > 0 ? Json(std::to_string(page.next_before)) : Json(nullptr)}};
}

// `limit` (1..200) and `cursor` (an id from next_cursor) of the list routes.
Result<std::pair<int, int64_t>> PageParams(const RequestHandle& request) {
    auto query = ParseQuery(request, {"limit", "cursor"});
    if (!query) return query.error();
    auto& q = query.value();
    int64_t limit = kAiDefaultPageLimit, before = 0;
    if (q.count("limit") && (!ParseId(q["limit"], limit) || limit > kAiMaxPageLimit)) {
        return errors::BadRequest("invalid_limit", "limit must be between 1 and 200");
    }
    if (q.count("cursor") && !ParseId(q["cursor"], before)) {
        return errors::BadRequest("invalid_cursor", "cursor must come from next_cursor");
    }
    return std::make_pair(int(limit), before);
}

// max_tokens and seed, shared by autofill and chat. Out-of-range values fail validation later.
void ReadGenerationFields(const Fields& f, int default_tokens, int& max_tokens,
                          std::optional<uint64_t>& seed) {
    int64_t tokens = f.Int("max_tokens", default_tokens);
    max_tokens = tokens < 1 || tokens > kAiMaxTokens ? 0 : int(tokens);
    if (f.Has("seed")) seed = uint64_t(f.Int("seed", 0));
}

Result<Unit> CheckSeed(const Fields& f) {
    if (f.Has("seed") && f.Int("seed", 0) < 0) {
        return errors::Unprocessable("invalid_seed", "seed must be a non-negative integer");
    }
    return Unit{};
}

// [SECTION] Routes

RouteHandler Autofill(const std::shared_ptr<RouteContext>& ctx) {
    return [ctx](const RequestHandle& req, RouteParams) {
        auto caller = Authenticate(*ctx, req);
        if (!caller) return SendError(req, caller.error());
        auto fields = ReadFields(req->body(), {{"text"},
                                               {"max_tokens", FieldType::kInteger, false},
                                               {"seed", FieldType::kInteger, false}});
        if (!fields) return SendError(req, fields.error());
        if (auto seed = CheckSeed(fields.value()); !seed) return SendError(req, seed.error());
        AutofillInput input;
        input.text = fields.value().String("text");
        ReadGenerationFields(fields.value(), kAiDefaultAutofillTokens, input.max_tokens,
                             input.seed);
        if (auto valid = AiService::Validate(input); !valid) return SendError(req, valid.error());
        auto ticket = ctx->ai.Admit(caller.value());
        if (!ticket) return SendError(req, ticket.error());
        return StartStream(
            *ctx, req, ticket.value(),
            [ctx, user = caller.value(), input](const ai::TokenSink& sink) {
                return ctx->ai.Autofill(user, input, sink);
            },
            [](const AiOutcome& o) {
                return Json{{"completion", o.output}};
            });
    };
}

RouteHandler PostChat(const std::shared_ptr<RouteContext>& ctx) {
    return [ctx](const RequestHandle& req, RouteParams) {
        auto caller = Authenticate(*ctx, req);
        if (!caller) return SendError(req, caller.error());
        auto fields = ReadFields(req->body(), {{"message"},
                                               {"max_tokens", FieldType::kInteger, false},
                                               {"seed", FieldType::kInteger, false}});
        if (!fields) return SendError(req, fields.error());
        if (auto seed = CheckSeed(fields.value()); !seed) return SendError(req, seed.error());
        ChatInput input;
        input.message = fields.value().String("message");
        ReadGenerationFields(fields.value(), kAiDefaultChatTokens, input.max_tokens, input.seed);
        if (auto valid = AiService::Validate(input); !valid) return SendError(req, valid.error());
        auto ticket = ctx->ai.Admit(caller.value());
        if (!ticket) return SendError(req, ticket.error());
        return StartStream(
            *ctx, req, ticket.value(),
            [ctx, user = caller.value(), input](const ai::TokenSink& sink) {
                return ctx->ai.Chat(user, input, sink);
            },
            [](const AiOutcome& o) {
                Json j = {{"reply", o.output}};
                Json messages = Json::array();
                for (const ChatMessage& m : o.stored) messages.push_back(MessageJson(m));
                j["messages"] = std::move(messages);
                return j;
            });
    };
}

RouteHandler GetChat(const std::shared_ptr<RouteContext>& ctx) {
    return [ctx](const RequestHandle& req, RouteParams) {
        auto caller = Authenticate(*ctx, req);
        if (!caller) return SendError(req, caller.error());
        auto params = PageParams(req);
        if (!params) return SendError(req, params.error());
        auto page =
            ctx->ai.ChatHistory(caller.value(), params.value().first, params.value().second);
        if (!page) return SendError(req, page.error());
        Json body = PageJson(page.value(), MessageJson);
        const ai::Persona& persona = ctx->ai.persona();
        body["persona"] =
            Json{{"name", persona.name}, {"initial", persona.initial}, {"style", persona.style}};
        return SendJson(req, 200, DumpJson(body));
    };
}

RouteHandler GetHistory(const std::shared_ptr<RouteContext>& ctx) {
    return [ctx](const RequestHandle& req, RouteParams) {
        auto caller = Authenticate(*ctx, req);
        if (!caller) return SendError(req, caller.error());
        auto params = PageParams(req);
        if (!params) return SendError(req, params.error());
        auto page = ctx->ai.Inferences(caller.value(), params.value().first, params.value().second);
        if (!page) return SendError(req, page.error());
        return SendJson(req, 200, DumpJson(PageJson(page.value(), InferenceJson)));
    };
}

RouteHandler DeleteHistory(const std::shared_ptr<RouteContext>& ctx) {
    return [ctx](const RequestHandle& req, RouteParams) {
        auto caller = Authenticate(*ctx, req);
        if (!caller) return SendError(req, caller.error());
        int removed = ctx->ai.DeleteAll(caller.value());
        return SendJson(req, 200, DumpJson(Json{{"deleted", removed}}));
    };
}

RouteHandler DeleteHistoryEntry(const std::shared_ptr<RouteContext>& ctx) {
    return [ctx](const RequestHandle& req, RouteParams params) {
        auto caller = Authenticate(*ctx, req);
        if (!caller) return SendError(req, caller.error());
        auto id = PathId(params, "The inference");
        if (!id) return SendError(req, id.error());
        auto deleted = ctx->ai.DeleteInference(caller.value(), id.value());
        if (!deleted) return SendError(req, deleted.error());
        return SendEmpty(req, 204);
    };
}

}  // namespace

std::vector<AiRoute> AiRoutes(const std::shared_ptr<RouteContext>& ctx) {
    using restinio::http_method_delete;
    using restinio::http_method_get;
    using restinio::http_method_post;
    std::vector<AiRoute> routes;
    routes.push_back({http_method_post(), "/api/v1/ai/autofill", Autofill(ctx)});
    routes.push_back({http_method_get(), "/api/v1/ai/chat", GetChat(ctx)});
    routes.push_back({http_method_post(), "/api/v1/ai/chat", PostChat(ctx)});
    routes.push_back({http_method_get(), "/api/v1/ai/history", GetHistory(ctx)});
    routes.push_back({http_method_delete(), "/api/v1/ai/history", DeleteHistory(ctx)});
    routes.push_back({http_method_delete(), "/api/v1/ai/history/:id", DeleteHistoryEntry(ctx)});
    return routes;
}

}  // namespace skyloom::server
