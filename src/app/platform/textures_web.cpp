// Images as GL textures. Encoded images are decoded by the browser with createImageBitmap,
// which runs off the main thread with the platform's SIMD decoders, and uploaded straight from
// the ImageBitmap: the pixels never pass through the WASM heap and the UI never stalls on a
// decode (docs/benchmarks.md compares this with stb_image in WASM).
//
// Textures made in JS are registered in emscripten's GL object table, so the C side binds and
// deletes them by name like any other (ImTextureID = the GL name).
#include <GLES3/gl3.h>
#include <emscripten.h>

#include <cstdint>
#include <string>
#include <unordered_map>

#include "platform/platform.h"

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_texture_done(uint32_t id, uint32_t handle, int width,
                                                          int height, const char* error);

// clang-format off
// Source: a URL (bytes == 0) or `size` bytes at `bytes` with MIME type `mime`.
EM_JS(void, skyloom_texture_load, (uint32_t id, const char* url, const uint8_t* bytes,
                                   uint32_t size, const char* mime), {
    function fail(message) {
        var n = lengthBytesUTF8(message) + 1; var p = _malloc(n); stringToUTF8(message, p, n);
        _skyloom_texture_done(id, 0, 0, 0, p);
        _free(p);
    }
    var blob;
    if (bytes) {
        blob = Promise.resolve(new Blob([HEAPU8.slice(bytes, bytes + size)],
                                        {type: UTF8ToString(mime)}));
    } else {
        blob = fetch(UTF8ToString(url)).then(function(r) {
            if (!r.ok) throw new Error("HTTP " + r.status);
            return r.blob();
        });
    }
    blob.then(function(b) {
        return createImageBitmap(b, {premultiplyAlpha: "none", colorSpaceConversion: "none"});
    }).then(function(bitmap) {
        var gl = GLctx;
        var texture = gl.createTexture();
        var name = GL.getNewId(GL.textures);
        texture.name = name;
        GL.textures[name] = texture;
        gl.bindTexture(gl.TEXTURE_2D, texture);
        gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
        gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bitmap);
        // Mipmaps: feed images are drawn at about half their size on most screens.
        gl.generateMipmap(gl.TEXTURE_2D);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR_MIPMAP_LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        gl.bindTexture(gl.TEXTURE_2D, null);  // ImGui binds per draw call
        var w = bitmap.width, h = bitmap.height;
        bitmap.close();
        _skyloom_texture_done(id, name, w, h, 0);
    }).catch(function(e) { fail(String(e && e.message || e)); });
});
// clang-format on

namespace skyloom::platform {
namespace {

using TextureCallback = std::function<void(Result<Texture>)>;

std::unordered_map<uint32_t, TextureCallback>& Pending() {
    static std::unordered_map<uint32_t, TextureCallback> pending;
    return pending;
}

uint32_t Register(TextureCallback done) {
    static uint32_t next_id = 1;
    Pending()[next_id] = std::move(done);
    return next_id++;
}

}  // namespace

size_t TextureBytes(int width, int height) {
    return static_cast<size_t>(width) * static_cast<size_t>(height) * 4 * 4 / 3;  // + mipmaps
}

void LoadTextureFromUrl(const std::string& url, std::function<void(Result<Texture>)> done) {
    skyloom_texture_load(Register(std::move(done)), url.c_str(), nullptr, 0, "");
}

void LoadTextureFromBytes(const std::string& bytes, const std::string& mime,
                          std::function<void(Result<Texture>)> done) {
    skyloom_texture_load(Register(std::move(done)), "",
                         reinterpret_cast<const uint8_t*>(bytes.data()),
                         static_cast<uint32_t>(bytes.size()), mime.c_str());
}

Texture CreateTextureRgba(int width, int height, const uint8_t* rgba) {
    GLuint handle = 0;
    glGenTextures(1, &handle);
    glBindTexture(GL_TEXTURE_2D, handle);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    return Texture{handle, width, height, static_cast<size_t>(width) * height * 4};
}

void DeleteTexture(uint32_t handle) {
    if (handle == 0) return;
    GLuint name = handle;
    glDeleteTextures(1, &name);
}

}  // namespace skyloom::platform

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_texture_done(uint32_t id, uint32_t handle, int width,
                                                          int height, const char* error) {
    auto it = skyloom::platform::Pending().find(id);
    if (it == skyloom::platform::Pending().end()) return;
    auto done = std::move(it->second);
    skyloom::platform::Pending().erase(it);
    skyloom::Result<skyloom::platform::Texture> result =
        error != nullptr
            ? skyloom::Result<skyloom::platform::Texture>(skyloom::Error{
                  "image_unavailable", std::string("The image could not be shown: ") + error})
            : skyloom::Result<skyloom::platform::Texture>(skyloom::platform::Texture{
                  handle, width, height, skyloom::platform::TextureBytes(width, height)});
    skyloom::platform::PostToMainLoop(
        [done = std::move(done), result = std::move(result)]() mutable {
            done(std::move(result));
        });
}
