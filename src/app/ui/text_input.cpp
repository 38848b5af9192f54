#include "ui/text_input.h"

#include <algorithm>
#include <vector>

#include "platform/platform.h"
#include "ui/dom_overlay.h"
#include "ui/theme.h"

namespace skyloom::ui {
namespace {

struct SubmittedField {
    uint32_t id = 0;
    ImGuiWindow* root = nullptr;  // the field's root window, to find what covers it
    ImRect clip;
};

std::vector<SubmittedField>& Submitted() {
    static std::vector<SubmittedField> fields;  // this frame's, for the occlusion pass
    return fields;
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
    if (spec.clip.w <= 0.0f || spec.clip.h <= 0.0f) {
        // Scrolled out of view: one fixed place, so a feed scrolling by (with the composer far
        // above) sends the page nothing each frame instead of a moved field.
        spec.rect = {0.0f, 0.0f, spec.rect.w, spec.rect.h};
        spec.clip = {0.0f, 0.0f, 0.0f, 0.0f};
    }
    const FieldFrame result = FieldSync().Submit(spec, value);
    Submitted().push_back({id, window->RootWindow, clip});
    if (result.edited)
        ImGui::GetCurrentContext()->LastItemData.StatusFlags |= ImGuiItemStatusFlags_Edited;
    return result;
}

void FinishFieldsFrame() {
    for (const SubmittedField& f : Submitted())
        FieldSync().SetHidden(f.id, IsCovered(f.root, f.clip));
    Submitted().clear();
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
