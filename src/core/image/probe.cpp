#include "image/probe.h"

namespace skyloom::image {
namespace {

uint32_t Be16(std::string_view b, size_t i) {
    return (uint32_t(uint8_t(b[i])) << 8) | uint8_t(b[i + 1]);
}
uint32_t Be32(std::string_view b, size_t i) { return (Be16(b, i) << 16) | Be16(b, i + 2); }
uint32_t Le16(std::string_view b, size_t i) {
    return uint32_t(uint8_t(b[i])) | (uint32_t(uint8_t(b[i + 1])) << 8);
}
uint32_t Le32(std::string_view b, size_t i) { return Le16(b, i) | (Le16(b, i + 2) << 16); }

Error Corrupt(const char* why) {
    return Error{"corrupt_image", std::string("The image file is damaged: ") + why, 422};
}

Result<ImageInfo> ProbeJpeg(std::string_view b) {
    size_t i = 2;  // after SOI
    while (i + 4 <= b.size()) {
        if (uint8_t(b[i]) != 0xFF) return Corrupt("bad JPEG marker");
        uint8_t marker = uint8_t(b[i + 1]);
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            i += 2;  // markers without a length
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) break;  // EOI or scan data before any frame
        uint32_t length = Be16(b, i + 2);
        if (length < 2) return Corrupt("bad JPEG segment length");
        bool is_sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                      marker != 0xCC;
        if (is_sof) {
            if (i + 10 > b.size()) return Corrupt("truncated JPEG frame header");
            ImageInfo info{Format::kJpeg, Be16(b, i + 7), Be16(b, i + 5), uint8_t(b[i + 9])};
            if (info.channels == 4) {
                return Error{"cmyk_unsupported",
                             "CMYK JPEGs (from print workflows) are not supported; save the "
                             "image as RGB and try again",
                             422};
            }
            return info;
        }
        i += 2 + length;
    }
    return Corrupt("no JPEG frame header");
}

Result<ImageInfo> ProbePng(std::string_view b) {
    if (b.size() < 33 || b.substr(12, 4) != "IHDR") return Corrupt("missing PNG header");
    static const int kChannels[] = {1, 0, 3, 1, 2, 0, 4};  // by colour type
    uint8_t color_type = uint8_t(b[25]);
    int channels = color_type <= 6 ? kChannels[color_type] : 0;
    if (channels == 0) return Corrupt("unknown PNG colour type");
    return ImageInfo{Format::kPng, Be32(b, 16), Be32(b, 20), channels};
}

Result<ImageInfo> ProbeGif(std::string_view b) {
    if (b.size() < 10) return Corrupt("truncated GIF header");
    return ImageInfo{Format::kGif, Le16(b, 6), Le16(b, 8), 4};
}

Result<ImageInfo> ProbeBmp(std::string_view b) {
    if (b.size() < 26) return Corrupt("truncated BMP header");
    uint32_t header_size = Le32(b, 14);
    if (header_size == 12) return ImageInfo{Format::kBmp, Le16(b, 18), Le16(b, 20), 3};
    if (b.size() < 26 || header_size < 40) return Corrupt("unknown BMP header");
    int32_t width = int32_t(Le32(b, 18));
    int32_t height = int32_t(Le32(b, 22));
    if (width <= 0 || height == 0 || height == INT32_MIN) return Corrupt("bad BMP dimensions");
    return ImageInfo{Format::kBmp, uint32_t(width), uint32_t(height < 0 ? -height : height), 4};
}

}  // namespace

const char* MimeType(Format format) {
    switch (format) {
        case Format::kJpeg: return "image/jpeg";
        case Format::kPng: return "image/png";
        case Format::kGif: return "image/gif";
        case Format::kBmp: return "image/bmp";
        case Format::kUnknown: break;
    }
    return "";
}

Result<ImageInfo> ProbeImage(std::string_view b) {
    if (b.empty()) return Error{"empty_file", "The file is empty", 422};
    if (b.size() > kMaxFileBytes) {
        return Error{"file_too_large", "Images can be at most 25 MB", 413};
    }
    Result<ImageInfo> info = Error{};
    if (b.size() >= 3 && uint8_t(b[0]) == 0xFF && uint8_t(b[1]) == 0xD8 && uint8_t(b[2]) == 0xFF) {
        info = ProbeJpeg(b);
    } else if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) {
        info = ProbePng(b);
    } else if (b.size() >= 6 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")) {
        info = ProbeGif(b);
    } else if (b.size() >= 2 && b.substr(0, 2) == "BM") {
        info = ProbeBmp(b);
    } else {
        return Error{"unsupported_format",
                     "That file is not an image we can read (JPEG, PNG, GIF or BMP)", 415};
    }
    if (!info) return info;
    const ImageInfo& v = info.value();
    if (v.width == 0 || v.height == 0) return Corrupt("zero width or height");
    if (v.width > kMaxSide || v.height > kMaxSide ||
        uint64_t(v.width) * v.height > kMaxPixels) {
        return Error{"image_too_large",
                     "Images can be at most 12 000 px on a side and 50 megapixels; this one is " +
                         std::to_string(v.width) + "x" + std::to_string(v.height),
                     422};
    }
    return info;
}

}  // namespace skyloom::image
