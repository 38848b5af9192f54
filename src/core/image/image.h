// Image: an 8-bit, straight-alpha raster in memory, the one currency of the image pipeline
// (decode -> orient -> resize -> caption -> encode).
//
//   Image img = Image::Blank(640, 480, 4);
//   uint8_t* p = img.Pixel(10, 20);  // p[0..3] = R, G, B, A
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace skyloom::image {

struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;             // 3 (RGB, opaque) or 4 (RGBA, straight alpha)
    std::vector<uint8_t> pixels;  // row-major, tightly packed: width * channels bytes a row

    [[nodiscard]] static Image Blank(int width, int height, int channels);

    [[nodiscard]] bool Empty() const { return width <= 0 || height <= 0; }
    [[nodiscard]] size_t Stride() const { return size_t(width) * channels; }
    [[nodiscard]] uint8_t* Pixel(int x, int y) { return &pixels[y * Stride() + x * channels]; }
    [[nodiscard]] const uint8_t* Pixel(int x, int y) const {
        return &pixels[y * Stride() + x * channels];
    }
};

// True when some pixel is not fully opaque (decides PNG over JPEG on encode).
[[nodiscard]] bool HasTransparency(const Image& image);

// The same pixels with the given channel count (3 drops alpha, 4 adds an opaque one).
[[nodiscard]] Image WithChannels(const Image& image, int channels);

}  // namespace skyloom::image
