// window.skyloom.processImage / cancelImage: the automation bridge's door to the image worker
// client (image_worker.h), so tests/e2e/image_worker.test.js drives the very path the composer
// will use (C++ ProcessImage -> JS client -> Web Worker -> main loop -> callback) from page JS.
//
//   var job = skyloom.processImage(arrayBuffer, {maxWidth: 1000});
//   job.progress   // [{fraction, stage}], grows while it runs
//   job.result     // Promise: {ok, bytes: Uint8Array, mime, width, height, thumbnail, ...}
//                  //       or {ok: false, code, message, status}; never settles if cancelled
//   skyloom.cancelImage(job.id);
#include <emscripten.h>

#include <memory>

#include "platform/image_worker.h"
#include "platform/platform.h"

// clang-format off
EM_JS(void, skyloom_image_bridge_install, (), {
    var api = window.skyloom = window.skyloom || {};
    var jobs = api.imageJobs = {};
    api.processImage = function(buffer, options) {
        options = options || {};
        var a = new Uint8Array(buffer);
        var p = _malloc(Math.max(1, a.length));
        HEAPU8.set(a, p);
        var job = {progress: []};
        job.result = new Promise(function(resolve) { job.resolve = resolve; });
        job.id = _skyloom_image_bridge_process(p, a.length, options.maxWidth | 0,
                                               options.thumbnailWidth | 0, options.quality | 0);
        _free(p);
        jobs[job.id] = job;
        return job;
    };
    api.cancelImage = function(id) {
        _skyloom_image_bridge_cancel(id);
        delete jobs[id];
    };
});
EM_JS(void, skyloom_image_bridge_progress, (uint32_t id, double fraction, const char* stage), {
    var job = window.skyloom.imageJobs[id];
    if (job) job.progress.push({fraction: fraction, stage: UTF8ToString(stage)});
});
EM_JS(void, skyloom_image_bridge_done, (uint32_t id, const char* bytes, size_t bytes_size,
                                        const char* mime, int width, int height,
                                        const char* thumbnail, size_t thumbnail_size,
                                        const char* thumbnail_mime, int thumbnail_width,
                                        int thumbnail_height, const char* placeholder), {
    var job = window.skyloom.imageJobs[id];
    if (!job) return;
    delete window.skyloom.imageJobs[id];
    job.resolve({ok: true, bytes: HEAPU8.slice(bytes, bytes + bytes_size), mime: UTF8ToString(mime),
                 width: width, height: height,
                 thumbnail: HEAPU8.slice(thumbnail, thumbnail + thumbnail_size),
                 thumbnailMime: UTF8ToString(thumbnail_mime), thumbnailWidth: thumbnail_width,
                 thumbnailHeight: thumbnail_height, placeholder: UTF8ToString(placeholder)});
});
EM_JS(void, skyloom_image_bridge_failed, (uint32_t id, const char* code, const char* message,
                                          int status), {
    var job = window.skyloom.imageJobs[id];
    if (!job) return;
    delete window.skyloom.imageJobs[id];
    job.resolve({ok: false, code: UTF8ToString(code), message: UTF8ToString(message), status: status});
});
// clang-format on

extern "C" EMSCRIPTEN_KEEPALIVE uint32_t skyloom_image_bridge_process(const char* data, size_t size,
                                                                      int max_width,
                                                                      int thumbnail_width,
                                                                      int quality) {
    using namespace skyloom;
    image::ProcessOptions options;
    if (max_width > 0) options.max_width = max_width;
    if (thumbnail_width > 0) options.thumbnail_width = thumbnail_width;
    if (quality > 0) options.jpeg_quality = quality;
    // The id is known once ProcessImage returns; the callbacks share it (and free it with the
    // job, cancelled or not).
    auto id_slot = std::make_shared<platform::ImageJobId>(0);
    const platform::ImageJobId id = platform::ProcessImage(
        std::string(data, size), options,
        [id_slot](platform::ImageJobProgress p) {
            skyloom_image_bridge_progress(*id_slot, p.fraction, p.stage.c_str());
        },
        [id_slot](Result<image::ProcessedImage> r) {
            const platform::ImageJobId job = *id_slot;
            if (!r) {
                const Error& e = r.error();
                skyloom_image_bridge_failed(job, e.code.c_str(), e.message.c_str(), e.http_status);
                return;
            }
            const image::ProcessedImage& p = r.value();
            skyloom_image_bridge_done(job, p.bytes.data(), p.bytes.size(), p.mime.c_str(), p.width,
                                      p.height, p.thumbnail.data(), p.thumbnail.size(),
                                      p.thumbnail_mime.c_str(), p.thumbnail_width,
                                      p.thumbnail_height, p.placeholder.c_str());
        });
    *id_slot = id;
    return id;
}

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_image_bridge_cancel(uint32_t id) {
    skyloom::platform::CancelImageJob(id);
}

namespace skyloom::platform {

void InstallImageBridge() {
    skyloom_image_bridge_install();
}

}  // namespace skyloom::platform
