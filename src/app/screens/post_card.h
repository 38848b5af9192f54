// One post as a card: author, relative time (opens the post), the group it was posted in,
// word-wrapped text, its image (placeholder first, click for full size), and Delete on the
// reader's own posts. Heights are measured exactly from the wrapped text so the feed can
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

class ImageLibrary;

enum class PostCardAction { None, Open, Delete, OpenImage, OpenGroup };

// The image's height in a card of inner width `width`: its aspect ratio, clamped so very tall
// or very wide images do not take over the feed (the rest is cropped, centred).
[[nodiscard]] float PostImageHeight(const MediaRef& media, float width);

// Height of the card for `post` at `width`, with the body font current.
[[nodiscard]] float MeasurePostCard(const Post& post, float width, const ui::FontSet& fonts);
// Draws the card with its top-left at the cursor; `height` from MeasurePostCard.
[[nodiscard]] PostCardAction DrawPostCard(const Post& post, float width, float height, bool own,
                                          const ui::FontSet& fonts, ImageLibrary& images,
                                          int64_t now_wall_ms);

}  // namespace skyloom::app
