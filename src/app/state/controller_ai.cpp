// Controller: the composer's autofill (a streamed continuation shown as ghost text).
#include "platform/platform.h"
#include "state/controller.h"

namespace skyloom::app {
namespace {

constexpr int kAutofillTokens = 30;  // about a sentence: enough to help, short enough to read

}  // namespace

void Controller::StartAutofill() {
    Composer& c = m_state.feed.composer;
    AutofillGhost& a = c.autofill;
    if (a.request.in_progress()) return;
    StopAutofill();
    a.base = c.draft;
    a.abort = std::make_shared<AbortSignal>();
    a.token = m_next_autofill++;
    a.request.Start();
    a.focus_draft = true;
    const uint64_t token = a.token;
    ApiClient::AiStreamOptions options;
    options.abort = a.abort;
    options.on_token = [this, token](const std::string& piece) {
        AutofillGhost& ghost = m_state.feed.composer.autofill;
        if (ghost.token != token) return;  // dismissed meanwhile
        // Continuations start with a space when the draft ended mid-sentence; an empty or
        // spaced draft does not need a second one.
        if (ghost.ghost.empty() && !piece.empty() && piece[0] == ' ' &&
            (ghost.base.empty() || ghost.base.back() == ' ' || ghost.base.back() == '\n')) {
            ghost.ghost += piece.substr(1);
        } else {
            ghost.ghost += piece;
        }
        platform::RequestFrames();
    };
    m_state.requests_in_flight++;
    m_client.Autofill(c.draft, kAutofillTokens, std::move(options),
                      [this, token](Result<AutofillResult> result) {
                          m_state.requests_in_flight--;
                          AutofillGhost& ghost = m_state.feed.composer.autofill;
                          if (ghost.token != token) return;
                          ghost.abort.reset();
                          if (!result) {
                              FailRequest(ghost.request, result.error());
                          } else {
                              ghost.request.Succeed();
                          }
                          platform::RequestFrames();
                      });
}

void Controller::StopAutofill() {
    AutofillGhost& a = m_state.feed.composer.autofill;
    if (a.abort) a.abort->Abort();
    a.abort.reset();
    a.token = 0;
    a.ghost.clear();
    a.base.clear();
    if (a.request.in_progress()) a.request.Reset();
}

void Controller::ConsumeGhost(size_t chars) {
    Composer& c = m_state.feed.composer;
    AutofillGhost& a = c.autofill;
    if (chars > a.ghost.size()) return StopAutofill();
    a.ghost.erase(0, chars);
    a.base = c.draft;
    if (a.ghost.empty() && !a.request.in_progress()) StopAutofill();
}

}  // namespace skyloom::app

// [SECTION] The persona chat
namespace skyloom::app {

void Controller::Handle(ChatAction action) {
    switch (action.kind) {
        case ChatActionKind::None:
            break;
        case ChatActionKind::Send:
            SendChat();
            break;
        case ChatActionKind::Stop:
            StopChat();
            break;
        case ChatActionKind::LoadOlder:
            LoadOlderChat();
            break;
        case ChatActionKind::Retry:
            LoadChat();
            break;
    }
}

void Controller::LoadChat() {
    ChatScreen& chat = m_state.chat;
    if (chat.history.in_progress() || !m_state.user) return;
    chat.history.Start();
    m_state.requests_in_flight++;
    // An answer for an account that has signed out meanwhile must never be shown to the next.
    m_client.GetChat("", [this, user = *m_state.user](Result<ChatPage> result) {
        m_state.requests_in_flight--;
        if (m_state.user != user) return;
        ChatScreen& chat = m_state.chat;
        if (!result) return FailRequest(chat.history, result.error());
        chat.history.Succeed();
        chat.persona = result.value().persona;
        chat.messages = std::move(result.value().items);
        chat.older_cursor = result.value().next_cursor;
        chat.scroll_to_end = true;
        platform::RequestFrames();
    });
}

void Controller::LoadOlderChat() {
    ChatScreen& chat = m_state.chat;
    if (chat.older.in_progress() || chat.older_cursor.empty() || !m_state.user) return;
    chat.older.Start();
    m_state.requests_in_flight++;
    m_client.GetChat(chat.older_cursor, [this, user = *m_state.user](Result<ChatPage> result) {
        m_state.requests_in_flight--;
        if (m_state.user != user) return;
        ChatScreen& chat = m_state.chat;
        if (!result) return FailRequest(chat.older, result.error());
        chat.older.Succeed();
        auto& older = result.value().items;
        chat.messages.insert(chat.messages.begin(), older.begin(), older.end());
        chat.older_cursor = result.value().next_cursor;
        platform::RequestFrames();
    });
}

void Controller::SendChat() {
    ChatScreen& chat = m_state.chat;
    const size_t first = chat.draft.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || chat.send.in_progress() || !m_state.user) return;
    const size_t last = chat.draft.find_last_not_of(" \t\r\n");
    chat.sending = chat.draft.substr(first, last - first + 1);
    chat.draft.clear();
    chat.reply.clear();
    chat.abort = std::make_shared<AbortSignal>();
    chat.token = m_next_chat++;
    chat.send.Start();
    chat.scroll_to_end = true;
    chat.focus_draft = true;
    const uint64_t token = chat.token;
    ApiClient::AiStreamOptions options;
    options.abort = chat.abort;
    options.on_token = [this, token](const std::string& piece) {
        ChatScreen& c = m_state.chat;
        if (c.token != token) return;
        c.reply += piece;
        c.scroll_to_end = true;
        platform::RequestFrames();
    };
    m_state.requests_in_flight++;
    m_client.SendChat(chat.sending, std::move(options), [this, token](Result<ChatReply> result) {
        m_state.requests_in_flight--;
        ChatScreen& c = m_state.chat;
        if (c.token != token) return;
        c.abort.reset();
        if (!result) {
            // Nothing lost: the message goes back into the field.
            if (c.draft.empty()) c.draft = c.sending;
            c.sending.clear();
            c.reply.clear();
            FailRequest(c.send, result.error());
            return;
        }
        c.send.Succeed();
        for (ChatMessage& m : result.value().messages) c.messages.push_back(std::move(m));
        c.sending.clear();
        c.reply.clear();
        c.scroll_to_end = true;
        platform::RequestFrames();
    });
}

void Controller::StopChat() {
    ChatScreen& chat = m_state.chat;
    if (!chat.send.in_progress()) return;
    if (chat.abort) chat.abort->Abort();
    chat.abort.reset();
    chat.token = 0;
    // The server keeps an exchange only once the reply is complete, so a stopped one is gone
    // there too; the message returns to the field to send again or edit.
    if (chat.draft.empty()) chat.draft = chat.sending;
    chat.sending.clear();
    chat.reply.clear();
    chat.send.Reset();
    chat.focus_draft = true;
    platform::RequestFrames();
}

}  // namespace skyloom::app
