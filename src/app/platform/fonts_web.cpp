// Font bytes: the shell starts fetching the fonts named in its asset map while the .wasm is still
// downloading (Module.skyloomFont(name) returns a Promise<ArrayBuffer>); this hands them to C++.
#include <emscripten.h>

#include <memory>

#include "platform/platform.h"

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_font_loaded(void* request, unsigned char* data, int size);

// clang-format off
EM_JS(void, skyloom_font_fetch, (const char* name, void* request), {
    Module.skyloomFont(UTF8ToString(name)).then(function(buffer) {
        var bytes = new Uint8Array(buffer);
        var p = _malloc(bytes.length);
        HEAPU8.set(bytes, p);
        _skyloom_font_loaded(request, p, bytes.length);
    }, function() { _skyloom_font_loaded(request, 0, 0); });
});
EM_JS(void, skyloom_fatal, (const char* message), {
    if (Module.skyloomFatal) Module.skyloomFatal(UTF8ToString(message));
});
// clang-format on

namespace skyloom::platform {

using FontCallback = std::function<void(std::vector<unsigned char>)>;

void LoadFont(const std::string& name, FontCallback done) {
    skyloom_font_fetch(name.c_str(), new FontCallback(std::move(done)));
}

void ShowFatalError(const std::string& message) { skyloom_fatal(message.c_str()); }

}  // namespace skyloom::platform

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_font_loaded(void* request, unsigned char* data, int size) {
    using skyloom::platform::FontCallback;
    std::unique_ptr<FontCallback> done(static_cast<FontCallback*>(request));
    std::vector<unsigned char> bytes;
    if (data != nullptr && size > 0) bytes.assign(data, data + size);
    free(data);
    skyloom::platform::PostToMainLoop(
        [done = std::move(*done), bytes = std::move(bytes)]() mutable { done(std::move(bytes)); });
}
