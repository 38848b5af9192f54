// Skyloom's look: palette, metrics and the ImGui style built from them. Every screen takes its
// colours and spacing from here, never from ImGui's defaults.
#pragma once

#include "imgui.h"

namespace skyloom::ui {

namespace color {
constexpr ImU32 kBackground = IM_COL32(0xF4, 0xF5, 0xF8, 0xFF);
constexpr ImU32 kSurface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
constexpr ImU32 kBorder = IM_COL32(0xE2, 0xE5, 0xEB, 0xFF);
constexpr ImU32 kText = IM_COL32(0x1B, 0x20, 0x2C, 0xFF);
constexpr ImU32 kTextMuted = IM_COL32(0x64, 0x6B, 0x7A, 0xFF);
constexpr ImU32 kAccent = IM_COL32(0x4F, 0x46, 0xE5, 0xFF);
constexpr ImU32 kAccentHover = IM_COL32(0x43, 0x38, 0xCA, 0xFF);
constexpr ImU32 kAccentActive = IM_COL32(0x37, 0x30, 0xA3, 0xFF);
constexpr ImU32 kAccentSoft = IM_COL32(0xEE, 0xF0, 0xFF, 0xFF);
constexpr ImU32 kOnAccent = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
constexpr ImU32 kInput = IM_COL32(0xF9, 0xFA, 0xFB, 0xFF);
constexpr ImU32 kInputHover = IM_COL32(0xF1, 0xF3, 0xF6, 0xFF);
constexpr ImU32 kError = IM_COL32(0xC8, 0x1E, 0x1E, 0xFF);
constexpr ImU32 kErrorSoft = IM_COL32(0xFD, 0xEC, 0xEC, 0xFF);
constexpr ImU32 kErrorHover = IM_COL32(0xA5, 0x17, 0x17, 0xFF);
constexpr ImU32 kSuccess = IM_COL32(0x0F, 0x7B, 0x4A, 0xFF);
constexpr ImU32 kSuccessSoft = IM_COL32(0xE7, 0xF6, 0xEE, 0xFF);
}  // namespace color

namespace metric {
constexpr float kTopBarHeight = 56.0f;
constexpr float kCardRounding = 14.0f;
constexpr float kCardPadding = 28.0f;
constexpr float kCardPaddingCompact = 18.0f;  // phones
constexpr float kCompactWidth = 480.0f;       // below this the layout tightens
constexpr float kFrameRounding = 8.0f;
constexpr float kFieldGap = 14.0f;
constexpr float kFormWidth = 400.0f;
constexpr float kPageMargin = 16.0f;
constexpr float kFeedWidth = 640.0f;  // the feed's content column on wide screens
}  // namespace metric

void ApplyTheme(ImGuiStyle& style);

[[nodiscard]] inline ImVec4 ToVec4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace skyloom::ui
