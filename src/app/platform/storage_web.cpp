// window.localStorage; every call tolerates storage being unavailable (private mode, quotas).
#include <emscripten.h>

#include "platform/js_string.h"
#include "platform/platform.h"

// clang-format off
EM_JS(char*, skyloom_storage_get, (const char* key), {
    var s = null;
    try { s = window.localStorage.getItem(UTF8ToString(key)); } catch (e) {}
    if (s === null) return 0;
    var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
EM_JS(void, skyloom_storage_set, (const char* key, const char* value), {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});
EM_JS(void, skyloom_storage_remove, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});
// clang-format on

namespace skyloom::platform {

std::optional<std::string> StorageGet(const std::string& key) {
    char* value = skyloom_storage_get(key.c_str());
    if (value == nullptr) return std::nullopt;
    return AdoptJsString(value);
}

void StorageSet(const std::string& key, const std::string& value) {
    skyloom_storage_set(key.c_str(), value.c_str());
}

void StorageRemove(const std::string& key) { skyloom_storage_remove(key.c_str()); }

}  // namespace skyloom::platform
