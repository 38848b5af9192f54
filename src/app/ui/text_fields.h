// The app's text-field widgets: a captioned form field (TextField) and a bare box for drafts,
// captions and search (TextBox). Both are real DOM fields under the hood (ui/text_input.h), so
// the options below are what phones, password managers and spell checkers see.
#pragma once

#include <string>

#include "imgui.h"
#include "ui/text_field_sync.h"  // core: FieldFrame, EnterMode

namespace skyloom::ui {

struct TextFieldOptions {
    const char* hint = "";          // placeholder inside the empty field
    bool password = false;          // masked unless *show_password
    bool* show_password = nullptr;  // non-null: draws a Show/Hide toggle inside the field
    bool focus = false;             // take keyboard focus this frame
    std::string error;              // shown under the field, in red
    int max_length = 0;             // 0: unlimited (characters)
    // The page's <input>; `name` (default: the widget id) is also its DOM id.
    const char* name = nullptr;
    const char* form = "";                // fields of one form share a <form>
    const char* type = "text";            // "email" brings the @ keyboard
    const char* autocomplete = "off";     // username, email, current-password, ...
    const char* input_mode = "";          // "numeric" for codes
    const char* autocapitalize = "none";  // form fields are names, addresses, codes
    const char* enter_key_hint = "";      // go, next, done
    bool spellcheck = false;
};

// A captioned single-line input at the card's width. Returns true when Enter was pressed in it
// (or the phone keyboard's Go). ImGui::IsItemEdited() afterwards says whether it was edited.
bool TextField(const char* id, const char* caption, std::string* value,
               const TextFieldOptions& options = {});

struct TextBoxOptions {
    bool multi_line = true;
    const char* label = "";  // accessible name (there is no visible caption)
    const char* hint = "";   // placeholder
    std::string ghost;       // muted suggestion after the text (autofill)
    bool tab_event = false;  // Tab is reported instead of moving the focus
    EnterMode enter_mode = EnterMode::kNewline;
    bool disabled = false;
    bool focus = false;  // take keyboard focus this frame
    bool has_error = false;
    int max_chars = 0;
    const char* enter_key_hint = "";
    const char* autocapitalize = "sentences";
    bool spellcheck = true;
    const char* name = nullptr;  // DOM name/id; default: the widget id
};

// The line height of text in fields (CSS line-height), in the current font.
[[nodiscard]] float FieldLineHeight();

// A framed text box of `size` at the cursor (size.x <= 0: the available width).
FieldFrame TextBox(const char* id, std::string* value, ImVec2 size,
                   const TextBoxOptions& options = {});

}  // namespace skyloom::ui
