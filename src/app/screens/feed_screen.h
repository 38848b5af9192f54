// The feed: Explore (#/feed) and Me (#/me) tabs, the composer, and an endless list of posts.
// Only the cards that intersect the view are submitted; every card's height is measured once
// from its wrapped text and cached by post id (re-measured when the column width changes).
// #/post/ID shows one post with the same card (DrawPostScreen).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/models.h"       // core: Post
#include "ui/feed_model.h"      // core
#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

enum class FeedTab { kExplore, kMe };

struct Composer {
    std::string draft;          // kept on failure; cleared once the post exists
    ui::RequestStatus request;  // the create call
    std::string error;
};

struct FeedScreen {
    ui::FeedModel explore;
    ui::FeedModel me;
    Composer composer;
    std::string confirm_delete_id;  // non-empty: the confirmation dialog is open for it
    ui::RequestStatus delete_request;
    // #/post/ID
    std::string post_id;
    std::optional<Post> post;
    ui::RequestStatus post_request;

    // Layout caches (not data): measured card heights by post id, valid for one width/font.
    std::unordered_map<std::string, float> heights;
    float heights_width = 0;
    float heights_font_size = 0;
    std::vector<float> offsets;  // scratch: each card's top within the list
    float scroll_target = -1;    // smooth wheel scrolling: where the list is heading
    float fling_velocity = 0;    // px/s left from a touch drag
    int last_visible_row = -1;   // for tests and prefetch

    [[nodiscard]] ui::FeedModel& Model(FeedTab tab) { return tab == FeedTab::kMe ? me : explore; }
    [[nodiscard]] const ui::FeedModel& Model(FeedTab tab) const {
        return tab == FeedTab::kMe ? me : explore;
    }
};

enum class FeedActionKind {
    None,
    ShowExplore,
    ShowMe,
    SubmitPost,
    Retry,
    OpenPost,
    AskDelete,
    ConfirmDelete,
    CancelDelete,
    BackToFeed,
    RetryPost,
};

struct FeedAction {
    FeedActionKind kind = FeedActionKind::None;
    std::string post_id;
    bool load_more = false;  // the reader is near the end of what is loaded
};

// Call inside a window created with ImGuiWindowFlags_NoScrollWithMouse: the feed scrolls itself
// (smoothed wheel, touch drag with fling).
[[nodiscard]] FeedAction DrawFeedScreen(FeedScreen& screen, FeedTab tab, const std::string& user,
                                        const ui::FontSet& fonts, int64_t now_wall_ms);
[[nodiscard]] FeedAction DrawPostScreen(FeedScreen& screen, const std::string& user,
                                        const ui::FontSet& fonts, int64_t now_wall_ms);

}  // namespace skyloom::app
