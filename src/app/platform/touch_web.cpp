// Touches on the canvas and the page's text fields: the C side of touch_web.js. Each changed
// touch reaches the listener at once (the gesture needs every point with its time) and wakes
// the loop. SDL's own touch-to-mouse translation is turned off: taps become clicks through the
// gesture recognizer instead, so a drag never clicks.
#include <emscripten.h>

#include <SDL.h>

#include "platform/platform.h"

extern "C" {
void skyloom_touch_install();  // touch_web.js
EMSCRIPTEN_KEEPALIVE void skyloom_touch(int type, int id, double x, double y, double t_ms,
                                        int target);
}

namespace skyloom::platform {
namespace {
using TouchListener = std::function<void(int, int, float, float, double, int)>;
TouchListener& Listener() {
    static TouchListener listener;
    return listener;
}
}  // namespace

void InstallTouch(TouchListener listener) {
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    Listener() = std::move(listener);
    skyloom_touch_install();
}

}  // namespace skyloom::platform

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_touch(int type, int id, double x, double y,
                                                   double t_ms, int target) {
    if (auto& listener = skyloom::platform::Listener())
        listener(type, id, static_cast<float>(x), static_cast<float>(y), t_ms, target);
}
