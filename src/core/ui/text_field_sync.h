// Keeps the app's text models and the page's real text fields in agreement.
//
// Every ImGui text field is backed by a real DOM <input> or <textarea> placed over it (the
// browser draws the text, caret, selection and IME pre-edit, and phones open their keyboard
// for it). This class is the platform-free half: each frame the widgets describe their fields
// (FieldSpec) and hand over their model string; edits the page reported since the last frame
// are merged into the model, program changes to the model are sent back to the page, and the
// page update is produced as one JSON document for the platform glue.
//
//   TextFieldSync sync;
//   sync.Receive(ParseFieldEvent(json));             // between frames, from the page
//   FieldFrame f = sync.Submit(spec, &model);        // per field, while drawing
//   if (f.entered) Submit();
//   std::string update = sync.TakePageUpdate();      // after drawing; "" = nothing changed
//
// Ownership rule: the page owns the text while the user edits; the model wins when the program
// changes it (a cleared draft, an accepted suggestion), and what the person typed meanwhile on
// top of the old text is moved onto the new one (RebaseEdit), never silently dropped unless
// both changed the very same characters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace skyloom::ui {

enum class FieldKind { kSingleLine, kMultiLine };

// What a multi-line field does with Enter.
enum class EnterMode {
    kNewline,  // Enter types a newline (the composer); Ctrl/Cmd+Enter is reported as `entered`
    kSubmit,   // Enter is reported as `entered`, Shift+Enter types a newline (the chat box)
};

struct FieldRect {
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels of the page
    bool operator==(const FieldRect&) const = default;
};

// One field as the page should show it this frame. Defaults suit a plain text field.
struct FieldSpec {
    uint32_t id = 0;  // the widget's ImGui id
    FieldKind kind = FieldKind::kSingleLine;
    std::string name;                  // DOM name and id ("username"); empty: "field-<id>"
    std::string label;                 // accessible name (aria-label)
    std::string type = "text";         // <input type>: text, email, password, search, url
    std::string input_mode;            // inputmode: email, numeric, search, url; "": default
    std::string autocomplete = "off";  // username, current-password, one-time-code, ...
    std::string autocapitalize = "sentences";  // none, sentences, words
    std::string enter_key_hint;                // enterkeyhint: go, send, next, search, done
    bool spellcheck = true;
    std::string placeholder;
    std::string form;   // fields naming the same form share one <form>
    int max_chars = 0;  // maxlength in UTF-16 units as the DOM counts; 0: none
    bool disabled = false;
    bool tab_event = false;  // Tab comes back as `tab` instead of moving the focus
    EnterMode enter_mode = EnterMode::kNewline;  // multi-line fields only
    std::string ghost;                           // muted suggestion shown after the text (autofill)
    FieldRect rect;                              // the text area (inside the drawn frame)
    FieldRect clip;                              // what of it the ImGui window shows
    float font_px = 16;
    float line_px = 20;
    float pad_x = 0, pad_y = 0;
    bool hidden = false;  // covered by another ImGui window this frame

    bool operator==(const FieldSpec&) const = default;
};

// One thing the page reports about a field.
struct FieldEvent {
    enum class Kind { kInput, kFocus, kBlur, kEnter, kTab, kEscape };
    Kind kind = Kind::kInput;
    uint32_t id = 0;
    std::string value;       // kInput: the whole value after the edit
    bool composing = false;  // kInput: an IME composition is still open
    bool shift = false;      // kTab: Shift+Tab
    float content_px = 0;    // kInput: the text's laid-out height (multi-line), 0 if unknown
};

// The person's edit of `base` (which made `edited`) applied to `replaced`, the text the program
// put in its place meanwhile; nullopt when both changed the same characters.
[[nodiscard]] std::optional<std::string> RebaseEdit(const std::string& base,
                                                    const std::string& edited,
                                                    const std::string& replaced);

// Parses one event from the page's JSON ({"id":1,"kind":"input","value":"..."}); nullopt when
// it is malformed (the glue is ours, so that is a bug, but it must never crash the app).
[[nodiscard]] std::optional<FieldEvent> ParseFieldEvent(const std::string& json);

// What happened to a field since its last frame.
struct FieldFrame {
    bool edited = false;   // the model was changed by the user this frame
    bool entered = false;  // Enter (single line), or the multi-line field's submit key
    bool tab = false;      // Tab, when the spec asked for it
    bool shift_tab = false;
    bool escape = false;
    bool focused = false;    // the page's focus is in this field
    bool composing = false;  // an IME composition is open (do not rewrite the value now)
    float content_px = 0;    // last known laid-out text height (multi-line), 0 if unknown
};

class TextFieldSync {
  public:
    // An event from the page; applied to its field at that field's next Submit().
    void Receive(FieldEvent event);
    // Describes a field for this frame and merges the page's edits into `*value`.
    FieldFrame Submit(const FieldSpec& spec, std::string* value);
    // Marks a field submitted this frame as covered by something drawn over it (it stays in
    // the page, keeping its focus and text, but is not shown).
    void SetHidden(uint32_t id, bool hidden);
    // Moves the page's focus into field `id` (a program request, e.g. after Autofill).
    void RequestFocus(uint32_t id) { m_focus_request = id; }
    // Takes the focus out of whatever field has it (a tap elsewhere, a screen change).
    void RequestBlur() { m_blur_request = true; }
    // The page update for the fields submitted since the last call, as JSON; empty when the
    // page already shows exactly that. Fields not submitted this frame are removed.
    [[nodiscard]] std::string TakePageUpdate();

    [[nodiscard]] uint32_t focused_id() const { return m_focused; }
    [[nodiscard]] size_t field_count() const { return m_fields.size(); }

  private:
    struct Field {
        FieldSpec spec_now;  // the spec submitted this frame
        FieldSpec shown;     // the spec the page has
        bool page_has_spec = false;
        std::string page_value;    // the value the page holds
        bool write_value = false;  // send `page_value` with the next update
        std::vector<FieldEvent> pending;
        bool composing = false;
        float content_px = 0;
        bool seen = false;  // submitted in the current frame
    };
    std::unordered_map<uint32_t, Field> m_fields;
    std::vector<uint32_t> m_order;       // this frame's submission order
    std::vector<uint32_t> m_last_order;  // the order the page has
    uint32_t m_focused = 0;
    uint32_t m_focus_request = 0;
    bool m_blur_request = false;
};

}  // namespace skyloom::ui
