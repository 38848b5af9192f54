#include "image/encode.h"

#include <cassert>

#include <stb/stb_image_write.h>

namespace skyloom::image {
namespace {

void AppendToString(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), size_t(size));
}

}  // namespace

std::string EncodeJpeg(const Image& image, int quality) {
    assert(!image.Empty() && "EncodeJpeg: empty image");
    std::string out;
    int ok = stbi_write_jpg_to_func(AppendToString, &out, image.width, image.height, image.channels,
                                    image.pixels.data(), quality);
    assert(ok && "stbi_write_jpg failed");
    (void)ok;
    return out;
}

std::string EncodePng(const Image& image) {
    assert(!image.Empty() && "EncodePng: empty image");
    std::string out;
    int ok = stbi_write_png_to_func(AppendToString, &out, image.width, image.height, image.channels,
                                    image.pixels.data(), int(image.Stride()));
    assert(ok && "stbi_write_png failed");
    (void)ok;
    return out;
}

EncodedImage EncodeAuto(const Image& image, int jpeg_quality) {
    if (HasTransparency(image)) return {EncodePng(image), "image/png"};
    return {EncodeJpeg(image, jpeg_quality), "image/jpeg"};
}

}  // namespace skyloom::image
