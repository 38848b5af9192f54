// [SECTION] Header (persona)
// [SECTION] Bubbles
// [SECTION] Screen
#include "screens/chat_screen.h"

#include <cmath>

#include "bridge/bridge.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "screens/feed_screen.h"  // FeedColumn
#include "ui/fonts.h"
#include "ui/rich_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {
namespace {

constexpr float kBubblePad = 12.0f;
constexpr float kBubbleGap = 8.0f;
constexpr float kBubbleShare = 0.78f;  // a bubble spans at most this much of the column
constexpr float kAvatar = 40.0f;
constexpr const char* kDraftHint = "Write a message";
constexpr float kMaxDraftLines = 5.0f;  // the message box grows up to this, then scrolls

//-----------------------------------------------------------------------------
// [SECTION] Header
//-----------------------------------------------------------------------------

void DrawAvatar(ImVec2 min, float size, const std::string& initial, const ui::FontSet& fonts) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 center = min + ImVec2(size, size) * 0.5f;
    dl->AddCircleFilled(center, size * 0.5f, ui::color::kAccent);
    const std::string letter = initial.empty() ? "?" : initial;
    ImGui::PushFont(fonts.strong);
    const ImVec2 text = ImGui::CalcTextSize(letter.c_str());
    dl->AddText(center - text * 0.5f, ui::color::kOnAccent, letter.c_str());
    ImGui::PopFont();
}

void DrawHeader(const ChatScreen& chat, float width, const ui::FontSet& fonts) {
    ui::BeginCard(width, 16.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    DrawAvatar(origin, kAvatar, chat.persona.initial, fonts);
    ImGui::SetCursorScreenPos(origin + ImVec2(kAvatar + 12.0f, 0));
    ImGui::BeginGroup();
    ImGui::PushFont(fonts.strong);
    const std::string name = chat.persona.name.empty() ? "Skyloom AI" : chat.persona.name;
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kTextMuted);
    ImGui::PushTextWrapPos(origin.x + width - 32.0f);
    ImGui::TextUnformatted("An AI persona. Your conversation is private to you.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(
        ImVec2(origin.x, std::fmax(ImGui::GetCursorScreenPos().y, origin.y + kAvatar)));
    ui::EndCard();
}

//-----------------------------------------------------------------------------
// [SECTION] Bubbles
//-----------------------------------------------------------------------------

// One message: mine right-aligned on the accent colour, the persona's left on white.
void DrawBubble(const std::string& text, bool mine, float column) {
    const float max_text = column * kBubbleShare - kBubblePad * 2;
    ImFont* font = ImGui::GetFont();
    const ImVec2 size = ui::TextBlockSize(text, font, max_text);
    // Drawn wrapped at its own width, so right-to-left text aligns to the bubble's right edge
    // (the same lines: each fits, and what did not fit in max_text does not fit in less).
    const float inner = std::fmin(size.x, max_text);
    const ImVec2 bubble(inner + kBubblePad * 2, size.y + kBubblePad * 1.5f);
    const float left = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(mine ? left + column - bubble.x : left);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, min + bubble, mine ? ui::color::kAccent : ui::color::kSurface, 14.0f);
    if (!mine) dl->AddRect(min, min + bubble, ui::color::kBorder, 14.0f);
    ui::DrawTextBlock(dl, min + ImVec2(kBubblePad, kBubblePad * 0.75f), text, font,
                      mine ? ui::color::kOnAccent : ui::color::kText, inner);
    ImGui::Dummy(bubble);
    ImGui::SetCursorPosX(left);
    ImGui::Dummy(ImVec2(0, kBubbleGap - ImGui::GetStyle().ItemSpacing.y));
}

