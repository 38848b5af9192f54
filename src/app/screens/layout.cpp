#include "screens/layout.h"

#include <cmath>

#include "imgui.h"
#include "platform/platform.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {

namespace {
constexpr float kTopGapRatio = 0.4f;  // share of the spare height placed above the card
constexpr float kMinTopGap = 24.0f;
}  // namespace

FormLayout BeginFormPage(float last_card_height) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool compact = avail.x < ui::metric::kCompactWidth;
    FormLayout layout;
    layout.last_height = last_card_height;
    layout.card_width = std::fmin(ui::metric::kFormWidth, avail.x - ui::metric::kPageMargin * 2);
    layout.padding = compact ? ui::metric::kCardPaddingCompact : ui::metric::kCardPadding;
    // Before the first measurement, start at the top rather than overflow the page.
    const float spare = last_card_height > 0 ? std::fmax(0.0f, avail.y - last_card_height) : 0.0f;
    layout.top_y = ImGui::GetCursorPosY() + std::fmax(kMinTopGap, spare * kTopGapRatio);
    ImGui::SetCursorPos(ImVec2((avail.x - layout.card_width) * 0.5f, layout.top_y));
    return layout;
}

float EndFormPage(const FormLayout& layout) {
    const float height = ImGui::GetCursorPosY() - layout.top_y;
    // Centring uses the previous height: one more frame settles a card that grew or shrank.
    if (std::fabs(height - layout.last_height) > 0.5f) platform::RequestFrames(1);
    ImGui::Dummy(ImVec2(0, kMinTopGap));
    return height;
}

bool FormSubmitRow(const ui::FontSet& fonts, const char* label, const std::string& error,
                   bool in_progress, bool enter_pressed) {
    if (!error.empty()) {
        ui::ErrorNote(error, ui::ContentWidth());
        ImGui::Dummy(ImVec2(0, 4));
    }
    ImGui::PushFont(fonts.strong);
    const bool clicked = ui::PrimaryButton(label, 0.0f, in_progress);
    ImGui::PopFont();
    return clicked || (enter_pressed && !in_progress);
}

bool PromptWithLink(const char* prompt, const char* link) {
    const float gap = ImGui::GetStyle().ItemSpacing.x * 0.5f;
    const float row_w = ImGui::CalcTextSize(prompt).x + gap + ImGui::CalcTextSize(link).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         std::fmax(0.0f, (ui::ContentWidth() - row_w) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kTextMuted);
    ImGui::TextUnformatted(prompt);
    ImGui::PopStyleColor();
    ImGui::SameLine(0.0f, gap);
    return ui::Link(link);
}

}  // namespace skyloom::app
