// image_worker.h over a Web Worker running shell/image-worker.js (src/image_worker's module).
//
// The JS half (Module.skyloomImages, installed on first use) runs one job at a time in the
// worker and keeps the others queued on the main thread, holding their bytes; so cancelling the
// running job can terminate the worker without losing anyone else's work: the next job starts a
// fresh worker. Bytes cross once each way as a transferred ArrayBuffer (one copy out of this
// heap into the message, one into the worker's heap; the result the same in reverse, written
// straight into the ProcessedImage's strings).
// Worker messages are handled on the main thread and posted to the main loop like fetch
// results; a job cancelled in between is dropped there.
#include <emscripten.h>

#include <memory>

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "platform/image_worker.h"
#include "platform/js_string.h"
#include "platform/platform.h"

// clang-format off
EM_JS(void, skyloom_image_install, (), {
    if (Module.skyloomImages) return;
    function str(s) {
        var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
    }
    var c = Module.skyloomImages = {worker: null, running: null, queue: []};
    function deliver(msg) {
        if (msg.ok) {
            // The encoded bytes go straight into the result's strings (one copy into this heap).
            var r = _skyloom_image_result_new(msg.bytes.byteLength, msg.thumbnail.byteLength);
            HEAPU8.set(new Uint8Array(msg.bytes), _skyloom_image_result_bytes(r));
            HEAPU8.set(new Uint8Array(msg.thumbnail), _skyloom_image_result_thumbnail(r));
            _skyloom_image_job_done(msg.id, r, str(msg.mime), msg.width, msg.height,
                                    str(msg.thumbnailMime), msg.thumbnailWidth,
                                    msg.thumbnailHeight, str(msg.placeholder));
        } else {
            _skyloom_image_job_failed(msg.id, str(msg.code), str(msg.message), msg.status | 0);
        }
    }
    function stopWorker() {
        if (c.worker) c.worker.terminate();
        c.worker = null;
    }
    function startWorker() {
        var w = c.worker = new Worker(Module.skyloomImageWorker || "image-worker.js");
        w.onmessage = function(e) {
            var msg = e.data;
            if (w !== c.worker || !c.running || msg.id !== c.running.id) return;
            if (msg.type === "progress") {
                _skyloom_image_job_progress(msg.id, msg.fraction, str(msg.stage));
                return;
            }
            if (msg.type === "labels") {
                c.running = null;
                _skyloom_image_labels_done(msg.id, str(JSON.stringify(msg)));
                c.pump();
                return;
            }
            c.running = null;
            if (msg.fatal) stopWorker();
            deliver(msg);
            c.pump();
        };
        w.onerror = function(e) {  // the script itself failed (404, syntax): fail the job
            e.preventDefault();
            if (w !== c.worker) return;
            stopWorker();
            var job = c.running;
            c.running = null;
            if (job) deliver({id: job.id, ok: false, code: "worker_failed", status: 0,
                              message: "The image tools could not load. Check your connection."});
            c.pump();
        };
    }
    c.startWorker = startWorker;
    c.pump = function() {
        if (c.running || !c.queue.length) return;
        var job = c.running = c.queue.shift();
        if (!c.worker) startWorker();
        var bytes = job.bytes;
        job.bytes = null;
        if (job.classify)
            c.worker.postMessage({classify: true, id: job.id, bytes: bytes, url: job.url},
                                 bytes ? [bytes] : []);
        else
            c.worker.postMessage({id: job.id, bytes: bytes, options: job.options},
                                 bytes ? [bytes] : []);
    };
    c.start = function(id, bytes, options) {
        c.queue.push({id: id, bytes: bytes, options: options});
        c.pump();
    };
    c.classify = function(id, bytes, url) {
        c.queue.push({id: id, bytes: bytes, url: url, classify: true});
        c.pump();
    };
    c.cancel = function(id) {
        if (c.running && c.running.id === id) {
            c.running = null;
            stopWorker();  // the only way to stop WASM mid-job; the next job starts a fresh one
            c.pump();
            return;
        }
        c.queue = c.queue.filter(function(job) { return job.id !== id; });
    };
});
EM_JS(void, skyloom_image_start, (uint32_t id, const char* data, size_t size, int max_width,
                                  int thumbnail_width, int quality), {
    // slice() copies out of the heap into a buffer the worker then owns (transferred).
    Module.skyloomImages.start(id, HEAPU8.slice(data, data + size).buffer,
                               {maxWidth: max_width, thumbnailWidth: thumbnail_width, quality: quality});
});
EM_JS(void, skyloom_image_classify, (uint32_t id, const char* data, size_t size, const char* url), {
    Module.skyloomImages.classify(id, size ? HEAPU8.slice(data, data + size).buffer : null,
                                  UTF8ToString(url));
});
EM_JS(void, skyloom_image_start_meme, (uint32_t id, const char* data, size_t size,
                                       const char* url, const char* boxes, int max_width,
                                       int quality), {
    var fonts = {bebas: Module.skyloomFontUrl("bebas_neue"), inter: Module.skyloomFontUrl("inter"),
                 dejavu: Module.skyloomFontUrl("dejavu_sans")};
    Module.skyloomImages.start(id, size ? HEAPU8.slice(data, data + size).buffer : null,
                               {maxWidth: max_width, quality: quality, url: UTF8ToString(url),
                                meme: {boxes: UTF8ToString(boxes), fonts: fonts}});
});
EM_JS(void, skyloom_image_warm, (), {
    var c = Module.skyloomImages;
    if (c.worker || c.running) return;
    c.startWorker();
    c.worker.postMessage({warm: true});
});
EM_JS(void, skyloom_image_cancel, (uint32_t id), {
    if (Module.skyloomImages) Module.skyloomImages.cancel(id);
});
// clang-format on

