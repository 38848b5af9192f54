#include "ai/remote_providers.h"

#include <algorithm>
#include <cstdio>

#include "ai/upstream_http.h"
#include "api/sse.h"
#include "model/models.h"

namespace skyloom::server::ai {
namespace {

constexpr size_t kMaxAnswerBytes = 1 << 20;  // a non-streamed answer larger than this is garbage
constexpr size_t kMaxSseLineBytes = 256 * 1024;
constexpr double kTemperature = 0.8;
constexpr const char* kHfChatStop = "\nUser:";

const std::string& DisplayName(const Persona& persona) {
    return persona.name;
}

std::vector<ChatTurn> RecentTurns(const std::vector<ChatTurn>& history, int turns) {
    size_t keep = std::min(history.size(), size_t(std::max(turns, 0)));
    return std::vector<ChatTurn>(history.end() - static_cast<std::ptrdiff_t>(keep), history.end());
}

// Splits finished text into word-sized pieces (each with its leading whitespace) so a
// non-streaming model still streams to the browser.
std::vector<std::string> Pieces(const std::string& text) {
    std::vector<std::string> pieces;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = i;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\n' || text[j] == '\t')) ++j;
        while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
        pieces.push_back(text.substr(i, j - i));
        i = j;
    }
    return pieces;
}

// [SECTION] hf

class HfProvider final : public Provider {
  public:
    HfProvider(UpstreamConfig config, Persona persona)
        : m_config(std::move(config)), m_persona(std::move(persona)) {}
    std::string Name() const override { return "hf"; }

    Result<GenerationResult> Generate(const GenerationRequest& request,
                                      const TokenSink& sink) override {
        bool chat = request.kind == GenerationKind::kChat;
        Json parameters = {{"max_new_tokens", request.max_tokens},
                           {"return_full_text", false},
                           {"do_sample", true},
                           {"temperature", kTemperature}};
        if (request.seed) parameters["seed"] = *request.seed;
        if (chat) parameters["stop"] = Json::array({kHfChatStop});
        Json body = {
            {"inputs",
             chat ? HfChatPrompt(m_persona, RecentTurns(request.history, m_config.history_turns),
                                 request.text)
                  : request.text},
            {"parameters", std::move(parameters)}};
        UpstreamCall call;
        call.url = m_config.url;
        call.body = body.dump();
        call.headers = JsonHeaders(m_config, false);
        call.timeout_ms = m_config.timeout_ms;
        call.connect_timeout_ms = m_config.connect_timeout_ms;
        std::string answer;
        bool too_big = false;
        UpstreamOutcome outcome = PostUpstream(call, [&](std::string_view bytes) {
            answer.append(bytes);
            too_big = answer.size() > kMaxAnswerBytes;
            return !too_big;
        });
        if (too_big) return UpstreamGarbage("hf", "answer larger than 1 MB");
        if (!outcome.ok) return outcome.error;

        Json json = Json::parse(answer, nullptr, false);
        const Json* first = &json;
        if (json.is_array() && !json.empty()) first = &json[0];
        if (!first->is_object() || !first->contains("generated_text") ||
            !(*first)["generated_text"].is_string()) {
            return UpstreamGarbage("hf", answer);
        }
        std::string text = (*first)["generated_text"].get<std::string>();
        if (chat) {
            if (size_t stop = text.find(kHfChatStop); stop != std::string::npos) text.resize(stop);
            size_t start = text.find_first_not_of(" \n\t");
            text = start == std::string::npos ? std::string() : text.substr(start);
            while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
        }
        GenerationResult result;
        result.model = m_config.model.empty() ? "hf-endpoint" : m_config.model;
        result.finish_reason = "stop";
        for (const std::string& piece : Pieces(text)) {
            ++result.tokens;
            if (!sink(piece)) {
                result.finish_reason = "cancelled";
                break;
            }
        }
        return result;
    }

  private:
    UpstreamConfig m_config;
    Persona m_persona;
};

// [SECTION] openai

class OpenAiProvider final : public Provider {
  public:
    OpenAiProvider(UpstreamConfig config, Persona persona)
        : m_config(std::move(config)), m_persona(std::move(persona)) {
        std::string& base = m_config.url;
        while (!base.empty() && base.back() == '/') base.pop_back();
        if (base.size() >= 3 && base.compare(base.size() - 3, 3, "/v1") == 0)
            base.resize(base.size() - 3);
    }
    std::string Name() const override { return "openai"; }

