#include "screens/toast_layer.h"

#include <cmath>

#include "bridge/bridge.h"
#include "imgui.h"
#include "ui/dom_overlay.h"
#include "ui/rich_text.h"
#include "ui/theme.h"

namespace skyloom::app {

void DrawToasts(const std::vector<Toast>& toasts) {
    if (toasts.empty()) return;
    constexpr float kPad = 12.0f;
    constexpr float kGap = 8.0f;
    constexpr float kMaxWidth = 420.0f;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float width = std::fmin(kMaxWidth, display.x - 32.0f);
    float y = display.y - 24.0f;
    ImFont* font = ImGui::GetFont();
    for (auto it = toasts.rbegin(); it != toasts.rend(); ++it) {
        bridge::Announce(it->text);  // the page's live region reads it out
        const ImVec2 text = ui::TextBlockSize(it->text, font, width - kPad * 2);
        const float h = text.y + kPad * 2;
        const ImVec2 min((display.x - width) * 0.5f, y - h);
        const ImU32 bg = it->kind == "error" ? ui::color::kError : ui::color::kText;
        dl->AddRectFilled(min, min + ImVec2(width, h), bg, ui::metric::kFrameRounding);
        ui::CoverDomOverlays(ImRect(min, min + ImVec2(width, h)));  // over the page's fields
        ui::DrawTextBlock(dl, min + ImVec2(kPad, kPad), it->text, font, ui::color::kOnAccent,
                          width - kPad * 2);
        y -= h + kGap;
    }
}

}  // namespace skyloom::app
