// Skyloom's image worker: runs the core upload pipeline (src/image_worker, WASM) off the main
// thread. Started by the app (src/app/platform/image_worker_web.cpp) as
//   new Worker("image-worker.<hash>.js?js=skyloom-image.<hash>.js&wasm=skyloom-image.<hash>.wasm")
// where scripts/make-dist writes that URL into the shell's SKYLOOM_ASSETS.imageWorker; without a
// query string (build/wasm/bin) the unhashed names next to this script are used.
//
// Messages in:  {id, bytes: ArrayBuffer (transferred), options: {maxWidth, thumbnailWidth, quality}}
//               A meme export adds options.meme = {boxes: JSON text of the boxes,
//               fonts: {bebas, inter, dejavu}: absolute font URLs, fetched once per worker}; and
//               may give options.url (the background, fetched here) instead of bytes.
// Messages out: {type: "progress", id, fraction, stage}
//               {type: "result", id, ok: true, bytes, mime, width, height, thumbnail,
//                thumbnailMime, thumbnailWidth, thumbnailHeight, placeholder, ms, memoryBytes,
//                stageMs: {Decoding: ms, ...}}
//               (bytes and thumbnail are ArrayBuffers, transferred)
//               {type: "result", id, ok: false, code, message, status, fatal}
// `fatal` means the module is unusable (failed to load, aborted); the app then terminates this
// worker and starts a fresh one for the next job. Jobs run one at a time, in arrival order.
"use strict";

var params = new URLSearchParams(self.location.search);
var MODULE_JS = params.get("js") || "skyloom-image.js";
var MODULE_WASM = params.get("wasm") || "skyloom-image.wasm";
var RESULT_WORDS = 16;  // sizeof(ProcessResult) / 4 in src/image_worker/image_worker.cpp

var currentId = null;  // the job whose stages Module.skyloomStage reports
var stageMs = null;    // per-stage times of the current job (scripts/bench-image)
var stageLabel = null;
var stageStart = 0;

function endStage(now) {
  if (stageLabel !== null) stageMs[stageLabel] = now - stageStart;
  stageLabel = null;
}
var moduleReady = null;
var queue = Promise.resolve();

function loadModule() {
  if (!moduleReady) {
    moduleReady = new Promise(function (resolve, reject) {
      importScripts(MODULE_JS);  // defines SkyloomImageModule (-sMODULARIZE)
      SkyloomImageModule({
        locateFile: function (path) { return /\.wasm$/.test(path) ? MODULE_WASM : path; },
        skyloomStage: function (index, label, fraction) {
          if (currentId === null) return;
          var now = performance.now();
          endStage(now);
          stageLabel = label;
          stageStart = now;
          self.postMessage({type: "progress", id: currentId, fraction: fraction, stage: label});
        },
        onAbort: function (what) { reject(new Error("the image module stopped: " + what)); },
      }).then(resolve, reject);
    });
  }
  return moduleReady;
}

function fail(id, code, message, fatal) {
  self.postMessage({type: "result", id: id, ok: false, code: code, message: message, status: 0, fatal: !!fatal});
}

// Copies `size` bytes out of the wasm heap into a fresh ArrayBuffer that can be transferred.
function copyOut(m, ptr, size) { return m.HEAPU8.slice(ptr, ptr + size).buffer; }

// The caption fonts for meme jobs, fetched and handed to the module once.
var memeFontsReady = null;
function loadMemeFonts(m, urls) {
  if (!memeFontsReady) {
    var names = ["bebas", "inter", "dejavu"];
    memeFontsReady = Promise.all(names.map(function (n) {
      return fetch(urls[n]).then(function (r) {
        if (!r.ok) throw new Error("font " + n + ": HTTP " + r.status);
        return r.arrayBuffer();
      });
    })).then(function (buffers) {
      var ptrs = buffers.map(function (b) {
        var a = new Uint8Array(b); var p = m._malloc(a.length); m.HEAPU8.set(a, p); return p;
      });
      var ok = m._skyloom_meme_fonts(ptrs[0], buffers[0].byteLength, ptrs[1], buffers[1].byteLength,
                                     ptrs[2], buffers[2].byteLength);
      ptrs.forEach(function (p) { m._free(p); });
      if (!ok) throw new Error("a caption font could not be read");
    });
    memeFontsReady.catch(function () { memeFontsReady = null; });  // retry on the next job
  }
  return memeFontsReady;
}

