// Overlays of the feed: an image shown full size over a dimmed page (click or Esc closes), and
// the drop target shown while a file is dragged over the page.
#pragma once

#include "screens/feed_screen.h"

namespace skyloom::app {

void DrawImageViewer(const MediaRef& media, const ui::FontSet& fonts, ImageLibrary& images,
                     FeedAction& action);
void DrawDropTarget(const ui::FontSet& fonts,
                    const char* text = "Drop the image to add it to your post");

}  // namespace skyloom::app
