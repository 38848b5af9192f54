// The upload pipeline (core image::Process) in a Web Worker, so a 12 MP photo is decoded,
// oriented, resized and re-encoded without freezing the UI. The worker is a separate small
// WASM module (src/image_worker), started on first use and reused; cancelling a job terminates
// it (the next job starts a fresh one).
//
//   ImageJobId job = ProcessImage(std::move(bytes), {},
//       [](ImageJobProgress p) { bar = p.fraction; label = p.stage; },
//       [](Result<image::ProcessedImage> r) { ... });
//   CancelImageJob(job);  // `done` is never called after this
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "image/pipeline.h"  // core: ProcessOptions, ProcessedImage
#include "model/models.h"    // core: MediaLabel
#include "util/result.h"     // core

namespace skyloom::platform {

struct ImageJobProgress {
    double fraction = 0;  // 0..1 over the whole job
    std::string stage;    // "Decoding", "Resizing", "Encoding", ... for the progress label
};

using ImageJobId = uint32_t;

// `progress` and `done` run on the main loop (PostToMainLoop); `done` exactly once unless the
// job is cancelled. Only max_width, thumbnail_width and jpeg_quality of `options` are used.
ImageJobId ProcessImage(std::string bytes, const image::ProcessOptions& options,
                        std::function<void(ImageJobProgress)> progress,
                        std::function<void(Result<image::ProcessedImage>)> done);
void CancelImageJob(ImageJobId id);  // also cancels ClassifyImage jobs

// AI labels before upload: the classifier (core ml, the server's code and model) runs in the
// same worker on an encoded image (the processed upload), after the jobs queued before it. The
// model file is fetched on first use. `done` runs on the main loop unless cancelled.
struct ImageLabels {
    std::vector<MediaLabel> labels;  // most probable first
    double ms = 0;                   // the inference, decode included
    double load_ms = 0;              // fetching and planning the model (the first time)
    uint64_t model_bytes = 0;
};
ImageJobId ClassifyImage(std::string bytes, std::function<void(Result<ImageLabels>)> done);
// The same for an image the worker fetches itself (an absolute URL: a template, my image).
ImageJobId ClassifyImageUrl(const std::string& url, std::function<void(Result<ImageLabels>)> done);
void CancelImageJob(ImageJobId id);

// A meme export (issue 5) in the same worker: the background goes through the same pipeline
// (decode, orient, resize to <= max_width, encode JPEG at `jpeg_quality`) with the boxes drawn
// by core's meme renderer (src/core/meme/render.h) on the resized image before encoding.
// The background is `bytes`, or fetched by the worker from `url` when `bytes` is empty.
// The worker fetches the caption fonts itself (from the site's fonts/, once per worker).
struct MemeJob {
    std::string bytes;
    std::string url;         // absolute
    std::string boxes_json;  // a JSON array of boxes, as in a post's meme.boxes
    int max_width = 0;       // 0: the pipeline's default (1000)
    int jpeg_quality = 0;    // 0: the pipeline's default (85)
};
ImageJobId ProcessMeme(MemeJob job, std::function<void(ImageJobProgress)> progress,
                       std::function<void(Result<image::ProcessedImage>)> done);
// Starts the worker and runs one throw-away job, so the user's first photo is processed by
// optimised code (a cold worker's first 12 MP job takes ~1 s instead of ~0.4 s). Call when the
// composer first shows; does nothing if a worker is already running.
void WarmImageWorker();

}  // namespace skyloom::platform
