#include "image/exif.h"

#include <cstdint>

namespace skyloom::image {
namespace {

constexpr uint16_t kOrientationTag = 0x0112;
constexpr uint16_t kTypeShort = 3;

// A bounds-checked view of the TIFF block inside the APP1 segment.
struct Tiff {
    std::string_view data;
    bool little_endian = false;

    bool U16(size_t at, uint16_t* out) const {
        if (at > data.size() || data.size() - at < 2) return false;
        uint8_t a = uint8_t(data[at]), b = uint8_t(data[at + 1]);
        *out = little_endian ? uint16_t(a | (b << 8)) : uint16_t((a << 8) | b);
        return true;
    }
    bool U32(size_t at, uint32_t* out) const {
        uint16_t hi = 0, lo = 0;
        if (!U16(at, little_endian ? &lo : &hi) || !U16(at + 2, little_endian ? &hi : &lo)) {
            return false;
        }
        *out = (uint32_t(hi) << 16) | lo;
        return true;
    }
};

Orientation OrientationFromTiff(std::string_view data) {
    if (data.size() < 8) return Orientation::kNormal;
    Tiff tiff{data, false};
    if (data.substr(0, 2) == "II") {
        tiff.little_endian = true;
    } else if (data.substr(0, 2) != "MM") {
        return Orientation::kNormal;
    }
    uint16_t magic = 0;
    uint32_t ifd0 = 0;
    uint16_t count = 0;
    if (!tiff.U16(2, &magic) || magic != 42 || !tiff.U32(4, &ifd0) || !tiff.U16(ifd0, &count)) {
        return Orientation::kNormal;
    }
    for (uint32_t k = 0; k < count; ++k) {
        size_t entry = size_t(ifd0) + 2 + size_t(k) * 12;
        uint16_t tag = 0, type = 0, value = 0;
        if (!tiff.U16(entry, &tag) || !tiff.U16(entry + 2, &type)) break;
        if (tag != kOrientationTag) continue;
        // A SHORT value sits left-justified in the 4-byte value field, in the file's order.
        if (type != kTypeShort || !tiff.U16(entry + 8, &value)) break;
        if (value >= 1 && value <= 8) return Orientation(value);
        break;
    }
    return Orientation::kNormal;
}

}  // namespace

Orientation ReadExifOrientation(std::string_view b) {
    if (b.size() < 4 || uint8_t(b[0]) != 0xFF || uint8_t(b[1]) != 0xD8) {
        return Orientation::kNormal;
    }
    size_t i = 2;
    while (i + 4 <= b.size()) {
        if (uint8_t(b[i]) != 0xFF) break;
        uint8_t marker = uint8_t(b[i + 1]);
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) break;  // scan data: no metadata after this
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            i += 2;
            continue;
        }
        size_t length = (size_t(uint8_t(b[i + 2])) << 8) | uint8_t(b[i + 3]);
        if (length < 2 || i + 2 + length > b.size()) break;
        std::string_view payload = b.substr(i + 4, length - 2);
        if (marker == 0xE1 && payload.size() >= 6 &&
            payload.substr(0, 6) == std::string_view("Exif\0\0", 6)) {
            return OrientationFromTiff(payload.substr(6));
        }
        i += 2 + length;
    }
    return Orientation::kNormal;
}

}  // namespace skyloom::image
