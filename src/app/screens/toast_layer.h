// Toasts: short messages stacked at the bottom centre, above every screen.
#pragma once

#include <vector>

#include "state/app_state.h"

namespace skyloom::app {
void DrawToasts(const std::vector<Toast>& toasts);
}
