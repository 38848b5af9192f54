#include "ui/text_input.h"

#include <algorithm>
#include <vector>

#include "platform/platform.h"
#include "ui/theme.h"

namespace skyloom::ui {
namespace {

struct SubmittedField {
    uint32_t id = 0;
    ImGuiWindow* root = nullptr;  // the field's root window, to find what covers it
    ImRect clip;
};

// Per-frame bookkeeping for occlusion, beside the process-wide sync.
struct FieldsFrame {
    std::vector<SubmittedField> fields;
    std::vector<ImRect> covers;
};

FieldsFrame& Frame() {
    static FieldsFrame frame;
    return frame;
}

// The front-most root window under `p`, in display order (g.Windows is back to front once the
// frame has ended).
ImGuiWindow* FrontWindowAt(ImVec2 p) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = g.Windows.Size - 1; i >= 0; i--) {
        ImGuiWindow* w = g.Windows[i];
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
        if (w->Rect().Contains(p)) return w;
    }
    return nullptr;
}

bool Covered(const SubmittedField& f) {
    if (f.clip.GetWidth() <= 0 || f.clip.GetHeight() <= 0) return false;  // nothing shows anyway
    for (const ImRect& cover : Frame().covers)
        if (cover.Overlaps(f.clip)) return true;
    ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    if (modal != nullptr && f.root != modal->RootWindow) return true;
    ImGuiWindow* front = FrontWindowAt(f.clip.GetCenter());
    return front != nullptr && front != f.root;
}

}  // namespace

TextFieldSync& FieldSync() {
    static TextFieldSync sync;
    return sync;
}

FieldFrame DomField(ImGuiID id, FieldSpec spec, std::string* value, const ImRect& frame,
                    const ImRect& text_rect) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGui::ItemSize(frame);
    // Submitted even when scrolled out of view: the page's field keeps its focus and keyboard.
    (void)ImGui::ItemAdd(frame, id);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    ImRect clip = text_rect;
    clip.ClipWithFull(window->ClipRect);
    spec.id = id;
    spec.rect = {text_rect.Min.x, text_rect.Min.y, text_rect.GetWidth(), text_rect.GetHeight()};
    spec.clip = {clip.Min.x, clip.Min.y, std::max(0.0f, clip.GetWidth()),
                 std::max(0.0f, clip.GetHeight())};
    const FieldFrame result = FieldSync().Submit(spec, value);
    Frame().fields.push_back({id, window->RootWindow, clip});
    if (result.edited)
        ImGui::GetCurrentContext()->LastItemData.StatusFlags |= ImGuiItemStatusFlags_Edited;
    return result;
}

void CoverFields(const ImRect& rect) {
    Frame().covers.push_back(rect);
}

void FinishFieldsFrame() {
    FieldsFrame& frame = Frame();
    for (const SubmittedField& f : frame.fields) FieldSync().SetHidden(f.id, Covered(f));
    frame.fields.clear();
    frame.covers.clear();
    platform::UpdateTextFields(FieldSync().TakePageUpdate());
}

void DrawFieldFrame(const ImRect& frame, bool focused, bool has_error, bool disabled) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool hovered =
        !disabled && ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(frame.Min, frame.Max);
    const ImU32 bg = focused ? color::kSurface : hovered ? color::kInputHover : color::kInput;
    const ImU32 border = has_error ? color::kError : focused ? color::kAccent : color::kBorder;
    dl->AddRectFilled(frame.Min, frame.Max, bg, style.FrameRounding);
    dl->AddRect(frame.Min, frame.Max, border, style.FrameRounding, 0, focused ? 1.5f : 1.0f);
}

}  // namespace skyloom::ui
