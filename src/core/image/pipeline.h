// The upload pipeline in one call: bytes in -> upright, <= 1000 px wide, optionally captioned,
// re-encoded (no metadata) image + 320 px thumbnail + BlurHash placeholder out. The browser
// runs it before uploading; the server can run it on what it receives.
//
//   ProcessOptions options;                      // 1000 px, JPEG q85, no caption
//   Result<ProcessedImage> out = Process(bytes, options);
//   if (!out) ShowError(out.error().message);    // too big, not an image, damaged, ...
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "image/caption.h"
#include "image/encode.h"
#include "image/resize.h"
#include "util/result.h"

namespace skyloom::image {

// A caption drawn onto the resized image. The box is given as fractions of the output size,
// so it does not depend on the upload's resolution.
struct CaptionOptions {
    std::string text;
    Font font;
    CaptionStyle style;        // style.font_px <= 0: fit the text to the box
    float box_x = 0.05f;       // left edge, fraction of the output width
    float box_y = 0.02f;       // top edge, fraction of the output height
    float box_width = 0.9f;    // fraction of the output width
    float box_height = 0.25f;  // fraction of the output height
};

// The steps of Process, in the order they run; the stage callback hears each one before it
// starts (kCaption only when a caption is drawn), so a UI can show "Resizing..." and a bar.
enum class ProcessStage { kDecode, kResize, kOrient, kCaption, kEncode, kThumbnail, kCount };

// A label for progress UIs ("Decoding", "Resizing", ...).
[[nodiscard]] const char* StageName(ProcessStage stage);
// Where `stage` starts on a 0..1 bar over the whole job, from the time each step takes for a
// 12 MP JPEG (scripts/bench-image): decoding dominates, orienting a 1000 px image is nearly free.
[[nodiscard]] double StageStartFraction(ProcessStage stage);

struct ProcessOptions {
    int max_width = kMaxDisplayWidth;       // px; never upscales
    int thumbnail_width = kThumbnailWidth;  // px; never upscales
    int jpeg_quality = kJpegQuality;        // 1..100, used when the output is opaque
    std::optional<CaptionOptions> caption;  // none by default
    // Drawn onto the upright, resized image after the caption and before encoding (the meme
    // renderer, src/core/meme/render.h, which image/ must not depend on); empty = none.
    std::function<void(Image*)> overlay;
    // Called on the calling thread before each stage starts; empty = no progress reports.
    std::function<void(ProcessStage)> on_stage;
};

struct ProcessedImage {
    std::string bytes;  // the encoded display image
    std::string mime;   // "image/jpeg" or "image/png"
    int width = 0;
    int height = 0;
    std::string thumbnail;  // encoded like `bytes`, at most thumbnail_width wide
    std::string thumbnail_mime;
    int thumbnail_width = 0;
    int thumbnail_height = 0;
    std::string placeholder;  // BlurHash of the result
};

// Errors: those of Decode (empty, too large, unsupported, damaged, CMYK).
[[nodiscard]] Result<ProcessedImage> Process(std::string_view bytes,
                                             const ProcessOptions& options = {});

}  // namespace skyloom::image
