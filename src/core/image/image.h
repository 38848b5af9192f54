// Image: an 8-bit, straight-alpha raster in memory, the one currency of the image pipeline
// (decode -> orient -> resize -> caption -> encode).
//
//   Image img = Image::Blank(640, 480, 4);
//   uint8_t* p = img.Pixel(10, 20);  // p[0..3] = R, G, B, A
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace skyloom::image {

// Owns malloc'd pixel bytes, so a decoder's buffer (stb_image allocates with malloc) is adopted
// without a copy: a 12 MP photo is 36 MB, and the browser's wasm heap never shrinks.
class PixelBuffer {
  public:
    PixelBuffer() = default;
    explicit PixelBuffer(size_t size);  // zero-filled
    // Takes ownership of `malloced` (released with std::free).
    [[nodiscard]] static PixelBuffer Adopt(uint8_t* malloced, size_t size);

    PixelBuffer(const PixelBuffer& other) : PixelBuffer(other.m_size) { CopyFrom(other); }
    PixelBuffer& operator=(const PixelBuffer& other);
    PixelBuffer(PixelBuffer&&) noexcept = default;
    PixelBuffer& operator=(PixelBuffer&&) noexcept = default;

    [[nodiscard]] uint8_t* data() { return m_data.get(); }
    [[nodiscard]] const uint8_t* data() const { return m_data.get(); }
    [[nodiscard]] size_t size() const { return m_size; }
    uint8_t& operator[](size_t i) { return m_data.get()[i]; }
    const uint8_t& operator[](size_t i) const { return m_data.get()[i]; }
    uint8_t* begin() { return data(); }
    uint8_t* end() { return data() + m_size; }
    const uint8_t* begin() const { return data(); }
    const uint8_t* end() const { return data() + m_size; }

  private:
    struct Free {
        void operator()(uint8_t* p) const { std::free(p); }
    };
    void CopyFrom(const PixelBuffer& other);

    std::unique_ptr<uint8_t, Free> m_data;
    size_t m_size = 0;
};

struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;    // 3 (RGB, opaque) or 4 (RGBA, straight alpha)
    PixelBuffer pixels;  // row-major, tightly packed: width * channels bytes a row

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
