// The browser's text engine for what Dear ImGui's atlas cannot draw (see ui/rich_text.h).
//
// Layout: paragraphs split at hard newlines; each takes its base direction from its first
// strong character (like CSS `unicode-bidi: plaintext`, what `dir=auto` gives per paragraph);
// Intl.Segmenter's word boundaries are the break opportunities (dictionary-based for CJK and
// Thai), measureText decides where lines end, a word wider than the line breaks between
// grapheme clusters, and closing punctuation never starts a line. Line boxes are ImGui's
// (ascent + descent of Inter at the atlas's size), grown only where the ink of a line needs it
// (Thai marks, Devanagari, emoji), so mixed blocks line up with atlas text.
//
// Raster: Canvas 2D fillText does shaping, bidi, Arabic joining, font fallback and colour
// emoji; the pixels go to a GL texture registered in emscripten's GL.textures table, so C++
// uses its name as an ImTextureID (uploaded un-premultiplied, as ImGui blends). Text needed on
// screen now is drawn at once on the main thread (0.5-2 ms a block); text prefetched below the
// view is drawn in a Web Worker on an OffscreenCanvas, so while scrolling the main thread only
// uploads ImageBitmaps (~0.05 ms: docs/benchmarks.md). Without OffscreenCanvas in workers the
// same drawing code runs on the main thread.
//
// Fonts: Inter's bytes (already downloaded for the atlas) are registered with document.fonts,
// so the browser draws Latin with the same font; the script fonts of the asset map
// (SKYLOOM_ASSETS.scriptFonts, built by scripts/make-dist) are declared with their
// unicode-range and fetched by document.fonts.load() the first time a layout needs them.
#include <emscripten.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/platform.h"

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_text_fonts_loaded();
extern "C" EMSCRIPTEN_KEEPALIVE const char* skyloom_text_drawn();
extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_text_raster_done(int request, int count,
                                                              const int32_t* tiles);
extern "C" EMSCRIPTEN_KEEPALIVE const char* skyloom_text_stats();

