// [SECTION] Toggles (email, blur)
// [SECTION] AI history
// [SECTION] Screen
#include "screens/settings_screen.h"

#include "bridge/bridge.h"
#include "imgui.h"
#include "screens/feed_screen.h"  // FeedColumn, StateCard
#include "ui/fonts.h"
#include "ui/relative_time.h"  // core
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {
namespace {

constexpr size_t kSnippetBytes = 160;  // of an inference's input/output shown in the list

// At most `max` bytes of `text`, cut at a UTF-8 code point boundary, "..." when cut.
std::string Snippet(std::string text, size_t max) {
    // Completions usually start with the space that joins them to the input: not shown.
    text.erase(0, text.find_first_not_of(" \t\r\n"));
    if (text.size() <= max) return text;
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) cut--;
    return text.substr(0, cut) + "\xE2\x80\xA6";
}

void SectionTitle(const ui::FontSet& fonts, const char* title) {
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
}

//-----------------------------------------------------------------------------
// [SECTION] Toggles
//-----------------------------------------------------------------------------

void DrawToggles(const SettingsScreen& s, float width, const ui::FontSet& fonts,
                 SocialAction& action) {
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    ui::BeginCard(width, 24.0f);
    const float inner = ui::ContentWidth();
    SectionTitle(fonts, "Notifications");
    bool value = false;
    // Checkbox labels do not wrap: short enough for a 375 px phone, details below.
    if (ui::Checkbox("Email me about new memes", s.settings.email_notifications,
                     s.loaded && !s.email_save.in_progress(), &value)) {
        action.kind = SocialActionKind::SetEmailNotifications;
        action.value = value;
    }
    ImGui::PushFont(fonts.small);
    ui::MutedText(
        "One email when a creator you subscribe to posts a meme. The bell in the top "
        "bar shows them either way.");
    ImGui::PopFont();
    if (s.email_save.failed()) ui::ErrorNote(s.email_save.error.message, inner);
    ImGui::Dummy(ImVec2(0, 10));
    SectionTitle(fonts, "Sensitive images");
    if (ui::Checkbox("Blur sensitive images until I click them", s.settings.blur_sensitive,
                     s.loaded && !s.blur_save.in_progress(), &value)) {
        action.kind = SocialActionKind::SetBlurSensitive;
        action.value = value;
    }
    ImGui::PushFont(fonts.small);
    ui::MutedText("Skyloom's image classifier marks images that may be explicit.");
    ImGui::PopFont();
    if (s.blur_save.failed()) ui::ErrorNote(s.blur_save.error.message, inner);
    if (s.load_request.failed()) {
        ui::ErrorNote(s.load_request.error.message, inner);
        if (ui::SecondaryButton("Retry##settings", ImGui::CalcTextSize("Retry").x + 28.0f))
            action.kind = SocialActionKind::RetrySettings;
    } else if (!s.loaded) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::Spinner(p + ImVec2(inner * 0.5f, 14), 9.0f, ui::color::kAccent);
        ImGui::Dummy(ImVec2(inner, 28));
    }
    ui::EndCard();
    ImGui::Dummy(ImVec2(width, 16));
}

//-----------------------------------------------------------------------------
// [SECTION] AI history
//-----------------------------------------------------------------------------

