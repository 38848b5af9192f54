// URL hash routing and the page title. Back/forward and typed URLs arrive as hashchange events.
#include <emscripten.h>

#include "platform/js_string.h"
#include "platform/platform.h"

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_route_changed(const char* hash);

// clang-format off
EM_JS(char*, skyloom_route_get, (), {
    var s = window.location.hash || "";
    var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
EM_JS(void, skyloom_route_set, (const char* hash, int push), {
    var h = UTF8ToString(hash);
    if (window.location.hash === h) return;
    // history.* does not fire hashchange, so the app's own navigation never loops back.
    if (push) { history.pushState(null, "", h); } else { history.replaceState(null, "", h); }
});
EM_JS(void, skyloom_route_listen, (), {
    window.addEventListener("hashchange", function() {
        var s = window.location.hash || "";
        var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n);
        _skyloom_route_changed(p);
        _free(p);
    });
    window.addEventListener("popstate", function() {
        var s = window.location.hash || "";
        var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n);
        _skyloom_route_changed(p);
        _free(p);
    });
});
EM_JS(char*, skyloom_page_url, (const char* hash), {
    var s = location.href.split("#")[0] + UTF8ToString(hash);
    var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
EM_JS(void, skyloom_set_title, (const char* title), { document.title = UTF8ToString(title); });
// clang-format on

namespace skyloom::platform {
namespace {
std::function<void(std::string)>& Listener() {
    static std::function<void(std::string)> listener;
    return listener;
}
}  // namespace

std::string CurrentHash() {
    return AdoptJsString(skyloom_route_get());
}
void SetHash(const std::string& hash, bool push) {
    skyloom_route_set(hash.c_str(), push ? 1 : 0);
}
void SetTitle(const std::string& title) {
    skyloom_set_title(title.c_str());
}
std::string PageUrl(const std::string& hash) {
    return AdoptJsString(skyloom_page_url(hash.c_str()));
}

void OnHashChange(std::function<void(std::string)> listener) {
    Listener() = std::move(listener);
    skyloom_route_listen();
}

}  // namespace skyloom::platform

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_route_changed(const char* hash) {
    std::string value = hash;
    skyloom::platform::PostToMainLoop([value] {
        if (auto& listener = skyloom::platform::Listener()) listener(value);
    });
}
