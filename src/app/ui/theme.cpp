#include "ui/theme.h"

namespace skyloom::ui {

void ApplyTheme(ImGuiStyle& style) {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildRounding = metric::kCardRounding;
    style.ChildBorderSize = 1;
    style.PopupRounding = metric::kFrameRounding;
    style.FramePadding = ImVec2(12, 11);
    style.FrameRounding = metric::kFrameRounding;
    style.FrameBorderSize = 1;
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 10;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 6;
    style.TabRounding = 8;
    style.SelectableTextAlign = ImVec2(0, 0.5f);
    style.DisabledAlpha = 0.55f;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ToVec4(color::kText);
    c[ImGuiCol_TextDisabled] = ToVec4(color::kTextMuted);
    c[ImGuiCol_WindowBg] = ToVec4(color::kBackground);
    c[ImGuiCol_ChildBg] = ToVec4(color::kSurface);
    c[ImGuiCol_PopupBg] = ToVec4(color::kSurface);
    c[ImGuiCol_Border] = ToVec4(color::kBorder);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = ToVec4(color::kInput);
    c[ImGuiCol_FrameBgHovered] = ToVec4(color::kInputHover);
    c[ImGuiCol_FrameBgActive] = ToVec4(color::kSurface);
    c[ImGuiCol_Button] = ToVec4(color::kAccent);
    c[ImGuiCol_ButtonHovered] = ToVec4(color::kAccentHover);
    c[ImGuiCol_ButtonActive] = ToVec4(color::kAccentActive);
    c[ImGuiCol_Header] = ToVec4(color::kAccentSoft);
    c[ImGuiCol_HeaderHovered] = ToVec4(color::kAccentSoft);
    c[ImGuiCol_HeaderActive] = ToVec4(color::kAccentSoft);
    c[ImGuiCol_CheckMark] = ToVec4(color::kAccent);
    c[ImGuiCol_SliderGrab] = ToVec4(color::kAccent);
    c[ImGuiCol_SliderGrabActive] = ToVec4(color::kAccentActive);
    c[ImGuiCol_Separator] = ToVec4(color::kBorder);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0, 0, 0, 0.18f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0, 0, 0, 0.28f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0, 0, 0, 0.36f);
    c[ImGuiCol_Tab] = ToVec4(color::kSurface);
    c[ImGuiCol_TabHovered] = ToVec4(color::kAccentSoft);
    c[ImGuiCol_TabActive] = ToVec4(color::kAccentSoft);
    c[ImGuiCol_TextSelectedBg] = ImVec4(0.31f, 0.27f, 0.90f, 0.25f);
    c[ImGuiCol_NavHighlight] = ToVec4(color::kAccent);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.1f, 0.15f, 0.35f);
}

}  // namespace skyloom::ui
