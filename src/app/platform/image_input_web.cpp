// Images into the app: the shell's file input, drag and drop onto the page, and pasted images.
// Files over the size limit are reported by size without reading them into memory, so a 2 GB
// video dropped by mistake costs nothing.
#include <emscripten.h>

#include <cstdint>
#include <string>

#include "platform/platform.h"

extern "C" {
EMSCRIPTEN_KEEPALIVE void skyloom_image_file(const char* name, const char* mime, double size,
                                             const uint8_t* bytes, uint32_t length);
EMSCRIPTEN_KEEPALIVE void skyloom_image_drag(int dragging);
}

// clang-format off
EM_JS(void, skyloom_image_input_install, (double max_bytes), {
    function cString(text) {
        var n = lengthBytesUTF8(text) + 1; var p = _malloc(n); stringToUTF8(text, p, n); return p;
    }
    function deliver(file) {
        function send(data) {
            var name = cString(file.name || "pasted image");
            var mime = cString(file.type || "");
            var p = data && data.length ? _malloc(data.length) : 0;
            if (p) HEAPU8.set(data, p);
            _skyloom_image_file(name, mime, file.size, p, p ? data.length : 0);
            _free(name); _free(mime); if (p) _free(p);
        }
        if (file.size > max_bytes) { send(null); return; }
        file.arrayBuffer().then(function(buffer) { send(new Uint8Array(buffer)); },
                                function() { send(null); });
    }
    function hasFiles(e) {
        return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0;
    }
    var input = document.getElementById("file-input");
    input.addEventListener("change", function() {
        if (input.files && input.files.length) deliver(input.files[0]);
        input.value = "";  // choosing the same file again fires change again
    });
    // dragenter/dragleave fire for every element crossed; count them to know when we left.
    var depth = 0;
    window.addEventListener("dragenter", function(e) {
        if (!hasFiles(e)) return;
        e.preventDefault();
        if (depth++ === 0) _skyloom_image_drag(1);
    });
    window.addEventListener("dragover", function(e) {
        if (!hasFiles(e)) return;
        e.preventDefault();  // allows the drop
        e.dataTransfer.dropEffect = "copy";
    });
    window.addEventListener("dragleave", function(e) {
        if (!hasFiles(e)) return;
        if (--depth <= 0) { depth = 0; _skyloom_image_drag(0); }
    });
    window.addEventListener("drop", function(e) {
        if (!hasFiles(e)) return;
        e.preventDefault();  // never navigate away to the dropped file
        depth = 0;
        _skyloom_image_drag(0);
        if (e.dataTransfer.files.length) deliver(e.dataTransfer.files[0]);
    });
    document.addEventListener("paste", function(e) {
        var items = e.clipboardData ? e.clipboardData.items : [];
        for (var i = 0; i < items.length; i++) {
            if (items[i].kind === "file" && items[i].type.indexOf("image/") === 0) {
                var file = items[i].getAsFile();
                if (file) { deliver(file); return; }
            }
        }
    });
});
EM_JS(void, skyloom_image_input_open, (), {
    document.getElementById("file-input").click();
});
// clang-format on

namespace skyloom::platform {
namespace {

struct Listeners {
    std::function<void(PickedFile)> on_file;
    std::function<void(bool)> on_drag;
};

Listeners& GetListeners() {
    static Listeners listeners;
    return listeners;
}

}  // namespace

void InstallImageInput(uint64_t max_bytes, std::function<void(PickedFile)> on_file,
                       std::function<void(bool)> on_drag) {
    GetListeners() = Listeners{std::move(on_file), std::move(on_drag)};
    skyloom_image_input_install(static_cast<double>(max_bytes));
}

void OpenImagePicker() {
    skyloom_image_input_open();
}

}  // namespace skyloom::platform

using skyloom::platform::GetListeners;

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_image_file(const char* name, const char* mime,
                                                        double size, const uint8_t* bytes,
                                                        uint32_t length) {
    skyloom::platform::PickedFile file;
    file.name = name;
    file.mime = mime;
    file.size = static_cast<uint64_t>(size);
    if (bytes != nullptr) file.bytes.assign(reinterpret_cast<const char*>(bytes), length);
    skyloom::platform::PostToMainLoop([file = std::move(file)]() mutable {
        if (GetListeners().on_file) GetListeners().on_file(std::move(file));
    });
}

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_image_drag(int dragging) {
    skyloom::platform::PostToMainLoop([dragging] {
        if (GetListeners().on_drag) GetListeners().on_drag(dragging != 0);
    });
}