// clang-format off
EM_JS(void, skyloom_text_init, (), {
    // EM_JS bodies lose one level of backslashes on their way into the glue: regex escapes are
    // written with "~" and turned into backslashes here.
    function re(pattern, flags) { return new RegExp(pattern.replace(/~/g, String.fromCharCode(92)), flags); }
    var T = Module.skyloomText = {
        layouts: new Map(),
        nextId: 1,
        canvas: null,
        ctx: null,
        words: new Intl.Segmenter(undefined, {granularity: "word"}),
        graphemes: new Intl.Segmenter(undefined, {granularity: "grapheme"}),
        stack: "Inter, sans-serif",
        // Inter's unitsPerEm / (hhea ascender - descender): ImGui sizes fonts by that height,
        // CSS by the em. Read from the real bytes below; this is Inter 4.0's value.
        emPerLine: 2048 / (1984 + 494),
        pending: 0,
        loads: [],
        // font + text pairs whose load settled: if check() still says no (a font failed to
        // load), the fallback fonts are final instead of waiting again.
        settled: new Set(),
        space: re("^~s+$", "u"),
        rtl: new RegExp("[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF\\u{10800}-\\u{10FFF}\\u{1E800}-\\u{1EFFF}]", "u"),
        letter: re("~p{L}", "u"),
        // UAX #14 classes CL, CP, EX, IS, NS (closing punctuation, small kana, iteration marks)
        // never start a line; OP and QU-initial never end one.
        noBreakBefore: re("^[~p{Pe}~p{Pf}~p{Pd}!%),.:;?\\u00BB\\u2026\\u3001\\u3002\\u3005\\u301F\\u3041\\u3043\\u3045\\u3047\\u3049\\u3063\\u3083\\u3085\\u3087\\u308E\\u309D\\u309E\\u30A1\\u30A3\\u30A5\\u30A7\\u30A9\\u30C3\\u30E3\\u30E5\\u30E7\\u30EE\\u30F5\\u30F6\\u30FC\\u30FD\\u30FE\\uFF01\\uFF09\\uFF0C\\uFF0E\\uFF1A\\uFF1B\\uFF1F]", "u"),
        noBreakAfter: re("[~p{Ps}~p{Pi}\\u00AB(]$", "u"),
        cr: re("~r", "g")
    };

    // unitsPerEm (head) and hhea ascender/descender, as stb_truetype reads them for ImGui.
    function emPerLine(buffer) {
        var v = new DataView(buffer);
        var tables = v.getUint16(4);
        var upem = 0, asc = 0, desc = 0;
        for (var i = 0; i < tables; i++) {
            var rec = 12 + i * 16;
            var tag = String.fromCharCode(v.getUint8(rec), v.getUint8(rec + 1), v.getUint8(rec + 2), v.getUint8(rec + 3));
            var off = v.getUint32(rec + 8);
            if (tag === "head") upem = v.getUint16(off + 18);
            if (tag === "hhea") { asc = v.getInt16(off + 4); desc = v.getInt16(off + 6); }
        }
        return upem && asc - desc > 0 ? upem / (asc - desc) : 0;
    }
    [["inter", "400"], ["inter_semibold", "600"]].forEach(function(face) {
        if (!Module.skyloomFont) return;
        Module.skyloomFont(face[0]).then(function(buffer) {
            if (face[1] === "400") T.emPerLine = emPerLine(buffer) || T.emPerLine;
            // Before any raster that could need it (messages to the worker keep their order).
            T.workerFaces([{family: "Inter", source: buffer.slice(0), descriptors: {weight: face[1]}}]);
            var f = new FontFace("Inter", buffer, {weight: face[1]});
            document.fonts.add(f);
            return f.load();
        }).then(function() { T.fontsChanged(); }, function() {});
    });

    // Script fonts: declared now, fetched by unicode-range when a layout first needs them.
    var assets = window.SKYLOOM_ASSETS || {};
    var families = [];
    var workerFaces = [];
    (assets.scriptFonts || []).forEach(function(face) {
        // local(): a font the system has under that name wins and nothing is fetched (emoji).
        var src = (face.local || []).map(function(name) { return "local(" + JSON.stringify(name) + ")"; });
        // Absolute: the worker's base URL is a blob: URL.
        src.push("url(" + JSON.stringify(new URL(face.url, document.baseURI).href) + ") format(\"woff2\")");
        var descriptors = {unicodeRange: face.range, display: "block"};
        document.fonts.add(new FontFace(face.family, src.join(", "), descriptors));
        workerFaces.push({family: face.family, source: src.join(", "), descriptors: descriptors});
        if (families.indexOf(face.family) < 0) families.push(face.family);
    });
    T.stack = ["Inter"].concat(families.map(function(f) { return JSON.stringify(f); }), ["sans-serif"]).join(", ");
    // DOM text (inputs, reference renderings) can use the same stack.
    document.documentElement.style.setProperty("--skyloom-text-fonts", T.stack);

    // An OffscreenCanvas handed to texImage2D as it is (no readback): 0.5-0.6 ms a block where
    // getImageData + a typed-array upload took 1.8-3.9 ms (scripts/bench-text-raster). Not its
    // transferToImageBitmap(): WebGL ignores UNPACK_PREMULTIPLY_ALPHA for ImageBitmaps, and a
    // premultiplied texture under ImGui's blending darkens every glyph's edge (a dark halo on
    // white text). Also used for measuring.
    T.context = function() {
        if (!T.ctx) {
            T.canvas = new OffscreenCanvas(256, 64);
            T.ctx = T.canvas.getContext("2d");
        }
        return T.ctx;
    };
    T.firstStrong = function(text) {
        for (var ch of text) {
            if (T.rtl.test(ch)) return "rtl";
            if (T.letter.test(ch)) return "ltr";
        }
        return "ltr";
    };
    // Widths of words by font, for line breaking: words recur across posts, and measuring
    // "line + word" for every word was most of a first frame's layout (docs/benchmarks.md).
    T.wordWidths = new Map();
    T.wordWidth = function(ctx, s) {
        var key = ctx.font + "\u0000" + s;
        var w = T.wordWidths.get(key);
        if (w === undefined) {
            if (T.wordWidths.size > 20000) T.wordWidths.clear();
            w = ctx.measureText(s).width;
            T.wordWidths.set(key, w);
        }
        return w;
    };
    // A font arrived: widths measured with a fallback are stale, and every layout is redone.
    T.fontsChanged = function() {
        T.wordWidths.clear();
        _skyloom_text_fonts_loaded();
    };
    // A line's width as the sum of its words' widths is exact for advance widths and off by
    // kerning or shaping across a word boundary; where that could change the break, the real
    // string is measured.
    var EDGE_PX = 2;
    T.fits = function(ctx, line, lineWidth, s, wrap) {
        var sum = lineWidth + T.wordWidth(ctx, s);
        if (Math.abs(sum - wrap) > EDGE_PX) return sum <= wrap;
        return ctx.measureText(line + s).width <= wrap;
    };
    T.breakLines = function(ctx, para, wrap) {
        var segs = Array.from(T.words.segment(para), function(s) { return s.segment; });
        var lines = [], line = "", lineWidth = 0;
        for (var i = 0; i < segs.length; i++) {
            var s = segs[i];
            var space = T.space.test(s);
            if (line === "" && space && lines.length > 0) continue;
            if (line !== "" && !space && !T.fits(ctx, line, lineWidth, s, wrap) &&
                !T.noBreakBefore.test(s) && !T.noBreakAfter.test(line)) {
                lines.push(line.trimEnd());
                line = "";
                lineWidth = 0;
                i--;
                continue;
            }
            if (line === "" && T.wordWidth(ctx, s) > wrap) {
                var part = "";
                for (var g of T.graphemes.segment(s)) {
                    if (part !== "" && ctx.measureText(part + g.segment).width > wrap) {
                        lines.push(part);
                        part = "";
                    }
                    part += g.segment;
                }
                line = part;
                lineWidth = ctx.measureText(part).width;
                continue;
            }
            line += s;
            lineWidth += T.wordWidth(ctx, s);
        }
        lines.push(line.trimEnd());
        return lines;
    };
    // Draws a layout's lines in tiles of at most maxTilePx device px, calling emit(top, w, h)
    // after each with the tile on `canvas`. Self-contained: the worker runs its source text.
    T.drawTiles = function(ctx, canvas, job, emit) {
        var ratio = job.ratio, pad = job.padPx, lines = job.lines;
        var alignW = job.rtl && job.alignPx > 0 ? Math.max(job.alignPx, job.width) : job.width;
        // Wider than a texture may be (a very long unwrapped line): the rest is cut off.
        var wPx = Math.min(job.maxTilePx, Math.ceil(alignW * ratio) + 2 * pad);
        var c = job.rgba;
        var style = "rgba(" + (c & 255) + "," + ((c >>> 8) & 255) + "," + ((c >>> 16) & 255) + "," +
                    ((c >>> 24) & 255) / 255 + ")";
        var count = 0, start = 0;
        while (start < lines.length && count < job.maxTiles) {
            var topPx = Math.floor(lines[start].y * ratio);
            var end = start + 1;
            while (end < lines.length) {
                var next = lines[end];
                if (Math.ceil((next.y + next.a + next.d) * ratio) - topPx + 2 * pad > job.maxTilePx) break;
                end++;
            }
            var last = lines[end - 1];
            var hPx = Math.ceil((last.y + last.a + last.d) * ratio) - topPx + 2 * pad;
            canvas.width = wPx;  // resizing clears the canvas and resets its state
            canvas.height = hPx;
            ctx.setTransform(ratio, 0, 0, ratio, pad, pad - topPx);
            ctx.font = job.font;
            ctx.fillStyle = style;
            ctx.textBaseline = "alphabetic";
            for (var i = start; i < end; i++) {
                var line = lines[i];
                ctx.direction = line.dir;
                ctx.textAlign = line.dir === "rtl" ? "right" : "left";
                ctx.fillText(line.t, line.dir === "rtl" ? alignW : 0, line.y + line.a);
            }
            emit(topPx, wPx, hPx);
            count++;
            start = end;
        }
    };
    // A texture from a canvas or an ImageBitmap, registered in emscripten's GL table.
    // Un-premultiplied: ImGui blends straight alpha. For a canvas UNPACK_PREMULTIPLY_ALPHA
    // does it; WebGL ignores it for ImageBitmaps, which the worker makes with
    // premultiplyAlpha "none" (a premultiplied texture darkens every glyph's edge).
    T.upload = function(source) {
        var gl = GLctx;
        var texture = gl.createTexture();
        var name = GL.getNewId(GL.textures);
        texture.name = name;
        GL.textures[name] = texture;
        gl.bindTexture(gl.TEXTURE_2D, texture);
        gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
        gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        gl.bindTexture(gl.TEXTURE_2D, null);  // ImGui binds per draw call
        return name;
    };
    T.uploadMs = 0;
    T.finish = function(request, tiles) {
        var p = _malloc(Math.max(1, tiles.length) * 16);
        for (var i = 0; i < tiles.length; i++) {
            var o = (p >> 2) + i * 4;
            HEAP32[o] = tiles[i].name;
            HEAP32[o + 1] = tiles[i].topPx;
            HEAP32[o + 2] = tiles[i].w;
            HEAP32[o + 3] = tiles[i].h;
        }
        _skyloom_text_raster_done(request, tiles.length, p);
        _free(p);
    };
    // The worker: fillText off the main thread, which then only uploads the ImageBitmaps
    // (~0.05 ms a block instead of 0.5-2 ms: scripts/bench-text-raster). It has its own
    // FontFaceSet: the same faces are declared there (script fonts come from the HTTP cache).
    T.inflight = new Map();
    T.worker = null;
    function workerMain(drawTiles) {
        var canvas = new OffscreenCanvas(1, 1);
        var ctx = canvas.getContext("2d");
        var queue = Promise.resolve();
        self.onmessage = function(e) {
            var m = e.data;
            if (m.faces) {
                m.faces.forEach(function(f) { self.fonts.add(new FontFace(f.family, f.source, f.descriptors)); });
                return;
            }
            queue = queue.then(function() {
                return self.fonts.load(m.job.font, m.text).catch(function() {});
            }).then(function() {
                var made = [];
                drawTiles(ctx, canvas, m.job, function(topPx, w, h) {
                    made.push(createImageBitmap(canvas, {premultiplyAlpha: "none"}).then(function(bitmap) {
                        return {bitmap: bitmap, topPx: topPx, w: w, h: h};
                    }));
                });
                return Promise.all(made);
            }).then(function(tiles) {
                self.postMessage({id: m.id, tiles: tiles}, tiles.map(function(t) { return t.bitmap; }));
            }, function() { self.postMessage({id: m.id, tiles: []}); });
        };
    }
    try {
        if (typeof OffscreenCanvas !== "undefined" && typeof Worker !== "undefined") {
            var source = "(" + workerMain.toString() + ")(" + T.drawTiles.toString() + ");";
            T.worker = new Worker(URL.createObjectURL(new Blob([source], {type: "text/javascript"})));
            // No worker after all: what it had is drawn here, and so is everything after.
            var abandonWorker = function() {
                var worker = T.worker;
                T.worker = null;
                if (worker) worker.terminate();
                var pending = Array.from(T.inflight.entries());
                T.inflight.clear();
                pending.forEach(function(entry) {
                    var tiles = [];
                    T.drawTiles(T.context(), T.canvas, entry[1], function(topPx, w, h) {
                        tiles.push({name: T.upload(T.canvas), topPx: topPx, w: w, h: h});
                    });
                    T.finish(entry[0], tiles);
                });
            };
            // WebKitGTK 2.50 cannot upload an ImageBitmap a worker transferred (texImage2D fails
            // with INVALID_VALUE and the texture samples black): the first reply's first tile
            // is checked once, and where it fails the text is drawn on this thread instead.
            var bitmapsChecked = false;
            var uploadFails = function(bitmap) {
                var gl = GLctx;
                for (var i = 0; i < 8 && gl.getError() !== gl.NO_ERROR; i++) {}  // older errors
                var name = T.upload(bitmap);
                if (gl.getError() === gl.NO_ERROR) return name;
                gl.deleteTexture(GL.textures[name]);
                GL.textures[name] = null;
                return 0;
            };
            T.worker.onmessage = function(e) {
                var m = e.data;
                var job = T.inflight.get(m.id);
                if (!T.inflight.delete(m.id)) return;
                var t0 = performance.now();
                var first = 0;
                if (!bitmapsChecked && m.tiles.length) {
                    bitmapsChecked = true;
                    first = uploadFails(m.tiles[0].bitmap);
                    if (!first) {
                        m.tiles.forEach(function(t) { t.bitmap.close(); });
                        T.inflight.set(m.id, job);
                        abandonWorker();
                        return;
                    }
                }
                var tiles = m.tiles.map(function(t, i) {
                    var name = i === 0 && first ? first : T.upload(t.bitmap);
                    t.bitmap.close();
                    return {name: name, topPx: t.topPx, w: t.w, h: t.h};
                });
                T.uploadMs += performance.now() - t0;
                T.finish(m.id, tiles);
            };
            T.worker.onerror = abandonWorker;
        }
    } catch (e) {
        T.worker = null;
    }
    T.workerFaces = function(faces) { if (T.worker) T.worker.postMessage({faces: faces}); };
    T.workerFaces(workerFaces);
    T.waitForFonts = function(font, text) {
        T.pending++;
        var start = performance.now();
        var timeout = new Promise(function(resolve) { setTimeout(resolve, 3000); });
        var done = function() {
            T.pending--;
            if (T.settled.size > 4096) T.settled.clear();  // a bound; at worst one more wait
            T.settled.add(font + "|" + text);
            T.loads.push({ms: performance.now() - start, text: text.slice(0, 24)});
            if (T.loads.length > 100) T.loads.shift();
            T.fontsChanged();
        };
        Promise.race([document.fonts.load(font, text), timeout]).then(done, done);
    };
});

