// Page layout shared by the form screens: a centred card whose width adapts from a 375 px phone
// to a desktop, placed a little above the vertical centre.
//
//   FormLayout layout = BeginFormPage(screen.card_height);   // last frame's measured height
//   ... card ...
//   screen.card_height = EndFormPage(layout);
#pragma once

#include <string>

#include "ui/fonts.h"

namespace skyloom::app {

struct FormLayout {
    float card_width = 0;
    float padding = 0;
    float top_y = 0;  // window-local y where the card starts
    float last_height = 0;
};

// Must be called inside the page window; positions the cursor where the card starts.
[[nodiscard]] FormLayout BeginFormPage(float last_card_height);
// Returns the card's height this frame, for the next frame's centring.
[[nodiscard]] float EndFormPage(const FormLayout& layout);

// The bottom of every form card: the form-level error (if any), then the full-width primary
// button, disabled with a spinner while `in_progress`. True when the user submits, by button
// or by pressing Enter in a field (`enter_pressed`).
[[nodiscard]] bool FormSubmitRow(const ui::FontSet& fonts, const char* label,
                                 const std::string& error, bool in_progress, bool enter_pressed);

// A centred "Prompt? Link" row, e.g. "New to Skyloom? Sign up". True when the link is clicked.
[[nodiscard]] bool PromptWithLink(const char* prompt, const char* link);

}  // namespace skyloom::app
