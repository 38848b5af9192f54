#include "screens/top_bar.h"

#include <algorithm>
#include <string>

#include "bridge/bridge.h"
#include "imgui.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {

namespace {

constexpr float kBellSize = 34.0f;
constexpr float kPi = 3.14159265f;

// The notification bell (drawn: the font has no bell glyph) with a red unread badge. The
// bridge sees a button labelled "Notifications"; the count is in state().notifications.
bool DrawBell(ImVec2 pos, int64_t unread, const ui::FontSet& fonts) {
    ImGui::SetCursorScreenPos(pos);
    const bool pressed = ImGui::InvisibleButton("##bell", ImVec2(kBellSize, kBellSize));
    const bool hovered = ImGui::IsItemHovered();
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Button, "Notifications");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        dl->AddRectFilled(pos, pos + ImVec2(kBellSize, kBellSize), ui::color::kAccentSoft, 8.0f);
    }
    const ImU32 col = hovered ? ui::color::kAccent : ui::color::kTextMuted;
    const ImVec2 c = pos + ImVec2(kBellSize * 0.5f, kBellSize * 0.5f);
    // Dome, flared skirt, rim and clapper.
    dl->PathArcTo(c + ImVec2(0, -2), 6.0f, kPi, 2.0f * kPi);
    dl->PathLineTo(c + ImVec2(6.0f, 5.0f));
    dl->PathLineTo(c + ImVec2(8.5f, 7.5f));
    dl->PathLineTo(c + ImVec2(-8.5f, 7.5f));
    dl->PathLineTo(c + ImVec2(-6.0f, 5.0f));
    dl->PathFillConvex(col);
    dl->AddCircleFilled(c + ImVec2(0, 10.0f), 2.2f, col);
    dl->AddCircleFilled(c + ImVec2(0, -9.0f), 1.4f, col);
    if (unread > 0) {
        const std::string count = unread > 99 ? "99+" : std::to_string(unread);
        ImGui::PushFont(fonts.small);
        const ImVec2 text = ImGui::CalcTextSize(count.c_str());
        const float h = text.y + 2.0f;
        const float w = std::max(h, text.x + 8.0f);
        const ImVec2 badge_min = pos + ImVec2(kBellSize - w + 2.0f, 0.0f);
        dl->AddRectFilled(badge_min, badge_min + ImVec2(w, h), ui::color::kError, h * 0.5f);
        dl->AddText(badge_min + ImVec2((w - text.x) * 0.5f, 1.0f), ui::color::kOnAccent,
                    count.c_str());
        ImGui::PopFont();
    }
    return pressed;
}

}  // namespace

