// What a visitor sees where a member's composer (or "Start a group") would be: what joining
// gives, and the ways in. Its buttons sign in or up and then come back to the same page.
#pragma once

#include "screens/feed_screen.h"

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

void DrawJoinCard(float width, const ui::FontSet& fonts, const char* pitch, FeedAction& action);

}  // namespace skyloom::app
