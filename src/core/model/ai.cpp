#include "model/ai.h"

#include "model/json_read.h"

namespace skyloom {

using json_read::Malformed;
using json_read::ReadInt;
using json_read::ReadString;

Result<AutofillResult> ParseAutofillResult(const Json& j) {
    AutofillResult r;
    if (!j.is_object() || !ReadString(j, "completion", r.completion)) {
        return Malformed("autofill answer");
    }
    ReadString(j, "inference_id", r.inference_id);
    ReadString(j, "provider", r.provider);
    ReadString(j, "model", r.model);
    ReadInt(j, "first_token_ms", r.first_token_ms);
    ReadInt(j, "latency_ms", r.latency_ms);
    return r;
}

Result<ChatMessage> ParseChatMessage(const Json& j) {
    ChatMessage m;
    if (!j.is_object() || !ReadString(j, "id", m.id) || !ReadString(j, "role", m.role) ||
        !ReadString(j, "content", m.content)) {
        return Malformed("chat message");
    }
    ReadString(j, "created_at", m.created_at);
    return m;
}

namespace {

Result<std::vector<ChatMessage>> ParseMessages(const Json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return Malformed("chat history");
    std::vector<ChatMessage> out;
    for (const Json& item : *it) {
        auto m = ParseChatMessage(item);
        if (!m) return m.error();
        out.push_back(std::move(m.value()));
    }
    return out;
}

}  // namespace

Result<ChatPage> ParseChatPage(const Json& j) {
    if (!j.is_object()) return Malformed("chat history");
    ChatPage page;
    auto items = ParseMessages(j, "items");
    if (!items) return items.error();
    page.items = std::move(items.value());
    ReadString(j, "next_cursor", page.next_cursor);  // null: no more
    auto persona = j.find("persona");
    if (persona != j.end() && persona->is_object()) {
        ReadString(*persona, "name", page.persona.name);
        ReadString(*persona, "initial", page.persona.initial);
        ReadString(*persona, "style", page.persona.style);
    }
    return page;
}

Result<ChatReply> ParseChatReply(const Json& j) {
    ChatReply r;
    if (!j.is_object() || !ReadString(j, "reply", r.reply)) return Malformed("chat reply");
    auto messages = ParseMessages(j, "messages");
    if (!messages) return messages.error();
    r.messages = std::move(messages.value());
    return r;
}

}  // namespace skyloom
