// The image worker's WASM module: core image::Process behind a small C API for
// shell/image-worker.js, which runs it inside a Web Worker (and for scripts/bench-image's
// display-decode table, on a page's main thread).
//
//   p = _malloc(n); HEAPU8.set(bytes, p);
//   r = _skyloom_process(p, n, 1000, 320, 85);   // 0 = the core default for that option
//   ... read the ProcessResult at r (layout below) ...
//   _skyloom_process_free(r); _free(p);
//
// Progress: before each stage, Module.skyloomStage(stage index, label, start fraction) is
// called if the page defined it. Results are plain structs of 32-bit fields so the JS side can
// read them through HEAPU32 without a JSON round trip; offsets are pinned by static_asserts.
#include <emscripten.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <new>
#include <string>
#include <string_view>

#include "image/decode.h"
#include "image/pipeline.h"
#include "meme/meme_spec.h"
#include "meme/render.h"

namespace {

using skyloom::Error;
using skyloom::Result;
namespace image = skyloom::image;
namespace meme = skyloom::meme;

// The caption fonts for meme jobs, set once per worker by _skyloom_meme_fonts.
meme::MemeFonts* g_meme_fonts = nullptr;

}  // namespace

// clang-format off
EM_JS(void, skyloom_worker_stage, (int stage, const char* label, double fraction), {
    if (Module.skyloomStage) Module.skyloomStage(stage, UTF8ToString(label), fraction);
});
// clang-format on

extern "C" {

// What _skyloom_process returns. Every pointer stays valid until _skyloom_process_free.
struct ProcessResult {
    int32_t ok;                  // 0: 1 = success, 0 = error_code/error_message are set
    const char* bytes;           // 4: the display image
    uint32_t bytes_size;         // 8
    const char* mime;            // 12: NUL-terminated
    int32_t width;               // 16
    int32_t height;              // 20
    const char* thumbnail;       // 24
    uint32_t thumbnail_size;     // 28
    const char* thumbnail_mime;  // 32
    int32_t thumbnail_width;     // 36
    int32_t thumbnail_height;    // 40
    const char* placeholder;     // 44: BlurHash
    const char* error_code;      // 48: e.g. "too_large", "unsupported_format"
    const char* error_message;   // 52
    int32_t error_status;        // 56: the HTTP status core attaches (422, 413, ...)
    void* owner;                 // 60: private to this file
};
static_assert(sizeof(void*) == 4, "the JS side reads this layout as 32-bit words");
static_assert(offsetof(ProcessResult, placeholder) == 44 &&
              offsetof(ProcessResult, error_status) == 56);

// What _skyloom_decode returns (the display-decode benchmark): pixels are rows of
// width * channels bytes, no padding.
struct DecodeResult {
    int32_t ok;                 // 0
    int32_t width;              // 4
    int32_t height;             // 8
    int32_t channels;           // 12: 3 (opaque) or 4
    const uint8_t* pixels;      // 16
    const char* error_code;     // 20
    const char* error_message;  // 24
    void* owner;                // 28: private to this file
};
static_assert(offsetof(DecodeResult, error_message) == 24);

}  // extern "C"

namespace {

// A result struct with the C++ objects its pointers point into.
struct OwnedProcessResult {
    ProcessResult c{};
    image::ProcessedImage image;
    Error error;
};

struct OwnedDecodeResult {
    DecodeResult c{};
    image::Image image;
    Error error;
};

}  // namespace

