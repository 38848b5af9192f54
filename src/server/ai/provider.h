// Text generation providers behind /api/v1/ai/autofill and /api/v1/ai/chat. The server picks one
// at start-up from its configuration (--ai-provider): `builtin` (offline Kneser-Ney trigram
// model), `hf` (Hugging Face Inference Endpoint, text-generation task) or `openai` (an
// OpenAI-compatible server: llama.cpp, vLLM, Ollama, ...). Endpoints and keys come from the
// server's environment and never reach the browser.
//
// Generate() blocks (it runs on the AI worker pool) and hands each piece of text to `sink` as it
// arrives; the sink returns false when the client has gone, which stops the generation.
// Expected failures are Errors already mapped to the API: 503 when the model is unreachable,
// busy or too slow (with retry_after), 502 when it answered with an error or garbage.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace skyloom::server::ai {

struct Persona {
    std::string name = "Loom";  // shown in the chat header
    std::string initial;        // avatar letter; empty: the name's first letter
    std::string style =         // system prompt for chat models; style words for the builtin one
        "You are Loom, the friendly resident of Skyloom, a social site for posts and memes. "
        "Reply in one to three short sentences, warmly and with a light sense of humour.";
};

struct ChatTurn {
    std::string role;  // "user" | "assistant"
    std::string content;
};

enum class GenerationKind { kAutofill, kChat };

struct GenerationRequest {
    GenerationKind kind = GenerationKind::kAutofill;
    std::string text;               // autofill: the text to continue; chat: the new message
    std::vector<ChatTurn> history;  // chat: this user's earlier turns, oldest first
    int max_tokens = 40;
    std::optional<uint64_t> seed;  // fixed seed: reproducible output where the model allows
};

struct GenerationResult {
    std::string model;          // the model that answered
    std::string finish_reason;  // "length", "stop", "cancelled"
    int tokens = 0;             // pieces handed to the sink
};

// Receives each new piece of text; returns false to stop (the client has disconnected).
using TokenSink = std::function<bool(std::string_view piece)>;

class Provider {
  public:
    virtual ~Provider() = default;
    [[nodiscard]] virtual std::string Name() const = 0;  // "builtin", "hf", "openai"
    [[nodiscard]] virtual Result<GenerationResult> Generate(const GenerationRequest& request,
                                                            const TokenSink& sink) = 0;
    // Re-reads what the provider learns from (builtin: retrains with the newest posts). Runs on
    // a background thread; requests keep using the current model meanwhile.
    virtual void Refresh() {}
};

// Where a remote provider lives. `url`: hf -> the endpoint URL itself; openai -> the server's
// base URL (".../v1" optional), to which /v1/completions or /v1/chat/completions is appended.
struct UpstreamConfig {
    std::string url;
    std::string key;    // sent as "Authorization: Bearer KEY" when set
    std::string model;  // the request's model name (openai); informational for hf
    long timeout_ms = 30000;
    long connect_timeout_ms = 5000;
    int history_turns = 10;  // chat: how many earlier messages to send along
};

}  // namespace skyloom::server::ai
