#include "screens/top_bar.h"

#include "bridge/bridge.h"
#include "imgui.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {

TopBarAction DrawTopBar(const ui::FontSet& fonts, const std::optional<std::string>& user,
                        bool busy) {
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
    if (ImGui::InvisibleButton("##home", ImVec2(mark + 8 + ImGui::CalcTextSize("Skyloom").x, mark)))
        action = TopBarAction::Home;
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Link, "Skyloom home");
    dl->AddRectFilled(mark_min, mark_min + ImVec2(mark, mark), ui::color::kAccent, 8.0f);
    const ImVec2 s_size = ImGui::CalcTextSize("S");
    dl->AddText(mark_min + (ImVec2(mark, mark) - s_size) * 0.5f, ui::color::kOnAccent, "S");
    const float text_y = origin.y + (height - ImGui::GetFontSize()) * 0.5f;
    dl->AddText(ImVec2(mark_min.x + mark + 8, text_y), ui::color::kText, "Skyloom");
    ImGui::PopFont();

    if (user) {
        const char* sign_out = "Sign out";
        const float button_w = ImGui::CalcTextSize(sign_out).x + 28.0f;
        const std::string handle = "@" + *user;
        const float handle_w = ImGui::CalcTextSize(handle.c_str()).x;
        const float button_h = ImGui::GetFontSize() + 14.0f;
        float x = origin.x + width - margin - button_w;
        ImGui::SetCursorScreenPos(ImVec2(x, origin.y + (height - button_h) * 0.5f));
        if (ui::SecondaryButton(sign_out, button_w, !busy)) action = TopBarAction::SignOut;
        {  // "Make a meme" (issue 5): the editor's entry point
            const char* make = "Make a meme";
            const float make_w = ImGui::CalcTextSize(make).x + 28.0f;
            x -= make_w + 10.0f;
            ImGui::SetCursorScreenPos(ImVec2(x, origin.y + (height - button_h) * 0.5f));
            if (ui::SecondaryButton(make, make_w)) action = TopBarAction::MakeMeme;
        }
        if (width >= ui::metric::kCompactWidth * 0.8f) {
            x -= handle_w + 14.0f;
            dl->AddText(ImVec2(x, origin.y + (height - ImGui::GetFontSize()) * 0.5f),
                        ui::color::kTextMuted, handle.c_str());
        }
    }
    ImGui::SetCursorScreenPos(origin + ImVec2(0, height));
    ImGui::Dummy(ImVec2(width, 0));
    return action;
}

}  // namespace skyloom::app