// Fetches what a job needs before it runs: the background (options.url) and meme fonts.
function prepare(m, job) {
  var options = job.options || {};
  var steps = [];
  if (!job.bytes && options.url) {
    steps.push(fetch(options.url).then(function (r) {
      if (!r.ok) throw new Error("the background image: HTTP " + r.status);
      return r.arrayBuffer();
    }).then(function (b) { job.bytes = b; }));
  }
  if (options.meme) steps.push(loadMemeFonts(m, options.meme.fonts));
  return Promise.all(steps);
}

function process(m, job) {
  var input = new Uint8Array(job.bytes);
  var size = input.length;
  var options = job.options || {};
  var started = performance.now();
  var ptr = m._malloc(Math.max(1, size));
  if (!ptr) {
    fail(job.id, "out_of_memory", "The image is too large to process in this browser's memory.", false);
    return;
  }
  m.HEAPU8.set(input, ptr);
  job.bytes = input = null;  // the worker's copy of the upload can go now
  currentId = job.id;
  stageMs = {};
  var r = 0;
  try {
    if (options.meme) {
      var text = new TextEncoder().encode(options.meme.boxes);
      var boxes = m._malloc(text.length + 1);
      m.HEAPU8.set(text, boxes);
      m.HEAPU8[boxes + text.length] = 0;
      r = m._skyloom_process_meme(ptr, size, options.maxWidth | 0, options.thumbnailWidth | 0,
                                  options.quality | 0, boxes);
      m._free(boxes);
    } else {
      r = m._skyloom_process(ptr, size, options.maxWidth | 0, options.thumbnailWidth | 0, options.quality | 0);
    }
  } finally {
    endStage(performance.now());
    currentId = null;
    m._free(ptr);
  }
  if (!r) {
    fail(job.id, "out_of_memory", "The image is too large to process in this browser's memory.", false);
    return;
  }
  var w = m.HEAPU32.subarray(r >> 2, (r >> 2) + RESULT_WORDS);  // after the call: the heap may have grown
  var str = function (p) { return m.UTF8ToString(p); };
  var message;
  if (w[0]) {
    var bytes = copyOut(m, w[1], w[2]);
    var thumbnail = copyOut(m, w[6], w[7]);
    message = {
      type: "result", id: job.id, ok: true,
      bytes: bytes, mime: str(w[3]), width: w[4] | 0, height: w[5] | 0,
      thumbnail: thumbnail, thumbnailMime: str(w[8]), thumbnailWidth: w[9] | 0, thumbnailHeight: w[10] | 0,
      placeholder: str(w[11]),
    };
  } else {
    message = {type: "result", id: job.id, ok: false, code: str(w[12]), message: str(w[13]), status: w[14] | 0, fatal: false};
  }
  m._skyloom_process_free(r);
  message.ms = performance.now() - started;
  message.stageMs = stageMs;
  message.memoryBytes = m.HEAPU8.length;  // wasm memory only grows: this is the peak so far
  if (job.id === -1) return;  // warm-up: nobody is waiting for it
  self.postMessage(message, message.ok ? [message.bytes, message.thumbnail] : []);
}

// Warm-up ({warm: true}, sent by the app when the composer first shows): one job on a 3 MP JPEG
// drawn here, result discarded. A worker's first job runs on V8's baseline code (wasm has no
// on-stack replacement, so a long call never switches to optimised code); after this one the
// hot functions are optimised and the user's first photo takes the warm time (docs/benchmarks.md).
function warmUp(m) {
  if (typeof OffscreenCanvas === "undefined") return Promise.resolve();
  var canvas = new OffscreenCanvas(2000, 1500);
  var g = canvas.getContext("2d");
  var gradient = g.createLinearGradient(0, 0, 2000, 1500);
  gradient.addColorStop(0, "#f08040");
  gradient.addColorStop(1, "#3050c0");
  g.fillStyle = gradient;
  g.fillRect(0, 0, 2000, 1500);
  for (var i = 0; i < 200; i++) {  // detail, so the JPEG paths do real work
    g.fillStyle = "hsl(" + (i * 37 % 360) + ",70%,60%)";
    g.fillRect((i * 97) % 2000, (i * 53) % 1500, 40 + i % 90, 30 + i % 70);
  }
  return canvas.convertToBlob({type: "image/jpeg", quality: 0.9}).then(function (blob) {
    return blob.arrayBuffer();
  }).then(function (bytes) {
    process(m, {id: -1, bytes: bytes, options: {}});
  });
}

