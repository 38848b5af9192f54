// Selectable text over the canvas: the C side of text_layer_web.js (see ui/selectable_text.h).
#include <emscripten.h>

#include "platform/platform.h"

extern "C" {
// text_layer_web.js
void skyloom_text_layer_install(const char* font_family);
void skyloom_text_layer_update(const char* update_json);
}

namespace skyloom::platform {

void InstallTextLayer(const std::string& font_family) {
    skyloom_text_layer_install(font_family.c_str());
}

void UpdateTextLayer(const std::string& update_json) {
    skyloom_text_layer_update(update_json.c_str());
}

}  // namespace skyloom::platform