extern "C" {

// Runs the whole pipeline on `size` bytes at `data`. Never returns null unless out of memory.
static ProcessResult* Run(const char* data, uint32_t size, int max_width, int thumbnail_width,
                          int jpeg_quality, std::function<void(image::Image*)> overlay) {
    image::ProcessOptions options;
    if (max_width > 0) options.max_width = max_width;
    if (thumbnail_width > 0) options.thumbnail_width = thumbnail_width;
    if (jpeg_quality > 0) options.jpeg_quality = jpeg_quality < 100 ? jpeg_quality : 100;
    options.overlay = std::move(overlay);
    options.on_stage = [](image::ProcessStage stage) {
        skyloom_worker_stage(int(stage), image::StageName(stage), image::StageStartFraction(stage));
    };
    Result<image::ProcessedImage> processed = image::Process(std::string_view(data, size), options);

    auto* out = new (std::nothrow) OwnedProcessResult;
    if (out == nullptr) return nullptr;
    out->c.owner = out;
    if (!processed) {
        out->error = processed.error();
        out->c.error_code = out->error.code.c_str();
        out->c.error_message = out->error.message.c_str();
        out->c.error_status = out->error.http_status;
        return &out->c;
    }
    out->image = std::move(processed).value();
    const image::ProcessedImage& p = out->image;
    out->c = ProcessResult{1,
                           p.bytes.data(),
                           uint32_t(p.bytes.size()),
                           p.mime.c_str(),
                           p.width,
                           p.height,
                           p.thumbnail.data(),
                           uint32_t(p.thumbnail.size()),
                           p.thumbnail_mime.c_str(),
                           p.thumbnail_width,
                           p.thumbnail_height,
                           p.placeholder.c_str(),
                           nullptr,
                           nullptr,
                           0,
                           out};
    return &out->c;
}

EMSCRIPTEN_KEEPALIVE ProcessResult* skyloom_process(const char* data, uint32_t size, int max_width,
                                                    int thumbnail_width, int jpeg_quality) {
    return Run(data, size, max_width, thumbnail_width, jpeg_quality, nullptr);
}

// Loads the three caption fonts (Bebas Neue, Inter, DejaVu Sans bytes) for meme jobs.
// Returns 1 on success, 0 when a font is unreadable.
EMSCRIPTEN_KEEPALIVE int skyloom_meme_fonts(const char* bebas, uint32_t bebas_size,
                                            const char* inter, uint32_t inter_size,
                                            const char* dejavu, uint32_t dejavu_size) {
    Result<image::Font> b = image::Font::Load(std::string_view(bebas, bebas_size));
    Result<image::Font> i = image::Font::Load(std::string_view(inter, inter_size));
    Result<image::Font> d = image::Font::Load(std::string_view(dejavu, dejavu_size));
    if (!b || !i || !d) return 0;
    delete g_meme_fonts;
    g_meme_fonts = new meme::MemeFonts{b.value(), i.value(), d.value()};
    return 1;
}

// The meme export: the pipeline on the background's bytes with the boxes (a JSON array, as in
// a post's meme.boxes) rendered by core's meme renderer onto the upright, resized image, so
// text is drawn at the output resolution. Fonts must be set first.
EMSCRIPTEN_KEEPALIVE ProcessResult* skyloom_process_meme(const char* data, uint32_t size,
                                                         int max_width, int thumbnail_width,
                                                         int jpeg_quality, const char* boxes_json) {
    auto parsed = nlohmann::json::parse(boxes_json, nullptr, false);
    Result<std::vector<skyloom::MemeBox>> boxes =
        parsed.is_discarded() ? Result<std::vector<skyloom::MemeBox>>(
                                    Error{"invalid_meme", "The meme boxes are not JSON", 0})
                              : skyloom::ParseMemeBoxes(parsed);
    if (!boxes || g_meme_fonts == nullptr) {
        auto* out = new (std::nothrow) OwnedProcessResult;
        if (out == nullptr) return nullptr;
        out->c.owner = out;
        out->error =
            boxes ? Error{"fonts_missing", "The caption fonts are not loaded", 0} : boxes.error();
        out->c.error_code = out->error.code.c_str();
        out->c.error_message = out->error.message.c_str();
        return &out->c;
    }
    std::vector<skyloom::MemeBox> list = std::move(boxes).value();
    return Run(data, size, max_width, thumbnail_width, jpeg_quality,
               [list = std::move(list)](image::Image* img) {
                   for (const skyloom::MemeBox& box : list) {
                       meme::CompositeLayer(
                           img, meme::RenderBoxLayer(box, *g_meme_fonts, img->width, img->height));
                   }
               });
}

EMSCRIPTEN_KEEPALIVE void skyloom_process_free(ProcessResult* result) {
    if (result != nullptr) delete static_cast<OwnedProcessResult*>(result->owner);
}

// Decodes only (no orientation, no resize): what a feed would do to show an image.
EMSCRIPTEN_KEEPALIVE DecodeResult* skyloom_decode(const char* data, uint32_t size) {
    Result<image::Image> decoded = image::Decode(std::string_view(data, size));
    auto* out = new (std::nothrow) OwnedDecodeResult;
    if (out == nullptr) return nullptr;
    out->c.owner = out;
    if (!decoded) {
        out->error = decoded.error();
        out->c.error_code = out->error.code.c_str();
        out->c.error_message = out->error.message.c_str();
        return &out->c;
    }
    out->image = std::move(decoded).value();
    const image::Image& img = out->image;
    out->c = DecodeResult{1,       img.width, img.height, img.channels, img.pixels.data(),
                          nullptr, nullptr,   out};
    return &out->c;
}

EMSCRIPTEN_KEEPALIVE void skyloom_decode_free(DecodeResult* result) {
    if (result != nullptr) delete static_cast<OwnedDecodeResult*>(result->owner);
}

}  // extern "C"
