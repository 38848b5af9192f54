// #/u/USERNAME: a creator's portfolio. A header with the name, counts and Subscribe /
// Unsubscribe, then the creator's posts and memes as a grid of tiles (images, or the text of
// text-only posts); a tile opens the post. Pages load as the reader scrolls.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/models.h"  // core: UserProfile
#include "screens/social_action.h"
#include "ui/feed_model.h"      // core
#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

class ImageLibrary;

struct PortfolioScreen {
    std::string username;  // whose portfolio (the route's param)
    std::optional<UserProfile> profile;
    ui::RequestStatus profile_request;
    ui::RequestStatus subscribe_request;  // Subscribe or Unsubscribe in flight
    ui::FeedModel posts;                  // author=username, newest first
    int last_visible = -1;                // index of the last tile drawn (prefetch + tests)
};

// `blur_sensitive`: the reader's setting; sensitive images show their placeholder only.
[[nodiscard]] SocialAction DrawPortfolioScreen(PortfolioScreen& screen, const std::string& user,
                                               bool blur_sensitive, const ui::FontSet& fonts,
                                               ImageLibrary& images);

}  // namespace skyloom::app
