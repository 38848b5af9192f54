// Text the reader can select and copy like text on any page (post bodies), although ImGui draws
// it: a transparent copy of each line sits over the drawn glyphs in the page's DOM
// (platform/text_layer_web.*), so a mouse drag or a long press selects it natively and
// Ctrl/Cmd+C or the phone's Copy takes it. Lines are cut exactly where ImGui wraps them and
// stretched to the drawn width, so the selection highlight lands on the drawn words. Text the
// atlas cannot draw is laid out by the browser instead (the same way it is drawn).
//
//   ui::SelectableText("post-7", text_pos, post.text, font, wrap_width);  // after drawing it
//   ...
//   ImGui::Render();  ui::FinishSelectableTextFrame();                  // once a frame
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace skyloom::ui {

// One line of wrapped text as ImGui draws it.
struct WrappedLine {
    size_t begin = 0, end = 0;  // byte range in the text
    float y = 0;                // top, relative to the text's origin
    float width = 0;            // drawn width
    bool hard_break = false;    // ended by '\n' (else wrapped, and a space was eaten)
};

// Splits `text` into the lines ImFont::RenderText draws at `wrap_width` (<= 0: no wrap).
[[nodiscard]] std::vector<WrappedLine> WrapLines(std::string_view text, ImFont* font, float size,
                                                 float wrap_width);

// Makes the text drawn at `pos` (same font, size and wrap width as the drawing) selectable.
void SelectableText(const std::string& id, ImVec2 pos, std::string_view text, ImFont* font,
                    float wrap_width);

// After ImGui::Render(): hides blocks other windows cover and sends the page update.
void FinishSelectableTextFrame();

}  // namespace skyloom::ui
