// The providers that call a model server over HTTP (ai/upstream_http.h):
//   hf:     Hugging Face Inference Endpoint, text-generation task.
//           POST URL {inputs, parameters: {max_new_tokens, return_full_text: false, ...}}
//           -> [{generated_text}]. Chat prompts are the history as "User:" / "<Name>:" lines.
//   openai: OpenAI-compatible server (llama.cpp, vLLM, Ollama). Autofill: POST /v1/completions
//           {model, prompt, max_tokens, stream: true}; chat: POST /v1/chat/completions
//           {model, messages: [system = persona style, history..., user], max_tokens,
//           stream: true}; the answer is read as server-sent events up to `data: [DONE]`
//           (a plain JSON answer is accepted too).
#pragma once

#include <memory>

#include "ai/provider.h"

namespace skyloom::server::ai {

[[nodiscard]] std::unique_ptr<Provider> MakeHfProvider(UpstreamConfig config, Persona persona);
[[nodiscard]] std::unique_ptr<Provider> MakeOpenAiProvider(UpstreamConfig config, Persona persona);

// The prompt the hf provider sends for a chat turn (exposed for tests).
[[nodiscard]] std::string HfChatPrompt(const Persona& persona, const std::vector<ChatTurn>& history,
                                       const std::string& message);

}  // namespace skyloom::server::ai