void DrawEntry(const SettingsScreen& s, const Inference& e, float inner, const ui::FontSet& fonts,
               int64_t now_wall_ms, SocialAction& action) {
    ImGui::PushID(e.id.c_str());
    const ImVec2 row = ImGui::GetCursorScreenPos();
    ImGui::PushFont(fonts.strong);
    std::string kind = e.kind;  // "autofill" -> "Autofill"
    if (!kind.empty() && kind[0] >= 'a' && kind[0] <= 'z') kind[0] = char(kind[0] - 'a' + 'A');
    ImGui::TextUnformatted(kind.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 10);
    ImGui::PushFont(fonts.small);
    std::string meta;
    if (auto at = ui::ParseRfc3339Ms(e.created_at)) meta = ui::FormatRelativeTime(*at, now_wall_ms);
    meta += " \xC2\xB7 " + e.provider + " \xC2\xB7 " + std::to_string(e.latency_ms) + " ms";
    if (e.status != "ok" && !e.status.empty()) meta += " \xC2\xB7 " + e.status;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 2);
    ui::MutedText(meta.c_str());
    // Delete at the right of the first line.
    const float delete_w = ImGui::CalcTextSize("Delete").x;
    const ImVec2 keep = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(row.x + inner - delete_w, row.y + 2));
    const bool busy = s.delete_request.in_progress();
    ImGui::BeginDisabled(busy);
    if (ui::Link("Delete##entry")) {
        action.kind = SocialActionKind::DeleteInference;
        action.id = e.id;
    }
    ImGui::EndDisabled();
    ImGui::SetCursorScreenPos(keep);
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    if (!e.input.empty()) ImGui::TextWrapped("In: %s", Snippet(e.input, kSnippetBytes).c_str());
    if (!e.output.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kTextMuted);
        ImGui::TextWrapped("Out: %s", Snippet(e.output, kSnippetBytes).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    const ImVec2 end = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(row.x, end.y + 4), ImVec2(row.x + inner, end.y + 4),
                                        ui::color::kBorder);
    ImGui::Dummy(ImVec2(inner, 8));
    ImGui::PopID();
}

void DrawHistory(const SettingsScreen& s, float width, const ui::FontSet& fonts,
                 int64_t now_wall_ms, SocialAction& action) {
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    ui::BeginCard(width, 24.0f);
    const float inner = ui::ContentWidth();
    SectionTitle(fonts, "AI history");
    ImGui::PushFont(fonts.small);
    ui::MutedText(
        "Every AI request you make (autofill, chat, image labels) is kept with its "
        "input and output. Only you can see it; delete any of it here.");
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 6));
    if (s.history_request.failed()) {
        ui::ErrorNote(s.history_request.error.message, inner);
        if (ui::SecondaryButton("Retry##history", ImGui::CalcTextSize("Retry").x + 28.0f))
            action.kind = SocialActionKind::RetryHistory;
    }
    if (s.delete_request.failed()) ui::ErrorNote(s.delete_request.error.message, inner);
    if (!s.history_loaded && !s.history_request.failed()) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::Spinner(p + ImVec2(inner * 0.5f, 14), 9.0f, ui::color::kAccent);
        ImGui::Dummy(ImVec2(inner, 28));
    } else if (s.history.empty() && s.history_loaded) {
        ui::MutedText("Nothing yet.");
    }
    for (const Inference& e : s.history) DrawEntry(s, e, inner, fonts, now_wall_ms, action);
    if (!s.history_cursor.empty()) {
        if (ui::SecondaryButton("Load more##history", ImGui::CalcTextSize("Load more").x + 28.0f,
                                !s.history_request.in_progress()))
            action.kind = SocialActionKind::MoreHistory;
    }
    if (!s.history.empty()) {
        ImGui::Dummy(ImVec2(0, 4));
        const bool all_busy = s.delete_request.in_progress() && s.deleting_id.empty();
        ImGui::PushFont(fonts.strong);
        const float bw = ImGui::CalcTextSize("Delete all AI history").x + 36.0f;
        if (ui::DangerButton("Delete all AI history", bw, all_busy))
            action.kind = SocialActionKind::DeleteAllInferences;
        ImGui::PopFont();
    }
    ui::EndCard();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Screen
//-----------------------------------------------------------------------------

SocialAction DrawSettingsScreen(const SettingsScreen& s, const ui::FontSet& fonts,
                                int64_t now_wall_ms) {
    SocialAction action;
    ImGui::Dummy(ImVec2(0, 16));
    const float width = FeedColumn();
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Settings");
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, 8));
    DrawToggles(s, width, fonts, action);
    DrawHistory(s, width, fonts, now_wall_ms, action);
    ImGui::Dummy(ImVec2(width, 32));
    return action;
}

}  // namespace skyloom::app
