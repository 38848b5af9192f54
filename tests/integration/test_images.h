// Small valid image files built in code for upload tests: a real PNG (stored deflate blocks,
// correct CRCs and Adler-32) and JPEG byte streams whose headers are what the server reads.
#pragma once

#include <cstdint>
#include <string>

namespace skyloom::testing {

inline uint32_t Crc32(const std::string& data) {
    uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline void PutBe32(std::string& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += char((v >> shift) & 0xFF);
}

inline void PngChunk(std::string& out, const std::string& type, const std::string& data) {
    PutBe32(out, uint32_t(data.size()));
    std::string typed = type + data;
    out += typed;
    PutBe32(out, Crc32(typed));
}

// An RGB PNG of the given size; `seed` changes the pixels so different seeds differ in bytes.
inline std::string MakePng(uint32_t width, uint32_t height, uint8_t seed = 0) {
    std::string raw;
    for (uint32_t y = 0; y < height; ++y) {
        raw += '\0';  // filter: none
        for (uint32_t x = 0; x < width; ++x) {
            raw += char((x * 7 + seed) & 0xFF);
            raw += char((y * 5 + seed) & 0xFF);
            raw += char((x ^ y) & 0xFF);
        }
    }
    std::string zlib = "\x78\x01";
    for (size_t offset = 0; offset < raw.size() || offset == 0; offset += 65535) {
        size_t n = std::min<size_t>(65535, raw.size() - offset);
        bool last = offset + n >= raw.size();
        zlib += char(last ? 1 : 0);
        zlib += char(n & 0xFF);
        zlib += char(n >> 8);
        zlib += char(~n & 0xFF);
        zlib += char((~n >> 8) & 0xFF);
        zlib += raw.substr(offset, n);
        if (last) break;
    }
    uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    PutBe32(zlib, (b << 16) | a);
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    PutBe32(ihdr, width);
    PutBe32(ihdr, height);
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB
    PngChunk(png, "IHDR", ihdr);
    PngChunk(png, "IDAT", zlib);
    PngChunk(png, "IEND", "");
    return png;
}

// SOI, APP0, SOF0 (with `components`), EOI: a JPEG header the server probes.
inline std::string MakeJpegHeader(uint32_t width, uint32_t height, int components = 3) {
    std::string j("\xFF\xD8", 2);
    j += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
    std::string sof("\xFF\xC0", 2);
    uint32_t length = 8 + 3 * uint32_t(components);
    sof += char(length >> 8);
    sof += char(length & 0xFF);
    sof += char(8);
    sof += char(height >> 8);
    sof += char(height & 0xFF);
    sof += char(width >> 8);
    sof += char(width & 0xFF);
    sof += char(components);
    for (int c = 0; c < components; ++c) sof += std::string{char(c + 1), char(0x11), char(0)};
    j += sof;
    j += std::string("\xFF\xD9", 2);
    return j;
}

}  // namespace skyloom::testing
