#include "screens/image_viewer.h"

#include <algorithm>

#include "bridge/bridge.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "media/image_library.h"
#include "ui/dom_overlay.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace skyloom::app {

void DrawImageViewer(const MediaRef& media, const ui::FontSet& fonts, ImageLibrary& images,
                     FeedAction& action) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(12, 14, 22, 235));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##image-viewer", nullptr, kFlags);
    bridge::Region dialog("dialog-image", "dialog", "Image");
    // Natural size (the stored image is at most 1000 px wide), shrunk to fit with a margin.
    const float margin = vp->Size.x < ui::metric::kCompactWidth ? 8.0f : 48.0f;
    const ImVec2 avail = vp->Size - ImVec2(margin * 2, margin * 2);
    const float scale =
        std::min({1.0f, avail.x / std::max(1, media.width), avail.y / std::max(1, media.height)});
    const ImVec2 size(media.width * scale, media.height * scale);
    const ImVec2 min = vp->Pos + (vp->Size - size) * 0.5f;
    ImGui::SetCursorScreenPos(min);
    ImGui::InvisibleButton("##full-image", size);
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Image, "Full-size image");
    images.Draw(media, min, min + size, 4.0f, true);

    ImGui::PushFont(fonts.strong);
    const char* close = "Close";
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 7));
    const ImVec2 close_size = ImGui::CalcTextSize(close) + ImVec2(24, 14);
    ImGui::SetCursorScreenPos(vp->Pos + ImVec2(vp->Size.x - close_size.x - 12, 12));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(255, 255, 255, 36));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(255, 255, 255, 64));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(255, 255, 255, 90));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    const bool close_pressed = ImGui::Button(close, close_size);
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Button, close);
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar();
    ImGui::PopFont();

    // Any click outside the image, the Close button or Esc closes.
    const bool clicked_backdrop = ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
                                  ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered();
    if (close_pressed || clicked_backdrop || ImGui::IsKeyPressed(ImGuiKey_Escape))
        action.kind = FeedActionKind::CloseImage;
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void DrawDropTarget(const ui::FontSet& fonts, const char* text) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 inset(12, 12);
    dl->AddRectFilled(vp->Pos, vp->Pos + vp->Size, IM_COL32(79, 70, 229, 40));
    ui::CoverDomOverlays(ImRect(vp->Pos, vp->Pos + vp->Size));
    dl->AddRect(vp->Pos + inset, vp->Pos + vp->Size - inset, ui::color::kAccent, 16.0f, 0, 3.0f);
    ImGui::PushFont(fonts.strong);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 pos = vp->Pos + (vp->Size - size) * 0.5f;
    dl->AddRectFilled(pos - ImVec2(20, 14), pos + size + ImVec2(20, 14), ui::color::kSurface,
                      12.0f);
    dl->AddText(pos, ui::color::kAccent, text);
    ImGui::PopFont();
}

}  // namespace skyloom::app
