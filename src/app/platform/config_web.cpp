// Runtime configuration the shell loaded from config.json before starting the app.
#include <emscripten.h>

#include "platform/js_string.h"
#include "platform/platform.h"

// clang-format off
EM_JS(char*, skyloom_api_base, (), {
    var s = (Module.skyloomConfig && Module.skyloomConfig.api_base) || "";
    while (s.length && s.charAt(s.length - 1) === "/") { s = s.slice(0, -1); }
    var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
// clang-format on

namespace skyloom::platform {
std::string ApiBase() { return AdoptJsString(skyloom_api_base()); }
}  // namespace skyloom::platform
