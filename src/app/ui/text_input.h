// Text fields backed by real DOM fields: ImGui lays out and draws the frame, the page's
// <input>/<textarea> (platform/text_fields_web.*) placed over it holds and draws the text, so
// typing, IME, autocorrect, dictation, emoji, selection, the clipboard and password managers
// work as on any web page, and phones open their keyboard on a tap.
//
//   ui::FieldSpec spec;  spec.name = "username"; spec.autocomplete = "username";
//   ui::FieldFrame f = ui::DomField(ImGui::GetID("##login"), spec, &model, frame_rect, text_rect);
//   ...
//   ImGui::Render();  ui::FinishFieldsFrame();   // once per frame, in App::Tick
#pragma once

#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/text_field_sync.h"  // core

namespace skyloom::ui {

// The app's one field registry, process-wide like ImGui's own context.
[[nodiscard]] TextFieldSync& FieldSync();

// Registers an ImGui item over `frame` (for layout, hover and the automation bridge) and puts the
// page's field over `text_rect` (the frame minus its padding and any buttons inside it). The
// spec's id, geometry and clip are filled in here; the rest is the caller's.
FieldFrame DomField(ImGuiID id, FieldSpec spec, std::string* value, const ImRect& frame,
                    const ImRect& text_rect);

// After ImGui::Render(): hides fields that another window covers and sends the page update.
void FinishFieldsFrame();

// Draws a text-field frame: input background, border (accent when focused, red on error).
void DrawFieldFrame(const ImRect& frame, bool focused, bool has_error, bool disabled);

}  // namespace skyloom::ui
