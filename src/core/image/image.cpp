#include "image/image.h"

#include <cassert>

namespace skyloom::image {

Image Image::Blank(int width, int height, int channels) {
    assert(width >= 0 && height >= 0 && (channels == 3 || channels == 4) &&
           "Image::Blank: bad dimensions or channel count");
    Image image{width, height, channels, {}};
    image.pixels.assign(size_t(width) * height * channels, 0);
    return image;
}

bool HasTransparency(const Image& image) {
    if (image.channels != 4) return false;
    for (size_t i = 3; i < image.pixels.size(); i += 4) {
        if (image.pixels[i] != 255) return true;
    }
    return false;
}

Image WithChannels(const Image& image, int channels) {
    if (image.channels == channels) return image;
    Image out = Image::Blank(image.width, image.height, channels);
    const size_t count = size_t(image.width) * image.height;
    const uint8_t* src = image.pixels.data();
    uint8_t* dst = out.pixels.data();
    for (size_t i = 0; i < count; ++i, src += image.channels, dst += channels) {
        dst[0] = src[0];
        dst[1] = src[1];
        dst[2] = src[2];
        if (channels == 4) dst[3] = 255;
    }
    return out;
}

}  // namespace skyloom::image
