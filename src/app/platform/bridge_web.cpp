// window.skyloom: the automation bridge's page API (contract in ../shared/DESIGN.md).
//   skyloom.items()  -> last frame's interactive items, page CSS pixels
//   skyloom.state()  -> app state summary
//   skyloom.frames   -> frames rendered so far (idle checks)
//   skyloom.firstFormAt -> performance.now() of the first frame showing the sign-in form
//   skyloom.frameMs  -> CPU ms of the last 2000 frames (performance.now around a tick)
//   skyloom.mirrorMs -> CPU ms of the accessibility mirror's upkeep in those frames
//   skyloom.onFrame  -> set by a benchmark: called after each rendered frame with its number
#include <emscripten.h>

#include "bridge/bridge.h"
#include "platform/platform.h"

namespace {
// Owned here so the pointers handed to JS stay valid until the next call.
struct BridgeWeb {
    std::function<std::string()> state_json;
    std::string items;
    std::string state;
};
BridgeWeb& Web() {
    static BridgeWeb web;
    return web;
}
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE const char* skyloom_bridge_items() {
    Web().items = skyloom::bridge::ItemsJson();
    return Web().items.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* skyloom_bridge_state() {
    Web().state = Web().state_json ? Web().state_json() : std::string("{}");
    return Web().state.c_str();
}

// clang-format off
EM_JS(void, skyloom_bridge_install, (), {
    var api = window.skyloom = window.skyloom || {};
    api.frames = 0;
    api.firstFormAt = null;
    api.frameMs = [];
    api.mirrorMs = [];
    api.items = function() {
        var r = Module.canvas.getBoundingClientRect();
        var items = JSON.parse(UTF8ToString(_skyloom_bridge_items()));
        for (var i = 0; i < items.length; i++) { items[i].x += r.left; items[i].y += r.top; }
        return items;
    };
    api.state = function() { return JSON.parse(UTF8ToString(_skyloom_bridge_state())); };
});
EM_JS(void, skyloom_bridge_frame, (int sign_in_form_visible, double frame_ms, double mirror_ms), {
    var api = window.skyloom;
    api.frames++;
    api.frameMs.push(frame_ms);
    api.mirrorMs.push(mirror_ms);
    if (api.frameMs.length > 2000) { api.frameMs.splice(0, api.frameMs.length - 2000); }
    if (api.mirrorMs.length > 2000) { api.mirrorMs.splice(0, api.mirrorMs.length - 2000); }
    if (api.frames === 1 && Module.skyloomReady) { Module.skyloomReady(); }
    if (sign_in_form_visible && api.firstFormAt === null) { api.firstFormAt = performance.now(); }
    if (api.onFrame) { api.onFrame(api.frames); }  /* benchmarks: what each frame shows */
});
// clang-format on

namespace skyloom::platform {

void InstallBridge(std::function<std::string()> state_json) {
    Web().state_json = std::move(state_json);
    skyloom_bridge_install();
}

void NotifyFrameRendered(bool sign_in_form_visible, double frame_cpu_ms, double mirror_cpu_ms) {
    skyloom_bridge_frame(sign_in_form_visible ? 1 : 0, frame_cpu_ms, mirror_cpu_ms);
}

}  // namespace skyloom::platform
