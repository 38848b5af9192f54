// One post as a card: author, relative time (opens the post), word-wrapped text, and Delete on
// the reader's own posts. Heights are measured exactly from the wrapped text so the feed can
// place cards without submitting them (see feed_screen.cpp's virtualization).
#pragma once

#include <cstdint>
#include <string>

#include "imgui.h"
#include "model/models.h"  // core: Post

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

enum class PostCardAction { None, Open, Delete };

// Height of the card for `post` at `width`, with the body font current.
[[nodiscard]] float MeasurePostCard(const Post& post, float width, const ui::FontSet& fonts);
// Draws the card with its top-left at the cursor; `height` from MeasurePostCard.
[[nodiscard]] PostCardAction DrawPostCard(const Post& post, float width, float height, bool own,
                                          const ui::FontSet& fonts, int64_t now_wall_ms);

}  // namespace skyloom::app