EM_JS(int, skyloom_text_layout, (const char* text_ptr, int text_len, int weight, float line_px,
                                 float ascent_px, float wrap, int wait, float* out), {
    var T = Module.skyloomText;
    if (!T) return 0;
    var text = UTF8ToString(text_ptr, text_len).replace(T.cr, "");
    var font = weight + " " + (line_px * T.emPerLine).toFixed(3) + "px " + T.stack;
    var pending = false;
    var ready = true;
    try { ready = document.fonts.check(font, text); } catch (e) { ready = true; }
    if (!ready && wait && !T.settled.has(font + "|" + text)) {
        pending = true;
        T.waitForFonts(font, text);
    }
    var ctx = T.context();
    ctx.font = font;
    var lines = [], width = 0, height = 0, rtl = false;
    var descent = line_px - ascent_px;
    var paras = text.split("\n");
    for (var p = 0; p < paras.length; p++) {
        var dir = T.firstStrong(paras[p]);
        if (dir === "rtl") rtl = true;
        var broken = wrap > 0 ? T.breakLines(ctx, paras[p], wrap) : [paras[p]];
        for (var i = 0; i < broken.length; i++) {
            var m = ctx.measureText(broken[i]);
            var a = Math.max(ascent_px, m.actualBoundingBoxAscent || 0);
            var d = Math.max(descent, m.actualBoundingBoxDescent || 0);
            lines.push({t: broken[i], w: m.width, dir: dir, a: a, d: d, y: height, p: p});
            height += a + d;
            width = Math.max(width, m.width);
        }
    }
    var id = T.nextId++;
    T.layouts.set(id, {lines: lines, font: font, width: width, height: height, rtl: rtl});
    HEAPF32[out >> 2] = width;
    HEAPF32[(out >> 2) + 1] = height;
    HEAPF32[(out >> 2) + 2] = pending ? 1 : 0;
    return id;
});

