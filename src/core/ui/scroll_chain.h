// Nested scrolling: a drag scrolls the innermost scrollable area under the finger; what it
// cannot take (it is at its end) passes to the next one out, as on any touch screen.
//
//   std::vector<ScrollAxis> chain = {{inner.y, inner.max}, {outer.y, outer.max}};
//   float left = ConsumeScroll(chain, dy);   // chain[i].pos updated; left == dy: nothing moved
#pragma once

#include <vector>

namespace skyloom::ui {

struct ScrollAxis {
    float pos = 0;  // current offset
    float max = 0;  // largest offset (0: cannot scroll)
};

// Adds `delta` to the chain's offsets, innermost first, each clamped to [0, max]; returns what
// no area could take.
[[nodiscard]] float ConsumeScroll(std::vector<ScrollAxis>& chain, float delta);

}  // namespace skyloom::ui