void DrawMessages(ChatScreen& chat, float width, const ui::FontSet& fonts, ChatAction& action) {
    if (!chat.older_cursor.empty()) {
        ImGui::PushFont(fonts.small);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - 120.0f) * 0.5f);
        if (ui::SecondaryButton(
                chat.older.in_progress() ? "Loading\xE2\x80\xA6" : "Earlier messages", 120.0f,
                !chat.older.in_progress()))
            action.kind = ChatActionKind::LoadOlder;
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0, 6));
    }
    const std::string persona = chat.persona.name.empty() ? "AI" : chat.persona.name;
    for (const ChatMessage& m : chat.messages) DrawBubble(m.content, m.role == "user", width);
    if (chat.send.in_progress() || !chat.sending.empty()) {
        DrawBubble(chat.sending, true, width);
        // Three dots until the first piece arrives, then the reply as it grows.
        DrawBubble(chat.reply.empty() ? "\xE2\x80\xA6" : chat.reply, false, width);
    }
    if (chat.messages.empty() && !chat.send.in_progress() &&
        chat.history.state == ui::RequestState::kSucceeded) {
        ImGui::Dummy(ImVec2(0, 24));
        ui::CenteredText(("Say hello to " + persona + ".").c_str(), width, ui::color::kTextMuted);
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Screen
//-----------------------------------------------------------------------------

ChatAction DrawChatScreen(ChatScreen& chat, const ui::FontSet& fonts) {
    ChatAction action;
    const float width = FeedColumn();
    const float x = ImGui::GetCursorPosX();
    DrawHeader(chat, width, fonts);
    ImGui::Dummy(ImVec2(0, 6));

    // The conversation scrolls on its own between the header and the message field.
    // The message box grows with its text up to a few lines, then scrolls inside.
    const float line = ui::FieldLineHeight();
    const float pad_y =
        (ui::PrimaryButtonHeight() - line) * 0.5f;  // one line fills the button's height
    const float box_h = std::fmin(std::fmax(ui::PrimaryButtonHeight(), chat.draft_text_px),
                                  line * kMaxDraftLines + pad_y * 2);
    const float field_h = box_h + 44.0f;  // with a margin below
    const float list_h = std::fmax(120.0f, ImGui::GetContentRegionAvail().y - field_h);
    ImGui::SetCursorPosX(x);
    ImGui::BeginChild("##chat-list", ImVec2(width, list_h), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoBackground);
    if (chat.history.in_progress() && chat.messages.empty()) {
        ui::Spinner(ImGui::GetCursorScreenPos() + ImVec2(width * 0.5f, 40.0f), 12.0f,
                    ui::color::kAccent);
    } else if (chat.history.failed() && chat.messages.empty()) {
        ui::ErrorNote(chat.history.error.message, width - 8);
        if (ui::SecondaryButton("Try again", 110.0f)) action.kind = ChatActionKind::Retry;
    } else {
        DrawMessages(chat, width - 8.0f, fonts, action);
    }
    if (chat.send.failed()) ui::ErrorNote(chat.send.error.message, width - 8.0f);
    if (chat.scroll_to_end) {
        ImGui::SetScrollHereY(1.0f);
        chat.scroll_to_end = false;
    }
    ImGui::EndChild();

    // [message field] [Send | Stop]
    ImGui::Dummy(ImVec2(0, 8));
    ImGui::SetCursorPosX(x);
    const float button_w = 96.0f;
    const bool streaming = chat.send.in_progress();
    // Enter sends, Shift+Enter starts a new line; long messages wrap.
    ui::TextBoxOptions options;
    options.label = kDraftHint;
    options.hint = kDraftHint;
    options.enter_mode = ui::EnterMode::kSubmit;
    options.enter_key_hint = "send";
    options.focus = chat.focus_draft;
    chat.focus_draft = false;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12.0f, pad_y));
    const ui::FieldFrame field =
        ui::TextBox("##chat-draft", &chat.draft, ImVec2(width - button_w - 10.0f, box_h), options);
    ImGui::PopStyleVar();
    if (field.content_px > 0) chat.draft_text_px = field.content_px;
    if (chat.draft.empty()) chat.draft_text_px = 0;
    const bool entered = field.entered;
    ImGui::SameLine(0, 10.0f);
    ImGui::PushFont(fonts.strong);
    if (streaming) {
        if (ui::SecondaryButton("Stop", button_w, true, ui::PrimaryButtonHeight()))
            action.kind = ChatActionKind::Stop;
    } else if (ui::PrimaryButton("Send", button_w, false, !chat.draft.empty()) ||
               (entered && !chat.draft.empty())) {
        action.kind = ChatActionKind::Send;
    }
    ImGui::PopFont();
    return action;
}

}  // namespace skyloom::app