EM_JS(void, skyloom_text_free, (int id), {
    if (Module.skyloomText) Module.skyloomText.layouts.delete(id);
});

// Rasterises layout `id` for request `request`; the tiles reach _skyloom_text_raster_done as
// records of 4 ints (GL name, y offset, width, height in device px), from the worker's reply
// or, without a worker, before this returns.
EM_JS(void, skyloom_text_raster, (int request, int id, uint32_t rgba, float ratio, float align_px,
                                  int pad_px, int max_tiles, int max_tile_px, int in_worker), {
    var T = Module.skyloomText;
    var L = T && T.layouts.get(id);
    if (!L || !L.lines.length) { T.finish(request, []); return; }
    var job = {lines: L.lines, font: L.font, width: L.width, rtl: L.rtl, rgba: rgba, ratio: ratio,
               alignPx: align_px, padPx: pad_px, maxTiles: max_tiles, maxTilePx: max_tile_px};
    if (T.worker && in_worker) {
        T.inflight.set(request, job);
        T.worker.postMessage({id: request, job: job, text: L.lines.map(function(l) { return l.t; }).join(" ")});
        return;
    }
    var tiles = [];
    var t0 = performance.now();
    T.drawTiles(T.context(), T.canvas, job, function(topPx, w, h) {
        tiles.push({name: T.upload(T.canvas), topPx: topPx, w: w, h: h});
    });
    T.uploadMs += performance.now() - t0;
    T.finish(request, tiles);
});