TopBarAction DrawTopBar(const ui::FontSet& fonts, const std::optional<std::string>& user, bool busy,
                        int64_t unread, bool show_join) {
    TopBarAction action = TopBarAction::None;
    const float height = ui::metric::kTopBarHeight;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float margin = width < ui::metric::kCompactWidth ? 14.0f : 24.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, origin + ImVec2(width, height), ui::color::kSurface);
    dl->AddLine(origin + ImVec2(0, height - 1), origin + ImVec2(width, height - 1),
                ui::color::kBorder);

    // The mark: a rounded accent square with an "S", then the name.
    ImGui::PushFont(fonts.logo);
    const float mark = 28.0f;
    const ImVec2 mark_min = origin + ImVec2(margin, (height - mark) * 0.5f);
    ImGui::SetCursorScreenPos(mark_min);
    // On a phone a signed-in bar needs the room for the bell, Settings and Sign out: mark only.
    const bool mark_only = user.has_value() && width < ui::metric::kCompactWidth;
    const float name_w = mark_only ? 0.0f : 8 + ImGui::CalcTextSize("Skyloom").x;
    if (ImGui::InvisibleButton("##home", ImVec2(mark + name_w, mark))) action = TopBarAction::Home;
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Link, "Skyloom home");
    dl->AddRectFilled(mark_min, mark_min + ImVec2(mark, mark), ui::color::kAccent, 8.0f);
    const ImVec2 s_size = ImGui::CalcTextSize("S");
    dl->AddText(mark_min + (ImVec2(mark, mark) - s_size) * 0.5f, ui::color::kOnAccent, "S");
    const float text_y = origin.y + (height - ImGui::GetFontSize()) * 0.5f;
    if (!mark_only) dl->AddText(ImVec2(mark_min.x + mark + 8, text_y), ui::color::kText, "Skyloom");
    ImGui::PopFont();

    if (user) {
        // Right to left: Sign out, Settings, Make a meme, @handle (my portfolio), the bell.
        const char* sign_out = "Sign out";
        const float button_w = ImGui::CalcTextSize(sign_out).x + 28.0f;
        const float button_h = ImGui::GetFontSize() + 14.0f;
        const float button_y = origin.y + (height - button_h) * 0.5f;
        float x = origin.x + width - margin - button_w;
        ImGui::SetCursorScreenPos(ImVec2(x, button_y));
        if (ui::SecondaryButton(sign_out, button_w, !busy)) action = TopBarAction::SignOut;
        const char* settings = "Settings";
        const float settings_w = ImGui::CalcTextSize(settings).x + 28.0f;
        x -= settings_w + 10.0f;
        ImGui::SetCursorScreenPos(ImVec2(x, button_y));
        if (ui::SecondaryButton(settings, settings_w)) action = TopBarAction::Settings;
        {  // "Make a meme" (issue 5): the editor's entry point; "Meme" on a phone
            const char* make = width < ui::metric::kCompactWidth ? "Meme##make" : "Make a meme";
            const float make_w =
                ImGui::CalcTextSize(make, nullptr, /*hide_text_after_double_hash=*/true).x + 28.0f;
            x -= make_w + 10.0f;
            ImGui::SetCursorScreenPos(ImVec2(x, button_y));
            if (ui::SecondaryButton(make, make_w)) action = TopBarAction::MakeMeme;
        }
        if (width >= ui::metric::kCompactWidth * 1.6f) {
            const std::string handle = "@" + *user;
            const ImVec2 handle_size = ImGui::CalcTextSize(handle.c_str());
            x -= handle_size.x + 14.0f;
            const ImVec2 handle_pos(x, origin.y + (height - handle_size.y) * 0.5f);
            ImGui::SetCursorScreenPos(handle_pos);
            if (ImGui::InvisibleButton("##my-portfolio", handle_size))
                action = TopBarAction::MyPortfolio;
            const bool hovered = ImGui::IsItemHovered();
            bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Link, "My portfolio");
            const ImU32 col = hovered ? ui::color::kAccent : ui::color::kTextMuted;
            dl->AddText(handle_pos, col, handle.c_str());
            if (hovered) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                dl->AddLine(handle_pos + ImVec2(0, handle_size.y), handle_pos + handle_size, col);
            }
        }
        x -= kBellSize + 14.0f;
        if (DrawBell(ImVec2(x, origin.y + (height - kBellSize) * 0.5f), unread, fonts))
            action = TopBarAction::Notifications;
    } else if (show_join) {
        // A visitor: the ways in, right to left "Sign up" then "Sign in".
        const float button_h = ImGui::GetFontSize() + 14.0f;
        const float button_y = origin.y + (height - button_h) * 0.5f;
        const char* sign_up = "Sign up";
        const float sign_up_w = ImGui::CalcTextSize(sign_up).x + 28.0f;
        float x = origin.x + width - margin - sign_up_w;
        ImGui::SetCursorScreenPos(ImVec2(x, button_y));
        if (ui::SecondaryButton(sign_up, sign_up_w)) action = TopBarAction::SignUp;
        const char* sign_in = "Sign in";
        const float sign_in_w = ImGui::CalcTextSize(sign_in).x + 28.0f;
        x -= sign_in_w + 10.0f;
        ImGui::SetCursorScreenPos(ImVec2(x, button_y));
        if (ui::SecondaryButton(sign_in, sign_in_w)) action = TopBarAction::SignIn;
        // The template gallery is public too; on a phone it stays one tap away in the join card.
        constexpr float kRoomForMemes = 600.0f;
        if (width >= kRoomForMemes) {
            const char* memes = "Make a meme";
            const float memes_w = ImGui::CalcTextSize(memes).x + 28.0f;
            x -= memes_w + 10.0f;
            ImGui::SetCursorScreenPos(ImVec2(x, button_y));
            if (ui::SecondaryButton(memes, memes_w)) action = TopBarAction::MakeMeme;
        }
    }
    ImGui::SetCursorScreenPos(origin + ImVec2(0, height));
    ImGui::Dummy(ImVec2(width, 0));
    return action;
}

}  // namespace skyloom::app
