#include "ui/scroll_chain.h"

#include <algorithm>
#include <cmath>

namespace skyloom::ui {

float ConsumeScroll(std::vector<ScrollAxis>& chain, float delta) {
    constexpr float kEpsilon = 0.01f;  // sub-pixel remainders are not worth passing on
    for (ScrollAxis& axis : chain) {
        if (std::fabs(delta) < kEpsilon) break;
        if (axis.max <= 0.0f) continue;
        const float next = std::clamp(axis.pos + delta, 0.0f, axis.max);
        delta -= next - axis.pos;
        axis.pos = next;
    }
    return std::fabs(delta) < kEpsilon ? 0.0f : delta;
}

}  // namespace skyloom::ui