EM_JS(void, skyloom_text_bridge_install, (), {
    var api = window.skyloom = window.skyloom || {};
    var T = Module.skyloomText;
    api.textBlocks = function() {
        var r = Module.canvas.getBoundingClientRect();
        var blocks = JSON.parse(UTF8ToString(_skyloom_text_drawn()));
        blocks.forEach(function(b) {
            b.x += r.left;
            b.y += r.top;
            var L = b.engine === "browser" && T && T.layouts.get(b.id);
            if (!L) return;
            var alignW = L.rtl && b.wrap > 0 ? Math.max(b.wrap, L.width) : L.width;
            b.lines = L.lines.map(function(l) {
                return {text: l.t, dir: l.dir, x: b.x + (l.dir === "rtl" ? alignW - l.w : 0),
                        y: b.y + l.y, w: l.w, h: l.a + l.d};
            });
        });
        return blocks;
    };
    api.textStats = function() {
        var s = JSON.parse(UTF8ToString(_skyloom_text_stats()));
        s.fontLoads = T ? T.loads.slice() : [];
        s.fontLoadsPending = T ? T.pending : 0;
        s.fontStack = T ? T.stack : "";
        s.emPerLine = T ? T.emPerLine : 0;
        s.uploadMs = T ? T.uploadMs : 0;  // main-thread time uploading finished rasters
        s.worker = !!(T && T.worker);
        return s;
    };
});
// clang-format on

