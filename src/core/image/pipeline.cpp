#include "image/pipeline.h"

#include <cassert>
#include <cmath>
#include <iterator>
#include <utility>

#include "image/decode.h"
#include "image/exif.h"
#include "image/orient.h"
#include "image/placeholder.h"

namespace skyloom::image {
namespace {

bool SwapsSides(Orientation o) {
    return o == Orientation::kTranspose || o == Orientation::kRotate90Cw ||
           o == Orientation::kTransverse || o == Orientation::kRotate90Ccw;
}

void ApplyCaption(Image* image, const CaptionOptions& caption) {
    Box box{int(std::lround(caption.box_x * image->width)),
            int(std::lround(caption.box_y * image->height)),
            int(std::lround(caption.box_width * image->width)),
            int(std::lround(caption.box_height * image->height))};
    CaptionStyle style = caption.style;
    if (style.font_px <= 0) style.font_px = FitFontSize(caption.font, caption.text, box, style);
    DrawCaption(image, caption.font, caption.text, box, style);
}

// Share of a 12 MP JPEG job each stage starts at (see StageStartFraction).
constexpr double kStageStart[] = {
    0.00,  // kDecode
    0.54,  // kResize
    0.82,  // kOrient
    0.83,  // kCaption
    0.84,  // kEncode
    0.95,  // kThumbnail (resize + encode + BlurHash)
};
static_assert(std::size(kStageStart) == size_t(ProcessStage::kCount));

}  // namespace

const char* StageName(ProcessStage stage) {
    switch (stage) {
        case ProcessStage::kDecode:
            return "Decoding";
        case ProcessStage::kResize:
            return "Resizing";
        case ProcessStage::kOrient:
            return "Rotating";
        case ProcessStage::kCaption:
            return "Drawing caption";
        case ProcessStage::kEncode:
            return "Encoding";
        case ProcessStage::kThumbnail:
            return "Making thumbnail";
        case ProcessStage::kCount:
            break;
    }
    assert(false && "StageName: not a stage");
    return "";
}

double StageStartFraction(ProcessStage stage) {
    assert(stage < ProcessStage::kCount && "StageStartFraction: not a stage");
    return kStageStart[size_t(stage)];
}

Result<ProcessedImage> Process(std::string_view bytes, const ProcessOptions& options) {
    auto stage = [&](ProcessStage s) {
        if (options.on_stage) options.on_stage(s);
    };
    stage(ProcessStage::kDecode);
    Result<Image> decoded = Decode(bytes);
    if (!decoded) return decoded.error();
    Image image = std::move(decoded).value();
    const Orientation orientation = ReadExifOrientation(bytes);

    // Resize before orienting: both commute, and rotating the small image is ~12x cheaper.
    const bool swaps = SwapsSides(orientation);
    const Size upright = swaps ? Size{image.height, image.width} : Size{image.width, image.height};
    const Size target = FitWidth(upright.width, upright.height, options.max_width);
    stage(ProcessStage::kResize);
    if (target.width != upright.width) {
        image = swaps ? Resize(std::move(image), target.height, target.width)
                      : Resize(std::move(image), target.width, target.height);
    }
    stage(ProcessStage::kOrient);
    image = ApplyOrientation(std::move(image), orientation);
    if (options.caption || options.overlay) {
        stage(ProcessStage::kCaption);
        if (options.caption) ApplyCaption(&image, *options.caption);
        if (options.overlay) options.overlay(&image);
    }

    stage(ProcessStage::kEncode);
    ProcessedImage out;
    EncodedImage main = EncodeAuto(image, options.jpeg_quality);
    out.bytes = std::move(main.bytes);
    out.mime = std::move(main.mime);
    out.width = image.width;
    out.height = image.height;

    stage(ProcessStage::kThumbnail);
    Image thumbnail = ResizeToWidth(image, options.thumbnail_width);
    EncodedImage thumb = EncodeAuto(thumbnail, options.jpeg_quality);
    out.thumbnail = std::move(thumb.bytes);
    out.thumbnail_mime = std::move(thumb.mime);
    out.thumbnail_width = thumbnail.width;
    out.thumbnail_height = thumbnail.height;
    out.placeholder = EncodeBlurHash(thumbnail);
    return out;
}

}  // namespace skyloom::image