    Result<GenerationResult> Generate(const GenerationRequest& request,
                                      const TokenSink& sink) override {
        bool chat = request.kind == GenerationKind::kChat;
        Json body = {{"model", m_config.model},
                     {"max_tokens", request.max_tokens},
                     {"temperature", kTemperature},
                     {"stream", true}};
        if (request.seed) body["seed"] = *request.seed;
        if (chat) {
            Json messages = Json::array();
            messages.push_back({{"role", "system"}, {"content", m_persona.style}});
            for (const ChatTurn& turn : RecentTurns(request.history, m_config.history_turns)) {
                messages.push_back({{"role", turn.role}, {"content", turn.content}});
            }
            messages.push_back({{"role", "user"}, {"content", request.text}});
            body["messages"] = std::move(messages);
        } else {
            body["prompt"] = request.text;
        }
        UpstreamCall call;
        call.url = m_config.url + (chat ? "/v1/chat/completions" : "/v1/completions");
        call.body = body.dump();
        call.headers = JsonHeaders(m_config, true);
        call.timeout_ms = m_config.timeout_ms;
        call.connect_timeout_ms = m_config.connect_timeout_ms;

        GenerationResult result;
        result.model = m_config.model;
        std::optional<Error> failure;
        bool done = false, cancelled = false, streaming = false, decided = false;
        std::string plain;  // a non-streamed answer
        SseParser parser;

        // One JSON object of the answer (a stream chunk or the whole answer): its text piece.
        auto take = [&](const Json& json) -> bool {
            if (!json.is_object()) {
                failure = UpstreamGarbage("openai", json.dump());
                return false;
            }
            if (json.contains("error")) {
                std::fprintf(stderr, "ai: openai server reported: %s\n",
                             json["error"].dump().substr(0, 300).c_str());
                failure =
                    Error{"ai_upstream_error", "The AI model's server reported an error", 502};
                return false;
            }
            if (json.contains("model") && json["model"].is_string()) {
                result.model = json["model"].get<std::string>();
            }
            auto choices = json.find("choices");
            if (choices == json.end() || !choices->is_array()) {
                failure = UpstreamGarbage("openai", json.dump());
                return false;
            }
            if (choices->empty()) return true;  // e.g. a usage-only chunk
            const Json& choice = (*choices)[0];
            if (!choice.is_object()) {
                failure = UpstreamGarbage("openai", json.dump());
                return false;
            }
            if (choice.contains("finish_reason") && choice["finish_reason"].is_string()) {
                result.finish_reason = choice["finish_reason"].get<std::string>();
            }
            const Json* text = nullptr;
            if (chat) {
                for (const char* holder : {"delta", "message"}) {
                    auto it = choice.find(holder);
                    if (it != choice.end() && it->is_object() && it->contains("content")) {
                        text = &(*it)["content"];
                    }
                }
            } else if (choice.contains("text")) {
                text = &choice["text"];
            }
            if (text == nullptr || text->is_null()) return true;  // role-only or final chunks
            if (!text->is_string()) {
                failure = UpstreamGarbage("openai", json.dump());
                return false;
            }
            const std::string& piece = text->get_ref<const std::string&>();
            if (piece.empty()) return true;
            ++result.tokens;
            if (!sink(piece)) {
                cancelled = true;
                return false;
            }
            return true;
        };

        UpstreamOutcome outcome = PostUpstream(call, [&](std::string_view bytes) {
            if (!decided) {
                // An event stream starts with a field or comment; a plain answer with JSON.
                size_t first = bytes.find_first_not_of(" \r\n\t");
                if (first == std::string_view::npos) return true;
                decided = true;
                streaming = bytes[first] != '{' && bytes[first] != '[';
            }
            if (!streaming) {
                plain.append(bytes);
                if (plain.size() > kMaxAnswerBytes) {
                    failure = UpstreamGarbage("openai", "answer larger than 1 MB");
                    return false;
                }
                return true;
            }
            bool keep_going = true;
            parser.Feed(bytes, [&](const SseEvent& event) {
                if (!keep_going || done) return;
                if (event.data == "[DONE]") {
                    done = true;
                    return;
                }
                Json json = Json::parse(event.data, nullptr, false);
                if (json.is_discarded()) {
                    failure = UpstreamGarbage("openai", event.data);
                    keep_going = false;
                    return;
                }
                keep_going = take(json);
            });
            if (parser.pending_bytes() > kMaxSseLineBytes) {
                failure = UpstreamGarbage("openai", "an event line longer than 256 KB");
                keep_going = false;
            }
            return keep_going;
        });
        if (failure) return *failure;
        if (cancelled) {
            result.finish_reason = "cancelled";
            return result;
        }
        if (!outcome.ok) return outcome.error;
        if (!streaming) {
            Json json = Json::parse(plain, nullptr, false);
            if (json.is_discarded()) return UpstreamGarbage("openai", plain);
            if (!take(json)) {
                if (failure) return *failure;
                result.finish_reason = "cancelled";
                return result;
            }
            done = true;
        }
        if (!done && result.tokens == 0) {
            return UpstreamGarbage("openai", "the stream ended without data");
        }
        if (result.finish_reason.empty()) result.finish_reason = done ? "stop" : "length";
        return result;
    }

  private:
    UpstreamConfig m_config;
    Persona m_persona;
};

}  // namespace

std::string HfChatPrompt(const Persona& persona, const std::vector<ChatTurn>& history,
                         const std::string& message) {
    std::string prompt = persona.style + "\n\n";
    for (const ChatTurn& turn : history) {
        prompt += (turn.role == "assistant" ? DisplayName(persona) : std::string("User")) + ": " +
                  turn.content + "\n";
    }
    prompt += "User: " + message + "\n" + DisplayName(persona) + ":";
    return prompt;
}

std::unique_ptr<Provider> MakeHfProvider(UpstreamConfig config, Persona persona) {
    return std::make_unique<HfProvider>(std::move(config), std::move(persona));
}

std::unique_ptr<Provider> MakeOpenAiProvider(UpstreamConfig config, Persona persona) {
    return std::make_unique<OpenAiProvider>(std::move(config), std::move(persona));
}

}  // namespace skyloom::server::ai