namespace skyloom::platform {
namespace {

struct ImageJob {
    std::function<void(ImageJobProgress)> progress;
    std::function<void(Result<image::ProcessedImage>)> done;
};

struct ImageJobs {
    ImageJobId next_id = 1;
    std::unordered_map<ImageJobId, ImageJob> live;  // started, neither finished nor cancelled
    std::unordered_map<ImageJobId, std::function<void(Result<ImageLabels>)>> labelling;
};

ImageJobs& Jobs() {
    static ImageJobs jobs;
    return jobs;
}

void Finish(ImageJobId id, Result<image::ProcessedImage> result) {
    PostToMainLoop([id, result = std::move(result)]() mutable {
        auto it = Jobs().live.find(id);
        if (it == Jobs().live.end()) return;  // cancelled meanwhile
        auto done = std::move(it->second.done);
        Jobs().live.erase(it);
        if (done) done(std::move(result));
    });
}

}  // namespace

ImageJobId ProcessImage(std::string bytes, const image::ProcessOptions& options,
                        std::function<void(ImageJobProgress)> progress,
                        std::function<void(Result<image::ProcessedImage>)> done) {
    skyloom_image_install();
    const ImageJobId id = Jobs().next_id++;
    Jobs().live[id] = ImageJob{std::move(progress), std::move(done)};
    skyloom_image_start(id, bytes.data(), bytes.size(), options.max_width, options.thumbnail_width,
                        options.jpeg_quality);
    return id;  // `bytes` is freed here: JS took its own copy
}

ImageJobId ProcessMeme(MemeJob job, std::function<void(ImageJobProgress)> progress,
                       std::function<void(Result<image::ProcessedImage>)> done) {
    skyloom_image_install();
    const ImageJobId id = Jobs().next_id++;
    Jobs().live[id] = ImageJob{std::move(progress), std::move(done)};
    skyloom_image_start_meme(id, job.bytes.data(), job.bytes.size(), job.url.c_str(),
                             job.boxes_json.c_str(), job.max_width, job.jpeg_quality);
    return id;
}

void CancelImageJob(ImageJobId id) {
    if (Jobs().live.erase(id) + Jobs().labelling.erase(id) > 0) skyloom_image_cancel(id);
}

ImageJobId ClassifyImage(std::string bytes, std::function<void(Result<ImageLabels>)> done) {
    skyloom_image_install();
    const ImageJobId id = Jobs().next_id++;
    Jobs().labelling[id] = std::move(done);
    skyloom_image_classify(id, bytes.data(), bytes.size(), "");
    return id;
}

ImageJobId ClassifyImageUrl(const std::string& url, std::function<void(Result<ImageLabels>)> done) {
    skyloom_image_install();
    const ImageJobId id = Jobs().next_id++;
    Jobs().labelling[id] = std::move(done);
    skyloom_image_classify(id, nullptr, 0, url.c_str());
    return id;
}

void WarmImageWorker() {
    skyloom_image_install();
    skyloom_image_warm();
}

}  // namespace skyloom::platform

