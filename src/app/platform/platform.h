// The browser services the app uses, one concern per implementation file (*_web.cpp, chosen by
// src/app/CMakeLists.txt). Nothing outside src/app/platform includes emscripten headers.
//
// Threading: everything runs on the browser's main thread. Results of asynchronous work
// (fetch, timers, fonts, hash changes) are posted with PostToMainLoop() and applied at the start
// of the next frame, which the post also wakes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http.h"
#include "util/result.h"

namespace skyloom::platform {

// ---- loop_web.cpp: idle-aware frame scheduling --------------------------------------------
constexpr int kFramesAfterWake = 2;  // ImGui settles hover/layout one frame after an event
// Asks for `count` more rendered frames, resuming the paused main loop if needed.
void RequestFrames(int count = kFramesAfterWake);
// Keeps frames coming while something animates (spinner); cleared after each frame.
void KeepAnimating();
// Called at the top of each main-loop tick: false means "nothing to do", the loop is now paused.
[[nodiscard]] bool BeginTick();
// Runs `fn` at the start of the next frame (and wakes the loop).
void PostToMainLoop(std::function<void()> fn);
void DrainMainLoopQueue();
// Wakes the loop on every SDL event (input, resize, visibility); call after SDL_Init.
void InstallWakeOnEvents();
[[nodiscard]] bool PageHidden();

// ---- fetch_web.cpp -----------------------------------------------------------------------
// A skyloom::Transport over XMLHttpRequest (upload progress, abort); `done` runs via
// PostToMainLoop.
[[nodiscard]] Transport MakeFetchTransport();

// ---- image_input_web.cpp: the three ways an image reaches the app ---------------------------
// The shell's <input type=file id=file-input>, a drop onto the canvas, or a paste of an image.
struct PickedFile {
    std::string name;
    std::string mime;   // as the browser reports it; may be empty
    uint64_t size = 0;  // bytes on disk
    std::string bytes;  // empty when the file is larger than `max_bytes` (not read at all)
};
// `on_file` runs via the main loop for every file picked, dropped or pasted; `on_drag` with
// true while files are dragged over the page (to show a drop target) and false after.
void InstallImageInput(uint64_t max_bytes, std::function<void(PickedFile)> on_file,
                       std::function<void(bool dragging)> on_drag);
// Opens the browser's file chooser; call while handling a click (user activation).
void OpenImagePicker();

// ---- textures_web.cpp: images as GL textures for ImGui::Image ------------------------------
struct Texture {
    uint32_t handle = 0;  // GL texture name, usable as ImTextureID
    int width = 0;
    int height = 0;
    size_t bytes = 0;  // GPU memory estimate (RGBA + mipmaps)
};
// Downloads `url` and decodes it with the browser's decoder off the main thread
// (createImageBitmap; see docs/benchmarks.md for why not stb in WASM), then uploads it.
void LoadTextureFromUrl(const std::string& url, std::function<void(Result<Texture>)> done);
// The same for bytes already in memory (the composer's preview of a processed image).
void LoadTextureFromBytes(const std::string& bytes, const std::string& mime,
                          std::function<void(Result<Texture>)> done);
// A small texture from RGBA pixels (BlurHash placeholders), uploaded synchronously.
[[nodiscard]] Texture CreateTextureRgba(int width, int height, const uint8_t* rgba);
void DeleteTexture(uint32_t handle);
// GPU bytes of a width x height RGBA texture with its mipmap chain.
[[nodiscard]] size_t TextureBytes(int width, int height);

// ---- storage_web.cpp: window.localStorage --------------------------------------------------
[[nodiscard]] std::optional<std::string> StorageGet(const std::string& key);
void StorageSet(const std::string& key, const std::string& value);
void StorageRemove(const std::string& key);

// ---- clipboard_web.cpp ---------------------------------------------------------------------
// Routes ImGui's clipboard to the OS one: paste events fill it, copies go to
// navigator.clipboard. Call after the ImGui context and its SDL backend exist.
void InstallClipboard();
// Text of every browser paste event (Ctrl/Cmd+V anywhere on the page), via the main loop.
void OnPaste(std::function<void(std::string text)> listener);
// Puts `text` on the OS clipboard (call while handling a click: user activation).
void CopyToClipboard(const std::string& text);

// ---- text_fields_web.cpp (+ text_fields_web.js): real DOM text fields over ImGui's -------
// Creates the page's field layer; `on_event` gets each field event as JSON (see
// core/ui/text_field_sync.h) the moment the page reports it, and the loop wakes.
void InstallTextFields(const std::string& theme_json,
                       std::function<void(const std::string& event_json)> on_event);
// Applies one frame's page update (TextFieldSync::TakePageUpdate); "" does nothing.
void UpdateTextFields(const std::string& update_json);
// Takes the focus out of the page's text fields (a tap on the canvas elsewhere).
void BlurTextFields();

// ---- text_layer_web.cpp (+ text_layer_web.js): selectable copies of drawn text -----------
// Creates the layer (below the text fields) with the CSS font family of the drawn text.
void InstallTextLayer(const std::string& font_family);
// Applies one frame's blocks (ui/selectable_text.cpp's JSON).
void UpdateTextLayer(const std::string& update_json);

// ---- aria_web.cpp (+ aria_web.js): the accessibility mirror (core/ui/aria_tree.h) ---------
// Creates the page's hidden mirror tree; `on_event(kind, key)` runs via the main loop for
// "focus" (key "" when the focus left the mirror) and "activate" (click, Enter, Space).
void InstallAria(std::function<void(const std::string& kind, const std::string& key)> on_event);
// Applies a core::AriaPatch ("" = none) and then focuses the node `focus_key` ("" = leave it).
void UpdateAria(const std::string& patch_json, const std::string& focus_key);

// ---- touch_web.cpp (+ touch_web.js): touches on the canvas and on the page's text fields ----
enum TouchType { kTouchStart = 0, kTouchMove = 1, kTouchEnd = 2, kTouchCancel = 3 };
// `listener(type, finger id, x, y, time ms, target)` runs synchronously for each changed touch;
// target 0 = the canvas, 1 = a page text field, 2 = selectable text. Coordinates are CSS px of the
// page, times on NowMs()'s clock. Also stops SDL from turning touches into mouse events.
void InstallTouch(
    std::function<void(int type, int id, float x, float y, double t_ms, int target)> listener);

// ---- credentials_web.cpp -------------------------------------------------------------------
// After a successful sign-in: navigator.credentials.store(new PasswordCredential(...)) where the
// browser has it, so its password manager offers to save the account.
void StoreCredential(const std::string& username, const std::string& password);

// ---- route_web.cpp: URL hash + title -------------------------------------------------------
[[nodiscard]] std::string CurrentHash();  // "#/login" or ""
// The absolute URL of this page with `hash` ("https://site/app/#/post/7"), for links to share.
[[nodiscard]] std::string PageUrl(const std::string& hash);
void SetHash(const std::string& hash, bool push);  // push: new history entry
void SetTitle(const std::string& title);
void OnHashChange(std::function<void(std::string hash)> listener);  // back/forward, typed URL

// ---- timer_web.cpp -------------------------------------------------------------------------
void SetTimeout(double ms, std::function<void()> fn);  // fn runs via PostToMainLoop
// fn runs straight from the browser's timer and renders no frame: for work that only updates the
// page around the canvas (the selectable text layer coming back after a scroll).
void SetPageTimeout(double ms, std::function<void()> fn);
[[nodiscard]] double NowMs();         // monotonic, ms since navigation start
[[nodiscard]] int64_t WallClockMs();  // Unix epoch ms (Date.now())

// ---- focus_web.cpp -------------------------------------------------------------------------
// The window regained focus or the tab became visible again; `listener` runs via the main loop.
void OnFocus(std::function<void()> listener);

// ---- display_web.cpp: canvas size and devicePixelRatio -------------------------------------
[[nodiscard]] float DevicePixelRatio();
// Keeps the canvas backing store at CSS size x devicePixelRatio; call each frame (cheap).
void SyncCanvasSize();
void OnPixelRatioChange(std::function<void()> listener);

// ---- fonts_web.cpp -------------------------------------------------------------------------
// Fetches a font listed in the shell's asset map ("inter", "inter_semibold", ...); the shell
// starts these downloads in parallel with the .wasm. Empty bytes on failure.
void LoadFont(const std::string& name, std::function<void(std::vector<unsigned char>)> done);
// Shows a blocking error over the page (fonts missing, WebGL context lost, ...).
void ShowFatalError(const std::string& message);

// ---- text_raster_web.cpp: the browser's text engine for scripts the atlas cannot draw ----
// Lays text out with Intl.Segmenter + measureText and rasterises it with Canvas 2D fillText
// (shaping, bidi, joining, colour emoji, system and web fonts) into GL textures usable as
// ImTextureID. Fonts: Inter (the same bytes as the atlas, registered with document.fonts) and
// the script fonts of the shell's asset map, fetched by unicode-range on first use.
struct TextStyle {
    int weight = 400;         // CSS font-weight
    float line_px = 16.0f;    // ImGui's line height (its font "size": ascent - descent), CSS px
    float ascent_px = 12.8f;  // baseline below the line's top, CSS px
};
struct TextLayout {
    int id = 0;                  // handle of the lines kept in JS; 0 when the engine is missing
    float width = 0.0f;          // CSS px: widest line
    float height = 0.0f;         // CSS px: sum of the line boxes
    bool fonts_pending = false;  // laid out with fallback fonts while a needed font loads
};
struct TextTile {
    uint32_t handle = 0;  // GL texture name
    int y_px = 0;         // device px from the block's top (tall blocks are split in tiles)
    int width_px = 0;
    int height_px = 0;
};
constexpr float kTextRasterPad = 2.0f;  // CSS px of transparent margin around a raster (overhang)
// `on_fonts_loaded` runs via the main loop each time fonts that a layout waited for arrive.
void InitTextEngine(std::function<void()> on_fonts_loaded);
// `wrap_px` <= 0: no wrapping. `wait_for_fonts`: start loading missing fonts and report
// fonts_pending (false once a block has waited: it then takes the fallback fonts).
[[nodiscard]] TextLayout LayoutText(std::string_view text, const TextStyle& style, float wrap_px,
                                    bool wait_for_fonts);
void FreeTextLayout(int id);
// Rasterises a layout in `rgba` (ImGui ImU32 byte order) at `pixel_ratio`; right-to-left
// paragraphs are right-aligned at `align_px` (the wrap width; <= 0: the block's width).
// `in_worker`: in a Web Worker (when the browser has OffscreenCanvas there): almost free for
// the main thread but a frame or two later, and slow the first time (the worker loads its own
// fonts); otherwise now, on the main thread. `done` gets the tiles (RGBA, not premultiplied;
// none on failure): before this returns on the main thread, else via the main loop.
void RasterText(int layout_id, uint32_t rgba, float pixel_ratio, float align_px, bool in_worker,
                std::function<void(std::vector<TextTile>)> done);
// window.skyloom.textBlocks() (the text blocks drawn in the last frame, with their lines, CSS px
// of the page) and window.skyloom.textStats() (caches, font loads, first-glyph times).
void InstallTextBridge(std::function<std::string()> drawn_json,
                       std::function<std::string()> stats_json);

// ---- config_web.cpp ------------------------------------------------------------------------
// config.json's api_base as the shell loaded it ("" = same origin).
[[nodiscard]] std::string ApiBase();
// An absolute URL on the API server ("/p/42" -> "https://api.example/p/42"): shared links, which
// the server answers with a preview page (server/http/preview_routes.h).
[[nodiscard]] std::string ServerUrl(const std::string& path);

// ---- bridge_web.cpp: window.skyloom --------------------------------------------------------
void InstallBridge(std::function<std::string()> state_json);
// Per rendered frame: counts frames, records when the sign-in form first appeared, and keeps
// the CPU time of the last frames (skyloom.frameMs, for the scrolling budget in bench-app).
void NotifyFrameRendered(bool sign_in_form_visible, double frame_cpu_ms, double mirror_cpu_ms);

// ---- image_bridge_web.cpp ------------------------------------------------------------------
// window.skyloom.processImage(buffer, options) / cancelImage(id): the image worker client
// (image_worker.h) for tests and benchmarks, through the same C++ path the app uses.
void InstallImageBridge();

}  // namespace skyloom::platform
