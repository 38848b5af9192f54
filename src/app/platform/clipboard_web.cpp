// The clipboard outside the page's text fields (inside them it is the browser's own, see
// text_fields_web.js): paste events anywhere (a verification code pasted on the page) reach the
// app; CopyToClipboard() writes through navigator.clipboard within the click that asked for it;
// ImGui's own clipboard hooks point at the same text so nothing copies into a void.
#include <emscripten.h>

#include <string>

#include "imgui.h"
#include "platform/js_string.h"
#include "platform/platform.h"

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_clipboard_pasted(const char* text);

// clang-format off
EM_JS(void, skyloom_clipboard_install, (), {
    Module.skyloomClipboard = "";
    // SDL prevents the default of every Ctrl chord, which would stop the browser from firing
    // copy, cut and paste: outside the page's text fields (whose own listeners keep keys from
    // SDL) those three go to the browser instead, so selected text copies and Ctrl+V pastes.
    window.addEventListener("keydown", function(e) {
        if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
        var key = (e.key || "").toLowerCase();
        if (key !== "c" && key !== "x" && key !== "v") return;
        if (e.target && e.target.skyloomFieldId) return;
        e.stopImmediatePropagation();
    }, true);
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

void CopyToClipboard(const std::string& text) {
    skyloom_clipboard_write(text.c_str());
}

}  // namespace skyloom::platform

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_clipboard_pasted(const char* text) {
    std::string value = text;
    skyloom::platform::PostToMainLoop([value] {
        if (auto& listener = skyloom::platform::PasteListener()) listener(value);
    });
}
