#include "screens/post_card.h"

#include "imgui_internal.h"
#include "ui/fonts.h"
#include "ui/relative_time.h"  // core
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {
namespace {
constexpr float kPad = 16.0f;
constexpr float kHeaderGap = 6.0f;

float HeaderHeight(const ui::FontSet& fonts) {
    ImGui::PushFont(fonts.strong);
    const float h = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    return h;
}
}  // namespace

float MeasurePostCard(const Post& post, float width, const ui::FontSet& fonts) {
    ImGui::PushFont(fonts.body);
    const float text_h = ImGui::CalcTextSize(post.text.c_str(), nullptr, false, width - kPad * 2).y;
    ImGui::PopFont();
    return kPad + HeaderHeight(fonts) + kHeaderGap + text_h + kPad;
}

PostCardAction DrawPostCard(const Post& post, float width, float height, bool own,
                            const ui::FontSet& fonts, int64_t now_wall_ms) {
    PostCardAction action = PostCardAction::None;
    ImGui::PushID(post.id.c_str());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max = origin + ImVec2(width, height);
    dl->AddRectFilled(origin + ImVec2(0, 2), max + ImVec2(0, 2), IM_COL32(20, 24, 40, 8),
                      ui::metric::kCardRounding);
    dl->AddRectFilled(origin, max, ui::color::kSurface, ui::metric::kCardRounding);
    dl->AddRect(origin, max, ui::color::kBorder, ui::metric::kCardRounding);

    // Header: @author · time ............ Delete
    ImGui::PushFont(fonts.strong);
    const std::string handle = "@" + post.author.username;
    ImVec2 pos = origin + ImVec2(kPad, kPad);
    dl->AddText(pos, ui::color::kText, handle.c_str());
    const float header_h = ImGui::GetTextLineHeight();
    pos.x += ImGui::CalcTextSize(handle.c_str()).x;
    ImGui::PopFont();

    const std::optional<int64_t> created = ui::ParseRfc3339Ms(post.created_at);
    const std::string when = created ? ui::FormatRelativeTime(*created, now_wall_ms) : "";
    ImGui::PushFont(fonts.body);
    const float body_line = ImGui::GetTextLineHeight();
    const float baseline_fix = (header_h - body_line) * 0.5f;
    dl->AddText(pos + ImVec2(6, baseline_fix), ui::color::kTextMuted, "\xC2\xB7");
    ImGui::SetCursorScreenPos(pos + ImVec2(16, baseline_fix));
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kTextMuted);
    if (!when.empty() && ui::Link((when + "##open").c_str())) action = PostCardAction::Open;
    ImGui::PopStyleColor();
    if (own) {
        const float w = ImGui::CalcTextSize("Delete").x;
        ImGui::SetCursorScreenPos(
            ImVec2(origin.x + width - kPad - w, origin.y + kPad + baseline_fix));
        if (ui::Link("Delete##delete")) action = PostCardAction::Delete;
    }

    // Body text, wrapped at the card's inner width.
    const ImVec2 text_pos = origin + ImVec2(kPad, kPad + header_h + kHeaderGap);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_pos, ui::color::kText,
                post.text.c_str(), nullptr, width - kPad * 2);
    ImGui::PopFont();

    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
    ImGui::PopID();
    return action;
}

}  // namespace skyloom::app
