// Focus and visibility: the app refreshes time-sensitive data (the notification bell) when the
// reader comes back to the tab, instead of polling while nobody looks.
#include <emscripten.h>

#include "platform/platform.h"

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_focus_changed();

// clang-format off
EM_JS(void, skyloom_focus_listen, (), {
    window.addEventListener("focus", function() { _skyloom_focus_changed(); });
    document.addEventListener("visibilitychange", function() {
        if (document.visibilityState === "visible") _skyloom_focus_changed();
    });
});
// clang-format on

namespace skyloom::platform {
namespace {
std::function<void()>& Listener() {
    static std::function<void()> listener;
    return listener;
}
}  // namespace

void OnFocus(std::function<void()> listener) {
    Listener() = std::move(listener);
    skyloom_focus_listen();
}

}  // namespace skyloom::platform

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_focus_changed() {
    skyloom::platform::PostToMainLoop([] {
        if (auto& listener = skyloom::platform::Listener()) listener();
    });
}