namespace skyloom::platform {
namespace {

// Taller tiles than this are split: 2048 is the smallest MAX_TEXTURE_SIZE WebGL 2 allows.
constexpr int kMaxTilePx = 2048;
constexpr int kMaxTiles = 64;  // a 2000-character post of one word per line fits at 3x

using RasterDone = std::function<void(std::vector<TextTile>)>;

struct TextEngineWeb {
    std::function<void()> on_fonts_loaded;
    std::function<std::string()> drawn_json;
    std::function<std::string()> stats_json;
    std::string drawn;  // owned here so the pointers handed to JS stay valid until the next call
    std::string stats;
    std::unordered_map<int, RasterDone> rasters;  // requests in flight
    int next_request = 1;
    bool in_raster_call = false;  // a main-thread raster answers before RasterText returns
};
TextEngineWeb& Web() {
    static TextEngineWeb web;
    return web;
}

}  // namespace

void InitTextEngine(std::function<void()> on_fonts_loaded) {
    Web().on_fonts_loaded = std::move(on_fonts_loaded);
    skyloom_text_init();
}

TextLayout LayoutText(std::string_view text, const TextStyle& style, float wrap_px,
                      bool wait_for_fonts) {
    float out[3] = {0, 0, 0};
    TextLayout layout;
    layout.id =
        skyloom_text_layout(text.data(), static_cast<int>(text.size()), style.weight, style.line_px,
                            style.ascent_px, wrap_px, wait_for_fonts ? 1 : 0, out);
    layout.width = out[0];
    layout.height = out[1];
    layout.fonts_pending = out[2] != 0.0f;
    return layout;
}

void FreeTextLayout(int id) {
    if (id != 0) skyloom_text_free(id);
}

void RasterText(int layout_id, uint32_t rgba, float pixel_ratio, float align_px, bool in_worker,
                std::function<void(std::vector<TextTile>)> done) {
    const int request = Web().next_request++;
    Web().rasters[request] = std::move(done);
    const int pad_px = static_cast<int>(std::ceil(kTextRasterPad * pixel_ratio));
    Web().in_raster_call = true;
    skyloom_text_raster(request, layout_id, rgba, pixel_ratio, align_px, pad_px, kMaxTiles,
                        kMaxTilePx, in_worker ? 1 : 0);
    Web().in_raster_call = false;
}

void InstallTextBridge(std::function<std::string()> drawn_json,
                       std::function<std::string()> stats_json) {
    Web().drawn_json = std::move(drawn_json);
    Web().stats_json = std::move(stats_json);
    skyloom_text_bridge_install();
}

}  // namespace skyloom::platform

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_text_fonts_loaded() {
    skyloom::platform::PostToMainLoop([] {
        if (auto& done = skyloom::platform::Web().on_fonts_loaded) done();
    });
}

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_text_raster_done(int request, int count,
                                                              const int32_t* tiles) {
    auto& rasters = skyloom::platform::Web().rasters;
    auto it = rasters.find(request);
    if (it == rasters.end()) return;
    std::vector<skyloom::platform::TextTile> out;
    for (int i = 0; i < count; i++) {
        out.push_back({static_cast<uint32_t>(tiles[i * 4]), tiles[i * 4 + 1], tiles[i * 4 + 2],
                       tiles[i * 4 + 3]});
    }
    auto done = std::move(it->second);
    rasters.erase(it);
    // Drawn on the main thread: at once, so the frame that asked can show it. From the
    // worker: at the start of the next frame, like every other asynchronous result.
    if (skyloom::platform::Web().in_raster_call) {
        done(std::move(out));
        return;
    }
    skyloom::platform::PostToMainLoop(
        [done = std::move(done), out = std::move(out)]() mutable { done(std::move(out)); });
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* skyloom_text_drawn() {
    auto& web = skyloom::platform::Web();
    web.drawn = web.drawn_json ? web.drawn_json() : std::string("[]");
    return web.drawn.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* skyloom_text_stats() {
    auto& web = skyloom::platform::Web();
    web.stats = web.stats_json ? web.stats_json() : std::string("{}");
    return web.stats.c_str();
}
