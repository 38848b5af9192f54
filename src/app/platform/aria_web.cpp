// The page's accessibility mirror: C side of aria_web.js (see there and core/ui/aria_tree.h).
#include <emscripten.h>

#include "platform/platform.h"

extern "C" {
void skyloom_aria_install();
void skyloom_aria_update(const char* patch_json, const char* focus_key);
EMSCRIPTEN_KEEPALIVE void skyloom_aria_event(const char* kind, const char* key);
}

namespace skyloom::platform {
namespace {
std::function<void(const std::string&, const std::string&)>& Listener() {
    static std::function<void(const std::string&, const std::string&)> listener;
    return listener;
}
}  // namespace

void InstallAria(std::function<void(const std::string& kind, const std::string& key)> on_event) {
    Listener() = std::move(on_event);
    skyloom_aria_install();
}

void UpdateAria(const std::string& patch_json, const std::string& focus_key) {
    skyloom_aria_update(patch_json.c_str(), focus_key.c_str());
}

}  // namespace skyloom::platform

extern "C" void skyloom_aria_event(const char* kind, const char* key) {
    // Applied at the start of the next frame, like every other page event (and it wakes it).
    skyloom::platform::PostToMainLoop([kind = std::string(kind), key = std::string(key)] {
        if (auto& listener = skyloom::platform::Listener()) listener(kind, key);
    });
}
