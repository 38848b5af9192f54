// One post as a card: author, relative time (opens the post), the group it was posted in,
// word-wrapped text, its image (placeholder first, click for full size), and Delete on the
// reader's own posts; "Remix" on every meme (opens the editor with its background and boxes).
// Heights are measured exactly from the wrapped text so the feed can place cards without submitting
// them (see feed_screen.cpp's virtualization).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"
#include "model/models.h"  // core: Post

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

class ImageLibrary;

// Remix: open the meme editor on this meme. OpenAuthor: the author's name was clicked (their
// portfolio, #/u/NAME).
enum class PostCardAction {
    None,
    Open,
    Delete,
    OpenImage,
    OpenGroup,
    RevealImage,
    Remix,
    OpenAuthor,
    CopyText,  // from the card's "More" menu: the post's text to the clipboard
    CopyLink,  // ... and a link to the post (#/post/ID on this site)
};

// The image's height in a card of inner width `width`: its aspect ratio, clamped so very tall
// or very wide images do not take over the feed (the rest is cropped, centred).
[[nodiscard]] float PostImageHeight(const MediaRef& media, float width);

// Height of the card for `post` at `width`, with the body font current.
[[nodiscard]] float MeasurePostCard(const Post& post, float width, const ui::FontSet& fonts);
// A card the virtualized list does not draw, for the page's mirror only (screen readers read
// every loaded post): an article with author, time, text and the image's alt text.
void MirrorPostCard(const Post& post, int64_t now_wall_ms);
// Prepares the card's text for drawing (text in scripts the browser rasterises) a little ahead
// of it scrolling into view.
void PrefetchPostCard(const Post& post, float width, const ui::FontSet& fonts);
// Draws the card with its top-left at the cursor; `height` from MeasurePostCard.
// `revealed`: the reader asked to see this sensitive image (it is blurred until then).
[[nodiscard]] PostCardAction DrawPostCard(const Post& post, float width, float height, bool own,
                                          bool revealed, const ui::FontSet& fonts,
                                          ImageLibrary& images, int64_t now_wall_ms);
// "AI: Neutral 92% · Drawing 6%": the server's top labels, shown under the image.
[[nodiscard]] std::string LabelLine(const std::vector<MediaLabel>& labels);

}  // namespace skyloom::app
