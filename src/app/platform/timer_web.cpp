// One-shot timers; the callback runs at the start of a frame, which the timer wakes.
#include <emscripten.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <memory>

#include "platform/platform.h"

// clang-format off
EM_JS(double, skyloom_date_now, (), { return Date.now(); });
// clang-format on

namespace skyloom::platform {
namespace {
void Fire(void* user_data) {
    std::unique_ptr<std::function<void()>> fn(static_cast<std::function<void()>*>(user_data));
    PostToMainLoop(std::move(*fn));
}
void FireNow(void* user_data) {
    std::unique_ptr<std::function<void()>> fn(static_cast<std::function<void()>*>(user_data));
    (*fn)();
}
}  // namespace

void SetPageTimeout(double ms, std::function<void()> fn) {
    emscripten_set_timeout(FireNow, ms, new std::function<void()>(std::move(fn)));
}

void SetTimeout(double ms, std::function<void()> fn) {
    emscripten_set_timeout(Fire, ms, new std::function<void()>(std::move(fn)));
}

double NowMs() {
    return emscripten_get_now();
}

int64_t WallClockMs() {
    return static_cast<int64_t>(skyloom_date_now());
}

}  // namespace skyloom::platform