// ---- called from the JS above ---------------------------------------------------------------

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_image_job_progress(uint32_t id, double fraction,
                                                                char* stage) {
    using namespace skyloom::platform;
    ImageJobProgress p{fraction, AdoptJsString(stage)};
    PostToMainLoop([id, p = std::move(p)]() {
        auto it = Jobs().live.find(id);
        if (it != Jobs().live.end() && it->second.progress) it->second.progress(p);
    });
}

// A result whose byte strings JS fills in place, then hands to skyloom_image_job_done.
extern "C" EMSCRIPTEN_KEEPALIVE skyloom::image::ProcessedImage* skyloom_image_result_new(
    uint32_t bytes_size, uint32_t thumbnail_size) {
    auto* result = new skyloom::image::ProcessedImage;
    result->bytes.resize(bytes_size);
    result->thumbnail.resize(thumbnail_size);
    return result;
}
extern "C" EMSCRIPTEN_KEEPALIVE char* skyloom_image_result_bytes(
    skyloom::image::ProcessedImage* result) {
    return result->bytes.data();
}
extern "C" EMSCRIPTEN_KEEPALIVE char* skyloom_image_result_thumbnail(
    skyloom::image::ProcessedImage* result) {
    return result->thumbnail.data();
}

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_image_job_done(
    uint32_t id, skyloom::image::ProcessedImage* filled, char* mime, int width, int height,
    char* thumbnail_mime, int thumbnail_width, int thumbnail_height, char* placeholder) {
    using namespace skyloom::platform;
    std::unique_ptr<skyloom::image::ProcessedImage> out(filled);
    out->mime = AdoptJsString(mime);
    out->width = width;
    out->height = height;
    out->thumbnail_mime = AdoptJsString(thumbnail_mime);
    out->thumbnail_width = thumbnail_width;
    out->thumbnail_height = thumbnail_height;
    out->placeholder = AdoptJsString(placeholder);
    Finish(id, std::move(*out));
}

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_image_job_failed(uint32_t id, char* code,
                                                              char* message, int http_status) {
    using namespace skyloom::platform;
    Finish(id, skyloom::Error{AdoptJsString(code), AdoptJsString(message), http_status});
}

// The worker's {type: "labels"} message, as JSON.
extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_image_labels_done(uint32_t id, char* json) {
    using namespace skyloom::platform;
    const nlohmann::json msg = nlohmann::json::parse(AdoptJsString(json), nullptr, false);
    skyloom::Result<ImageLabels> result =
        skyloom::Error{"labels_unavailable", "AI labels are unavailable in this browser.", 0};
    if (msg.is_object() && msg.value("ok", false) && msg.contains("labels") &&
        msg["labels"].is_array()) {
        ImageLabels labels;
        for (const auto& l : msg["labels"]) {
            if (!l.is_object()) continue;
            skyloom::MediaLabel label;
            label.label = l.value("name", "");
            label.probability = l.value("probability", 0.0);
            labels.labels.push_back(std::move(label));
        }
        labels.ms = msg.value("ms", 0.0);
        labels.load_ms = msg.value("loadMs", 0.0);
        labels.model_bytes = msg.value("modelBytes", uint64_t{0});
        result = std::move(labels);
    } else if (msg.is_object() && msg.contains("message") && msg["message"].is_string()) {
        result = skyloom::Error{msg.value("code", "labels_unavailable"),
                                msg["message"].get<std::string>(), 0};
    }
    PostToMainLoop([id, result = std::move(result)]() mutable {
        auto it = Jobs().labelling.find(id);
        if (it == Jobs().labelling.end()) return;  // cancelled meanwhile
        auto done = std::move(it->second);
        Jobs().labelling.erase(it);
        if (done) done(std::move(result));
    });
}
