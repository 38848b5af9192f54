// API v1 models of the AI text features (issue 6): autofill results, the persona chat and its
// history, with their JSON mapping. Parsing never throws: every Parse* returns Result.
#pragma once

#include <string>
#include <vector>

#include "model/models.h"

namespace skyloom {

// The final event of POST /ai/autofill (the pieces arrived before it).
struct AutofillResult {
    std::string completion;
    std::string inference_id;
    std::string provider;
    std::string model;
    int64_t first_token_ms = 0;
    int64_t latency_ms = 0;
};

struct ChatMessage {
    std::string id;
    std::string role;  // "user" | "assistant"
    std::string content;
    std::string created_at;
};

struct ChatPersona {
    std::string name;
    std::string initial;  // the avatar's letter
    std::string style;
};

// GET /ai/chat: a page of the caller's history (oldest first within the page; next_cursor
// loads older messages), and who they are talking to.
struct ChatPage {
    ChatPersona persona;
    std::vector<ChatMessage> items;
    std::string next_cursor;  // empty: no older messages
};

// The final event of POST /ai/chat: the reply and the two messages as stored.
struct ChatReply {
    std::string reply;
    std::vector<ChatMessage> messages;
};

[[nodiscard]] Result<AutofillResult> ParseAutofillResult(const Json& j);
[[nodiscard]] Result<ChatMessage> ParseChatMessage(const Json& j);
[[nodiscard]] Result<ChatPage> ParseChatPage(const Json& j);
[[nodiscard]] Result<ChatReply> ParseChatReply(const Json& j);

}  // namespace skyloom
