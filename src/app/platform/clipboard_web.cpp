// ImGui clipboard <-> the operating system's clipboard.
// Paste: SDL leaves Ctrl/Cmd+V's keydown un-prevented while text input is on, so the browser
// fires a `paste` event (before the next frame); we keep its text, and ImGui reads it when it
// handles the key in that frame. Copy/cut: ImGui hands us the text; navigator.clipboard takes it
// (allowed within the key press's user activation). A local copy keeps in-app copy/paste working
// where the async clipboard API is denied.
#include <emscripten.h>

#include <string>

#include "imgui.h"
#include "platform/js_string.h"
#include "platform/platform.h"

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_clipboard_pasted(const char* text);

// clang-format off
EM_JS(void, skyloom_clipboard_install, (), {
    Module.skyloomClipboard = "";
    document.addEventListener("paste", function(e) {
        // A paste into one of the page's text fields is the field's own (text_fields_web.js).
        if (e.target && e.target.skyloomFieldId) return;
        var text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
        if (text) {
            Module.skyloomClipboard = text;
            var n = lengthBytesUTF8(text) + 1; var p = _malloc(n); stringToUTF8(text, p, n);
            _skyloom_clipboard_pasted(p);
            _free(p);
        }
        e.preventDefault();
    });
});
EM_JS(void, skyloom_clipboard_write, (const char* text), {
    var s = UTF8ToString(text);
    Module.skyloomClipboard = s;
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(s).catch(function() {});
    }
});
EM_JS(char*, skyloom_clipboard_read, (), {
    var s = Module.skyloomClipboard || "";
    var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
// clang-format on

namespace skyloom::platform {
namespace {

std::function<void(std::string)>& PasteListener() {
    static std::function<void(std::string)> listener;
    return listener;
}

// ImGui keeps the returned pointer until the next call, so the text lives here.
std::string& ClipboardText() {
    static std::string text;
    return text;
}

const char* GetClipboard(void*) {
    ClipboardText() = AdoptJsString(skyloom_clipboard_read());
    return ClipboardText().c_str();
}

void SetClipboard(void*, const char* text) {
    skyloom_clipboard_write(text);
}

}  // namespace

void InstallClipboard() {
    skyloom_clipboard_install();
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = GetClipboard;
    io.SetClipboardTextFn = SetClipboard;
    io.ClipboardUserData = nullptr;
}

void OnPaste(std::function<void(std::string)> listener) {
    PasteListener() = std::move(listener);
}

}  // namespace skyloom::platform

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_clipboard_pasted(const char* text) {
    std::string value = text;
    skyloom::platform::PostToMainLoop([value] {
        if (auto& listener = skyloom::platform::PasteListener()) listener(value);
    });
}
