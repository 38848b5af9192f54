// Real DOM text fields over ImGui's text fields: the C side of text_fields_web.js.
// The page reports edits, focus and keys as JSON events; they reach the app's TextFieldSync at
// once (so the frame that follows shows them) and wake the loop.
#include <emscripten.h>

#include <string>

#include "platform/platform.h"

extern "C" {
// text_fields_web.js
void skyloom_fields_install(const char* theme_json);
void skyloom_fields_update(const char* update_json);
void skyloom_fields_blur();
EMSCRIPTEN_KEEPALIVE void skyloom_field_event(const char* json);
}

namespace skyloom::platform {
namespace {
std::function<void(const std::string&)>& Listener() {
    static std::function<void(const std::string&)> listener;
    return listener;
}
}  // namespace

void InstallTextFields(const std::string& theme_json,
                       std::function<void(const std::string& event_json)> on_event) {
    Listener() = std::move(on_event);
    skyloom_fields_install(theme_json.c_str());
}

void UpdateTextFields(const std::string& update_json) {
    if (!update_json.empty()) skyloom_fields_update(update_json.c_str());
}

void BlurTextFields() {
    skyloom_fields_blur();
}

}  // namespace skyloom::platform

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_field_event(const char* json) {
    // Applied now, not through the main-loop queue: the next frame must already see the edit.
    if (auto& listener = skyloom::platform::Listener()) listener(json);
    skyloom::platform::RequestFrames();
}
