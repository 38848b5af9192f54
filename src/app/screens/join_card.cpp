#include "screens/join_card.h"

#include <algorithm>

#include "imgui.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {

void DrawJoinCard(float width, const ui::FontSet& fonts, const char* pitch, FeedAction& action) {
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    constexpr float kPad = 20.0f;
    ui::BeginCard(width, kPad);
    const float inner = width - kPad * 2;
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted("Join Skyloom");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ui::MutedText(pitch);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 4));
    // Side by side when they fit (a phone at 375 px does), stacked otherwise.
    const float button_w = std::min(200.0f, (inner - 10.0f) * 0.5f);
    ImGui::PushFont(fonts.strong);
    if (ui::PrimaryButton("Create an account", button_w, false))
        action.kind = FeedActionKind::AskSignUp;
    ImGui::PopFont();
    ImGui::SameLine(0, 10.0f);
    if (ui::SecondaryButton("I have an account", button_w, true, ui::PrimaryButtonHeight()))
        action.kind = FeedActionKind::AskSignIn;
    ui::EndCard();
}

}  // namespace skyloom::app
