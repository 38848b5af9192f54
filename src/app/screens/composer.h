// The composer card: the draft, its attached image (preview, sizes before/after, progress,
// Cancel/Remove, errors in words), the group picker, the counter and Post.
#pragma once

#include <vector>

#include "model/models.h"  // core: Group
#include "screens/feed_screen.h"

namespace skyloom::app {

// The screen owns the draft text field (edits it in place); everything else is an action.
void DrawComposer(Composer& composer, const std::vector<Group>& groups, float width,
                  const ui::FontSet& fonts, FeedAction& action);

}  // namespace skyloom::app
