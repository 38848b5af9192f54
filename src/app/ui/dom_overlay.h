// The page's own elements over the canvas (text fields, the selectable text layer) sit above
// everything ImGui draws, so each must hide where ImGui draws something over it: a menu, a
// dialog, the image viewer, a toast. This answers "is this rectangle covered right now".
//
//   ui::CoverDomOverlays(toast_rect);                       // while drawing, for non-windows
//   bool hide = ui::IsCovered(window->RootWindow, rect);     // after ImGui::Render()
//   ui::EndDomOverlayFrame();                                // once a frame, last
#pragma once

#include "imgui.h"
#include "imgui_internal.h"

namespace skyloom::ui {

// Something drawn over the canvas outside ImGui's windows (toasts, the drop target).
void CoverDomOverlays(const ImRect& rect);
// True when another window in front of `root` (the element's own window), a modal, or a
// registered cover overlaps `rect`. Call after ImGui::Render(), when the window order is final.
[[nodiscard]] bool IsCovered(const ImGuiWindow* root, const ImRect& rect);
// Forgets this frame's covers.
void EndDomOverlayFrame();

}  // namespace skyloom::ui