// [classify] AI labels before upload ({classify: true, id, bytes} or {classify: true, id, url}
// for an image already on the server, fetched here): the classifier (core ml, the
// server's code) on the processed image. The model file is fetched on the first request and
// kept; its URL comes from this script's query string (model=...), as the module's does.
// Answers {type: "labels", id, ok, labels: [{name, probability}], ms, loadMs, modelBytes} or
// {type: "labels", id, ok: false, code, message}.
var MODEL_URL = params.get("model") || "models/mobilenet_v2.skm";
var classifierReady = null;

function loadClassifier(m) {
  if (!classifierReady) {
    var started = performance.now();
    classifierReady = fetch(MODEL_URL).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.arrayBuffer();
    }).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var ptr = m._malloc(bytes.length);
      m.HEAPU8.set(bytes, ptr);
      var ok = m._skyloom_classifier_load(ptr, bytes.length);
      m._free(ptr);
      if (!ok) throw new Error("the model file is damaged");
      return {loadMs: performance.now() - started, modelBytes: bytes.length};
    });
    classifierReady.catch(function () { classifierReady = null; });  // try again next time
  }
  return classifierReady;
}

function classify(m, job) {
  var bytes = job.bytes ? Promise.resolve(job.bytes) : fetch(job.url).then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.arrayBuffer();
  });
  return Promise.all([loadClassifier(m), bytes]).then(function (both) {
    var loaded = both[0];
    var input = new Uint8Array(both[1]);
    var started = performance.now();
    var ptr = m._malloc(Math.max(1, input.length));
    m.HEAPU8.set(input, ptr);
    var out = m._skyloom_classify(ptr, input.length, job.topK || 5);
    m._free(ptr);
    var answer = JSON.parse(m.UTF8ToString(out));
    m._free(out);
    if (answer.error) {
      self.postMessage({type: "labels", id: job.id, ok: false, code: answer.error.code, message: answer.error.message});
      return;
    }
    self.postMessage({type: "labels", id: job.id, ok: true, labels: answer.labels,
                      ms: performance.now() - started, loadMs: loaded.loadMs, modelBytes: loaded.modelBytes});
  }, function (err) {
    self.postMessage({type: "labels", id: job.id, ok: false, code: "labels_unavailable",
                      message: "AI labels are unavailable (" + (err && err.message || err) + ")."});
  });
}

self.onmessage = function (event) {
  var job = event.data;
  if (job && job.classify) {
    queue = queue.then(function () { return loadModule().then(function (m) { return classify(m, job); }); })
      .catch(function (err) {
        self.postMessage({type: "labels", id: job.id, ok: false, code: "labels_unavailable",
                          message: "AI labels are unavailable (" + (err && err.message || err) + ")."});
      });
    return;
  }
  if (job && job.warm) {
    queue = queue.then(function () { return loadModule().then(warmUp); }).catch(function () {});
    return;
  }
  queue = queue.then(function () {
    return loadModule().then(function (m) {
      return prepare(m, job).then(function () { process(m, job); }, function (err) {
        fail(job.id, "background_unavailable", "The meme could not be made (" + (err && err.message || err) + ").", false);
      });
    }, function (err) {
      fail(job.id, "worker_failed", "The image tools could not load (" + (err && err.message || err) + ").", true);
    });
  }).catch(function (err) {
    // An abort inside the module (out of memory beyond MAXIMUM_MEMORY, a bug): this instance is
    // unusable from here on.
    fail(job.id, "worker_failed", "Processing the image failed (" + (err && err.message || err) + ").", true);
  });
};
