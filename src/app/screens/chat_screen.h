// #/chat: a conversation with the site's AI persona. Bubbles (mine on the right), the reply
// streaming into its bubble as the model writes, the history loaded from the server on entry
// (each user's own: the server keys it by the signed-in account), older messages on demand.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "api/http.h"           // core: AbortSignal
#include "model/ai.h"           // core: ChatMessage, ChatPersona
#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

struct ChatScreen {
    ChatPersona persona;
    std::vector<ChatMessage> messages;  // oldest first
    std::string older_cursor;           // non-empty: older messages can be loaded
    ui::RequestStatus history;          // GET /ai/chat
    ui::RequestStatus older;            // GET /ai/chat?cursor=
    ui::RequestStatus send;             // POST /ai/chat (streamed)
    std::string draft;                  // the message being written; kept when sending fails
    std::string sending;                // the message in flight, shown at once as my bubble
    std::string reply;                  // the persona's reply as it streams
    std::shared_ptr<AbortSignal> abort;
    uint64_t token = 0;          // tells the current stream from a stopped one
    bool scroll_to_end = false;  // a new message or piece arrived: follow it
    bool focus_draft = false;
    float draft_text_px = 0;  // the draft's laid-out height: the box grows with it
};

enum class ChatActionKind { None, Send, Stop, LoadOlder, Retry };

struct ChatAction {
    ChatActionKind kind = ChatActionKind::None;
};

// The screen owns `draft` (edits it in place) and its scroll flags; the rest is an action.
[[nodiscard]] ChatAction DrawChatScreen(ChatScreen& chat, const ui::FontSet& fonts);

}  // namespace skyloom::app
