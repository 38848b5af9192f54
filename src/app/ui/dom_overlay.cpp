#include "ui/dom_overlay.h"

#include <vector>

namespace skyloom::ui {
namespace {
std::vector<ImRect>& Covers() {
    static std::vector<ImRect> covers;  // this frame's, process-wide like ImGui's context
    return covers;
}
}  // namespace

void CoverDomOverlays(const ImRect& rect) {
    Covers().push_back(rect);
}

bool IsCovered(const ImGuiWindow* root, const ImRect& rect) {
    if (rect.GetWidth() <= 0 || rect.GetHeight() <= 0) return false;  // nothing shows anyway
    for (const ImRect& cover : Covers())
        if (cover.Overlaps(rect)) return true;
    const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    if (modal != nullptr && root != modal->RootWindow) return true;
    // g.Windows lists root windows back to front once the frame has ended: anything after
    // `root` that overlaps is drawn over it.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = g.Windows.Size - 1; i >= 0; i--) {
        const ImGuiWindow* w = g.Windows[i];
        if (w == root) break;
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
        if (w->Rect().Overlaps(rect)) return true;
    }
    return false;
}

void EndDomOverlayFrame() {
    Covers().clear();
}

}  // namespace skyloom::ui
