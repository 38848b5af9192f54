#include "ui/text_fields.h"

#include <cmath>
#include <string>

#include "bridge/bridge.h"
#include "imgui_internal.h"
#include "ui/text_input.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::ui {
namespace {

// "##draft" -> "draft": the widget id doubles as the DOM name when none is given.
std::string DomName(const char* id, const char* name) {
    if (name != nullptr && *name != '\0') return name;
    std::string out = id;
    out.erase(0, out.find_first_not_of('#'));
    return out;
}

// IsItemEdited() after a widget made of several items reports the field's edit.
void MarkLastItemEdited() {
    ImGui::GetCurrentContext()->LastItemData.StatusFlags |= ImGuiItemStatusFlags_Edited;
}

void FillTextMetrics(FieldSpec& spec) {
    const ImGuiStyle& style = ImGui::GetStyle();
    spec.font_px = ImGui::GetFontSize();
    spec.line_px = FieldLineHeight();
    spec.pad_x = style.FramePadding.x;
    spec.pad_y = style.FramePadding.y;
}

}  // namespace

float FieldLineHeight() {
    constexpr float kLineSpacing = 1.25f;  // a comfortable line for 13-26 px text
    return std::round(ImGui::GetFontSize() * kLineSpacing);
}

bool TextField(const char* id, const char* caption, std::string* value,
               const TextFieldOptions& options) {
    ImGui::PushID(id);
    ImGui::TextUnformatted(caption);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ContentWidth();
    const bool has_toggle = options.show_password != nullptr;
    const bool masked = options.password && !(has_toggle && *options.show_password);
    const char* toggle = has_toggle && *options.show_password ? "Hide" : "Show";
    const float toggle_w =
        has_toggle ? ImGui::CalcTextSize(toggle).x + style.FramePadding.x * 2 : 0.0f;

    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImRect whole(pos, pos + ImVec2(width, ImGui::GetFrameHeight()));
    const ImGuiID field_id = ImGui::GetID("##field");
    const bool focused = FieldSync().focused_id() == field_id;
    DrawFieldFrame(whole, focused, !options.error.empty(), false);

    FieldSpec spec;
    spec.name = DomName(id, options.name);
    spec.label = caption;
    spec.type = options.password ? (masked ? "password" : "text") : options.type;
    spec.input_mode = options.input_mode;
    spec.autocomplete = options.autocomplete;
    spec.autocapitalize = options.autocapitalize;
    spec.enter_key_hint = options.enter_key_hint;
    spec.spellcheck = options.spellcheck;
    spec.placeholder = options.hint;
    spec.form = options.form;
    spec.max_chars = options.max_length;
    FillTextMetrics(spec);
    if (options.focus) FieldSync().RequestFocus(field_id);
    const ImRect field(whole.Min, ImVec2(whole.Max.x - toggle_w, whole.Max.y));
    const FieldFrame result = DomField(field_id, spec, value, field, field);
    bridge::AnnotateInput(field_id, caption, *value, masked);

    if (has_toggle) {
        ImGui::SameLine(0.0f, 0.0f);
        const ImVec2 toggle_pos = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##toggle", ImVec2(toggle_w, whole.GetHeight())))
            *options.show_password = !*options.show_password;
        const bool toggle_hovered = ImGui::IsItemHovered();
        if (toggle_hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::GetWindowDrawList()->AddText(toggle_pos + style.FramePadding,
                                            toggle_hovered ? color::kAccentHover : color::kAccent,
                                            toggle);
        bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Button,
                         *options.show_password ? "Hide password" : "Show password");
    }
    if (!options.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, color::kError);
        ImGui::TextWrapped("%s", options.error.c_str());  // wraps at the card's edge
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
    if (result.edited) MarkLastItemEdited();
    return result.entered;
}

FieldFrame TextBox(const char* id, std::string* value, ImVec2 size, const TextBoxOptions& options) {
    if (size.x <= 0.0f) size.x = ImGui::GetContentRegionAvail().x;
    if (size.y <= 0.0f) size.y = ImGui::GetFrameHeight();
    const ImGuiID field_id = ImGui::GetID(id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImRect frame(pos, pos + size);
    const bool focused = FieldSync().focused_id() == field_id;
    DrawFieldFrame(frame, focused, options.has_error, options.disabled);

    FieldSpec spec;
    spec.kind = options.multi_line ? FieldKind::kMultiLine : FieldKind::kSingleLine;
    spec.name = DomName(id, options.name);
    spec.label = *options.label != '\0' ? options.label : options.hint;
    spec.placeholder = options.hint;
    spec.ghost = options.ghost;
    spec.tab_event = options.tab_event;
    spec.enter_mode = options.enter_mode;
    spec.disabled = options.disabled;
    spec.max_chars = options.max_chars;
    spec.enter_key_hint = options.enter_key_hint;
    spec.autocapitalize = options.autocapitalize;
    spec.spellcheck = options.spellcheck;
    FillTextMetrics(spec);
    if (options.focus) FieldSync().RequestFocus(field_id);
    const FieldFrame result = DomField(field_id, spec, value, frame, frame);
    bridge::AnnotateInput(field_id, spec.label, *value, false);
    return result;
}

}  // namespace skyloom::ui
