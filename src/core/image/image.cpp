#include "image/image.h"

#include <cassert>
#include <cstring>

namespace skyloom::image {

PixelBuffer::PixelBuffer(size_t size)
    : m_data(static_cast<uint8_t*>(std::calloc(size ? size : 1, 1))), m_size(size) {
    assert(m_data && "PixelBuffer: out of memory");
}

PixelBuffer PixelBuffer::Adopt(uint8_t* malloced, size_t size) {
    PixelBuffer buffer;
    buffer.m_data.reset(malloced);
    buffer.m_size = size;
    return buffer;
}

PixelBuffer& PixelBuffer::operator=(const PixelBuffer& other) {
    if (this != &other) *this = PixelBuffer(other);
    return *this;
}

void PixelBuffer::CopyFrom(const PixelBuffer& other) {
    if (other.m_size) std::memcpy(m_data.get(), other.m_data.get(), other.m_size);
}

Image Image::Blank(int width, int height, int channels) {
    assert(width >= 0 && height >= 0 && (channels == 3 || channels == 4) &&
           "Image::Blank: bad dimensions or channel count");
    Image image{width, height, channels, {}};
    image.pixels = PixelBuffer(size_t(width) * height * channels);
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
