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
EM_JS(char*, skyloom_server_url, (const char* path), {
    var base = (Module.skyloomConfig && Module.skyloomConfig.api_base) || "";
    while (base.length && base.charAt(base.length - 1) === "/") { base = base.slice(0, -1); }
    var s = new URL((base || location.origin) + UTF8ToString(path), location.href).href;
    var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
// clang-format on

namespace skyloom::platform {
std::string ApiBase() {
    return AdoptJsString(skyloom_api_base());
}
std::string ServerUrl(const std::string& path) {
    return AdoptJsString(skyloom_server_url(path.c_str()));
}
}  // namespace skyloom::platform
