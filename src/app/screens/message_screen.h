// A simple centred card with a title, a message and one action: used for screens that are
// not built yet and for the signed-in landing page until the feed lands.
#pragma once

#include <string>

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

struct MessageScreen {
    float card_height = 0;  // layout cache
};

// Returns true when the action link was clicked.
[[nodiscard]] bool DrawMessageScreen(MessageScreen& screen, const ui::FontSet& fonts,
                                     const char* title, const std::string& message,
                                     const char* action_label);

}  // namespace skyloom::app
