// Canvas backing-store size and devicePixelRatio. The canvas's CSS size follows the window
// (shell/index.html); its pixel size must be CSS size x devicePixelRatio for crisp output.
// A ratio change without a resize (window dragged to another monitor, zoom) is caught with a
// matchMedia query that is re-armed at each new ratio.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>

#include "platform/platform.h"

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_pixel_ratio_changed();

// clang-format off
EM_JS(void, skyloom_watch_pixel_ratio, (), {
    function arm() {
        var query = window.matchMedia("(resolution: " + window.devicePixelRatio + "dppx)");
        query.addEventListener("change", function onChange() {
            query.removeEventListener("change", onChange);
            _skyloom_pixel_ratio_changed();
            arm();
        });
    }
    arm();
});
// clang-format on

namespace skyloom::platform {
namespace {
std::function<void()>& Listener() {
    static std::function<void()> listener;
    return listener;
}
constexpr const char* kCanvas = "#canvas";
}  // namespace

float DevicePixelRatio() {
    return static_cast<float>(emscripten_get_device_pixel_ratio());
}

void SyncCanvasSize() {
    double css_w = 0, css_h = 0;
    if (emscripten_get_element_css_size(kCanvas, &css_w, &css_h) != EMSCRIPTEN_RESULT_SUCCESS)
        return;
    const double ratio = emscripten_get_device_pixel_ratio();
    // Rounded down, as SDL's window creation sizes it: at the same size, the first frame finds
    // nothing to change (each resize of a WebGL canvas reallocates its drawing buffer, tens
    // of ms on a software-rendered first load).
    const int want_w = std::max(1, static_cast<int>(std::floor(css_w * ratio)));
    const int want_h = std::max(1, static_cast<int>(std::floor(css_h * ratio)));
    int w = 0, h = 0;
    emscripten_get_canvas_element_size(kCanvas, &w, &h);
    if (w != want_w || h != want_h) emscripten_set_canvas_element_size(kCanvas, want_w, want_h);
}

void OnPixelRatioChange(std::function<void()> listener) {
    Listener() = std::move(listener);
    skyloom_watch_pixel_ratio();
}

}  // namespace skyloom::platform

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_pixel_ratio_changed() {
    skyloom::platform::PostToMainLoop([] {
        if (auto& listener = skyloom::platform::Listener()) listener();
    });
}
