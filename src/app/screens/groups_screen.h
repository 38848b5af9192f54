// Groups (categories of posts): #/groups lists them with a form to start one; a group's page
// (#/g/ID) is the feed screen with the header drawn here instead of the tabs.
#pragma once

#include "screens/feed_screen.h"

namespace skyloom::app {

// `member`: signed in (a visitor gets the join card instead of "Start a group").
[[nodiscard]] FeedAction DrawGroupsScreen(FeedScreen& screen, bool member,
                                          const ui::FontSet& fonts);
// Name, description, owner; "Delete group" for its owner. Returns the header's height used.
void DrawGroupHeader(const FeedScreen& screen, const std::string& user, float width,
                     const ui::FontSet& fonts, FeedAction& action);

}  // namespace skyloom::app
