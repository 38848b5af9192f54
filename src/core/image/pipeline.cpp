#include "image/pipeline.h"

#include <cmath>
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

}  // namespace

Result<ProcessedImage> Process(std::string_view bytes, const ProcessOptions& options) {
    Result<Image> decoded = Decode(bytes);
    if (!decoded) return decoded.error();
    Image image = std::move(decoded).value();
    const Orientation orientation = ReadExifOrientation(bytes);

    // Resize before orienting: both commute, and rotating the small image is ~12x cheaper.
    const bool swaps = SwapsSides(orientation);
    const Size upright = swaps ? Size{image.height, image.width} : Size{image.width, image.height};
    const Size target = FitWidth(upright.width, upright.height, options.max_width);
    if (target.width != upright.width) {
        image = swaps ? Resize(std::move(image), target.height, target.width)
                      : Resize(std::move(image), target.width, target.height);
    }
    image = ApplyOrientation(std::move(image), orientation);
    if (options.caption) ApplyCaption(&image, *options.caption);

    ProcessedImage out;
    EncodedImage main = EncodeAuto(image, options.jpeg_quality);
    out.bytes = std::move(main.bytes);
    out.mime = std::move(main.mime);
    out.width = image.width;
    out.height = image.height;

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
