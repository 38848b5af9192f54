// The page's script (index.html loads it; a file, not inline, for the Content-Security-Policy).
// Asset names: scripts/make-dist rewrites this line with content-hashed names and sizes.
var SKYLOOM_ASSETS = {"js": "skyloom.js", "wasm": "skyloom.wasm", "wasmBytes": 0, "imageWorker": "image-worker.js", "htmlFeed": "html-feed.js", "fonts": {"inter": "fonts/Inter-Regular.otf", "inter_semibold": "fonts/Inter-SemiBold.otf"}};
(function () {
  "use strict";
  var assets = SKYLOOM_ASSETS;
  var loader = document.getElementById("loader");
  var fill = document.getElementById("fill");
  var statusEl = document.getElementById("status");
  var failed = false;
  var ready = false;     // the app has drawn its first frame
  var early = null;      // the HTML feed painted while the app loads (see EARLY_FEED)

  // Paint the first Explore page as plain HTML (shell/html-feed.js) for a visitor whose app is
  // slow to arrive, then hand over to the app; the app never waits for it. Off by default:
  // measured by scripts/bench-first-paint (docs/benchmarks.md, "The HTML feed while the app
  // loads"). A page can set `window.skyloomEarlyFeed` before this script runs: true, false, or
  // the delay in ms (the benchmark and e2e_no_webgl do).
  var EARLY_FEED = false;
  // Only if the app's module has not compiled this long after the shell ran: sooner, the app is
  // a few hundred ms from its first frame and HTML would only compete for the main thread.
  var EARLY_FEED_AFTER_MS = 500;
  // How long the overlay may wait, after the app's first frame, for the app's own posts.
  var EARLY_FEED_HANDOVER_MS = 3000;
  var EXPLORE_HASH = /^#?\/?(feed\/*)?$/;

  function kb(n) { return n >= 1048576 ? (n / 1048576).toFixed(1) + " MB" : Math.round(n / 1024) + " KB"; }
  function setStatus(text) {
    statusEl.textContent = text;
    if (early) early.setProgress(parseFloat(fill.style.width || "0") / 100, text);
  }
  function setProgress(fraction) {
    fill.style.width = Math.max(0, Math.min(1, fraction)) * 100 + "%";
    if (early) early.setProgress(fraction);
  }
  function fatal(message) {
    if (failed) return;
    failed = true;
    dropEarlyFeed();
    loader.classList.remove("done");
    loader.classList.add("error");
    setStatus(message);
  }

  // The HTML feed's script, loaded once and only when a page needs it.
  var feedScript = null;
  function loadFeedScript() {
    if (!feedScript) {
      feedScript = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = assets.htmlFeed;
        s.onload = function () { window.SkyloomHtmlFeed ? resolve(window.SkyloomHtmlFeed) : reject(new Error("no feed")); };
        s.onerror = function () { reject(new Error("could not load " + assets.htmlFeed)); };
        document.head.appendChild(s);
      });
    }
    return feedScript;
  }

  // The app cannot run here (reason "webgl2", "wasm" or "compile"): the public feed as a plain page
  // instead of a dead end. If even that script cannot load, the message is all there is.
  function htmlFallback(reason, message) {
    if (failed) return;
    failed = true;
    dropEarlyFeed();
    setStatus("Loading posts…");
    loadFeedScript().then(function (feed) {
      feed.start({mode: "fallback", reason: reason, config: config});
      loader.classList.add("done");
    }, function () {
      failed = false;
      fatal(message);
    });
  }

  function dropEarlyFeed() {
    if (early) early.remove();
    early = null;
  }

  // The early feed's delay in ms, or -1 for none. Only a visitor's Explore gets it: a member's
  // Explore is personal once the session restores, and other pages do not start with this list.
  function earlyFeedDelay() {
    var on = window.skyloomEarlyFeed !== undefined ? window.skyloomEarlyFeed : EARLY_FEED;
    if (on === false || !EXPLORE_HASH.test(location.hash)) return -1;
    try { if (window.localStorage.getItem("skyloom.refresh_token")) return -1; } catch (e) { /* no storage: a visitor */ }
    return typeof on === "number" ? on : EARLY_FEED_AFTER_MS;
  }

  // The app has drawn a frame: its canvas takes over. The overlay lets clicks through at once
  // and stays until the app shows its own posts (or another page), so there is no empty flash.
  function handOver() {
    if (!early) return;
    var overlay = early;
    overlay.leave();
    var start = performance.now();
    (function check() {
      if (early !== overlay) return;
      var s = null;
      try { s = window.skyloom && window.skyloom.state && window.skyloom.state(); } catch (e) { /* not yet */ }
      var done = !s || s.route !== "feed" || (s.feed && s.feed.posts && s.feed.posts.length > 0) ||
                 performance.now() - start > EARLY_FEED_HANDOVER_MS || !overlay.hasPosts();
      if (done) dropEarlyFeed(); else requestAnimationFrame(check);
    })();
  }

  // Settings first, for the app and either HTML feed.
  var config = fetch("config.json").then(function (r) { return r.ok ? r.json() : {}; })
                                   .catch(function () { return {}; });

  // WebAssembly next: without it the app cannot run, and a GL context is not worth creating.
  if (typeof WebAssembly !== "object") {
    htmlFallback("wasm", "Skyloom needs WebAssembly, which this browser has turned off. " +
                         "Try an up-to-date Chrome, Firefox, Edge or Safari.");
    return;
  }

  // WebGL2: without it nothing can draw, so show the feed as HTML instead of downloading the app.
  // The probe is made on the app's own canvas with the attributes SDL asks for (no alpha, depth,
  // stencil or multisampling): SDL's later getContext() on that canvas returns this same
  // context, so the browser creates only one (~100-500 ms each under software GL).
  var probe = document.getElementById("canvas").getContext("webgl2", {
    alpha: false, depth: false, stencil: false, antialias: false,
    premultipliedAlpha: true, preserveDrawingBuffer: false});
  if (!probe) {
    // The app script is never loaded, so nothing else downloads or logs.
    htmlFallback("webgl2", "Skyloom needs WebGL 2, which this browser or device has turned off. " +
                           "Try an up-to-date Chrome, Firefox, Edge or Safari, or enable hardware acceleration.");
    return;
  }

  // A visitor's Explore: the app's first request is this page of posts (src/core/api, limit =
  // kFeedPageSize in src/app/state/controller.h). Asked for now, beside the .wasm, and handed to
  // that request (Module.skyloomTakePrefetch, platform/fetch_web.cpp): the posts are there when
  // the app starts instead of a round trip later. Unclaimed after a while, it is dropped.
  var FEED_FIRST_PAGE = "/api/v1/posts?limit=20";
  var PREFETCH_KEEP_MS = 15000;
  var prefetched = {};
  (function prefetchExplore() {
    if (!EXPLORE_HASH.test(location.hash)) return;
    try { if (window.localStorage.getItem("skyloom.refresh_token")) return; } catch (e) { /* a visitor */ }
    config.then(function (c) {
      var base = String((c && c.api_base) || "").replace(/\/+$/, "");
      var url = new URL(base + FEED_FIRST_PAGE, location.href).href;
      prefetched[url] = fetch(url).then(function (r) {
        return r.arrayBuffer().then(function (body) { return {status: r.status, body: body}; });
      });
      prefetched[url].catch(function () { /* the app asks again */ });
      setTimeout(function () { delete prefetched[url]; }, PREFETCH_KEEP_MS);
    });
  })();

  var moduleCompiled = false;
  var earlyDelay = earlyFeedDelay();
  if (earlyDelay >= 0) {
    setTimeout(function () {
      if (moduleCompiled || ready || failed) return;  // the app is about to draw: leave it the CPU
      loadFeedScript().then(function (feed) {
        if (ready || failed || earlyFeedDelay() < 0) return;
        early = feed.start({mode: "early", config: config});
        window.addEventListener("hashchange", function leaveExplore() {
          // Another page was asked for: the loader beneath says how far the app is.
          if (EXPLORE_HASH.test(location.hash)) return;
          dropEarlyFeed();
          window.removeEventListener("hashchange", leaveExplore);
        });
      }, function () { /* the loader still shows progress */ });
    }, earlyDelay);
  }

  // Fonts download in parallel with the .wasm.
  function fetchBytes(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.arrayBuffer();
    });
  }
  var fonts = {};
  Object.keys(assets.fonts).forEach(function (name) { fonts[name] = fetchBytes(assets.fonts[name]); });

  // Streams the .wasm with a byte-accurate progress bar and compiles it while it downloads,
  // starting now rather than after the JS glue has loaded: the two downloads overlap.
  setStatus("Loading…");
  var compiled = fetch(assets.wasm).then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    var total = assets.wasmBytes || Number(response.headers.get("Content-Length")) || 0;
    var loaded = 0;
    var reader = response.body.getReader();
    var counted = new ReadableStream({
      pull: function (controller) {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            setProgress(1);
            setStatus("Starting…");
            controller.close();
            return;
          }
          loaded += chunk.value.byteLength;
          if (total) {
            setProgress(0.95 * loaded / total);
            setStatus("Loading… " + kb(loaded) + " of " + kb(total));
          } else {
            setStatus("Loading… " + kb(loaded));
          }
          controller.enqueue(chunk.value);
        });
      }
    });
    return WebAssembly.compileStreaming(new Response(counted, {headers: {"Content-Type": "application/wasm"}}));
  });
  // A module this browser cannot compile or link (an engine without a feature it uses) is not
  // fixed by a reload: show the feed as HTML. Network errors keep the reload message.
  function loadFailed(err) {
    if (err instanceof WebAssembly.CompileError || err instanceof WebAssembly.LinkError) {
      htmlFallback("compile", "Skyloom could not start in this browser (" + err.message + "). " +
                           "Try an up-to-date Chrome, Firefox, Edge or Safari.");
    } else {
      fatal("Skyloom could not load (" + (err && err.message || err) + "). Check your connection and reload.");
    }
  }
  compiled.then(function () { moduleCompiled = true; }, loadFailed);

  var canvas = document.getElementById("canvas");
  // The app has its own long-press and right-click menus.
  canvas.addEventListener("contextmenu", function (e) { e.preventDefault(); });
  canvas.addEventListener("webglcontextlost", function (e) {
    e.preventDefault();
    fatal("The graphics context was lost. Please reload the page.");
  });

  window.Module = {
    canvas: canvas,
    // Fonts outside the eager map (the meme editor's caption fonts) are fetched on first use.
    skyloomFont: function (name) {
      if (!fonts[name] && assets.lazyFonts && assets.lazyFonts[name]) fonts[name] = fetchBytes(assets.lazyFonts[name]);
      return fonts[name] || Promise.reject(new Error("no font " + name));
    },
    // Absolute URL of a font (the image worker fetches the caption fonts itself).
    skyloomFontUrl: function (name) {
      var path = assets.fonts[name] || (assets.lazyFonts || {})[name];
      return path ? new URL(path, document.baseURI).href : "";
    },
    skyloomFatal: fatal,
    // The prefetched answer for this absolute URL, once (a promise of {status, body}), or null.
    skyloomTakePrefetch: function (url) {
      var answer = prefetched[url] || null;
      delete prefetched[url];
      return answer;
    },
    // The image worker's URL (started on first use by src/app/platform/image_worker_web.cpp).
    skyloomImageWorker: assets.imageWorker,
    skyloomReady: function () { ready = true; loader.classList.add("done"); handOver(); },
    onAbort: function () { fatal("Skyloom stopped unexpectedly. Please reload the page."); },
    // The module was fetched and compiled in parallel with the JS glue (see `compiled` above);
    // only instantiation waits for the glue's imports.
    instantiateWasm: function (imports, done) {
      compiled.then(function (module) {
        return WebAssembly.instantiate(module, imports).then(function (instance) {
          return config.then(function (c) { Module.skyloomConfig = c; done(instance, module); });
        });
      }).catch(loadFailed);
      return {};
    }
  };
  var script = document.createElement("script");
  script.src = assets.js;
  script.async = true;
  script.onerror = function () { fatal("Skyloom could not load. Check your connection and reload."); };
  document.body.appendChild(script);
})();
