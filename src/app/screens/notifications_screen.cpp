#include "screens/notifications_screen.h"

#include "bridge/bridge.h"
#include "imgui.h"
#include "screens/feed_screen.h"  // FeedColumn, StateCard
#include "ui/fonts.h"
#include "ui/relative_time.h"  // core
#include "ui/rich_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {
namespace {

constexpr float kRowPad = 14.0f;
constexpr float kRowGap = 8.0f;

// One notification as a clickable row: unread dot, text, time; "Mark read" while unread.
void DrawRow(const NotificationsScreen& s, const Notification& n, float width,
             const ui::FontSet& fonts, int64_t now_wall_ms, SocialAction& action) {
    ImGui::PushID(n.id.c_str());
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::PushFont(fonts.strong);
    const float line = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    ImGui::PushFont(fonts.small);
    const float small_line = ImGui::GetTextLineHeight();
    const float mark_w = n.read ? 0.0f : ImGui::CalcTextSize("Mark read").x + kRowPad * 2;
    ImGui::PopFont();
    const float height = kRowPad * 2 + line + 2 + small_line;
    const ImVec2 max = min + ImVec2(width, height);

    // The row (minus the Mark read link, so the two never overlap) opens the post.
    if (ImGui::InvisibleButton("##open", ImVec2(width - mark_w, height))) {
        action.kind = SocialActionKind::OpenNotification;
        action.id = n.id;
        action.post_id = n.post_id;
    }
    const bool hovered = ImGui::IsItemHovered();
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Link, n.text);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 bg = n.read ? ui::color::kSurface : ui::color::kAccentSoft;
    dl->AddRectFilled(min, max, bg, ui::metric::kCardRounding);
    dl->AddRect(min, max, hovered ? ui::color::kAccent : ui::color::kBorder,
                ui::metric::kCardRounding);
    float x = min.x + kRowPad;
    if (!n.read) {
        dl->AddCircleFilled(ImVec2(x + 4, min.y + kRowPad + line * 0.5f), 4.0f, ui::color::kAccent);
    }
    x += 16;
    ImGui::PushFont(n.read ? fonts.body : fonts.strong);
    dl->PushClipRect(min, ImVec2(max.x - mark_w, max.y), true);
    ui::DrawTextBlock(dl, ImVec2(x, min.y + kRowPad), n.text, ImGui::GetFont(), ui::color::kText,
                      0.0f);
    dl->PopClipRect();
    ImGui::PopFont();
    const std::optional<int64_t> at = ui::ParseRfc3339Ms(n.created_at);
    ImGui::PushFont(fonts.small);
    if (at) {
        const std::string when = ui::FormatRelativeTime(*at, now_wall_ms);
        dl->AddText(ImVec2(x, min.y + kRowPad + line + 2), ui::color::kTextMuted, when.c_str());
    }
    if (!n.read) {
        ImGui::SetCursorScreenPos(
            ImVec2(max.x - mark_w + kRowPad, min.y + (height - small_line) * 0.5f));
        const bool busy = s.mark_request.in_progress();
        ImGui::BeginDisabled(busy);
        if (ui::Link("Mark read##mark")) {
            action.kind = SocialActionKind::MarkRead;
            action.id = n.id;
        }
        ImGui::EndDisabled();
    }
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y));
    ImGui::Dummy(ImVec2(width, kRowGap));
    ImGui::PopID();
}

}  // namespace

SocialAction DrawNotificationsScreen(const NotificationsScreen& s, const ui::FontSet& fonts,
                                     int64_t now_wall_ms) {
    SocialAction action;
    ImGui::Dummy(ImVec2(0, 16));
    const float width = FeedColumn();
    const float left = ImGui::GetCursorPosX();
    const float title_y = ImGui::GetCursorPosY();
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Notifications");
    const float title_h = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    // "Mark all as read" at the title's right, enabled while something is unread.
    const float bw = ImGui::CalcTextSize("Mark all as read").x + 28.0f;
    const ImVec2 after_title = ImGui::GetCursorPos();
    const float bh = ImGui::GetFontSize() + 14.0f;
    ImGui::SetCursorPos(ImVec2(left + width - bw, title_y + (title_h - bh) * 0.5f));
    if (ui::SecondaryButton("Mark all as read", bw, s.unread > 0 && !s.mark_request.in_progress()))
        action.kind = SocialActionKind::MarkAllRead;
    ImGui::SetCursorPos(after_title);
    ImGui::SetCursorPosX(left);
    ImGui::PushFont(fonts.small);
    const std::string summary =
        s.unread == 0 ? "You're all caught up." : std::to_string(s.unread) + " unread";
    ui::MutedText(summary.c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, 10));
    if (s.mark_request.failed()) {
        ImGui::SetCursorPosX(left);
        ui::ErrorNote(s.mark_request.error.message, width);
    }

    if (s.items.empty()) {
        if (s.list_request.failed()) {
            if (StateCard(width, fonts, "Couldn't load notifications", s.list_request.error.message,
                          "Retry", false))
                action.kind = SocialActionKind::RetryNotifications;
        } else if (!s.loaded_once) {
            (void)StateCard(width, fonts, "Loading notifications\xE2\x80\xA6", "", nullptr, true);
        } else {
            (void)StateCard(width, fonts, "No notifications yet",
                            "Subscribe to creators from their portfolio: when they post a "
                            "meme, you hear about it here.",
                            nullptr, false);
        }
        return action;
    }
    for (const Notification& n : s.items) DrawRow(s, n, width, fonts, now_wall_ms, action);
    if (!s.next_cursor.empty()) {
        const float more_w = ImGui::CalcTextSize("Load more").x + 28.0f;
        ImGui::SetCursorPosX(left + (width - more_w) * 0.5f);
        if (ui::SecondaryButton("Load more", more_w, !s.more_request.in_progress()))
            action.kind = SocialActionKind::MoreNotifications;
    }
    if (s.more_request.failed()) {
        ImGui::SetCursorPosX(left);
        ui::ErrorNote(s.more_request.error.message, width);
    }
    ImGui::Dummy(ImVec2(width, 32));
    return action;
}

}  // namespace skyloom::app
