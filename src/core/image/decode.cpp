#include "image/decode.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include <stb/stb_image.h>

#include "image/probe.h"

namespace skyloom::image {
namespace {

Error Corrupt(const std::string& why) {
    return Error{"corrupt_image", "The image file is damaged: " + why, 422};
}

uint32_t Le16(std::string_view b, size_t i) {
    return uint32_t(uint8_t(b[i])) | (uint32_t(uint8_t(b[i + 1])) << 8);
}
uint32_t Le32(std::string_view b, size_t i) {
    return Le16(b, i) | (Le16(b, i + 2) << 16);
}

// Checks a DHT payload the way libjpeg does (jdhuff.c, "Bogus Huffman table"): Debian's
// stb_image 2.27 trusts the 16 code counts and writes past its 257-entry tables when they sum
// to more than 256, and mis-indexes when the counts break Kraft's inequality (nothings/stb
// issues 1289 and 1291, fixed upstream in PR 1297 / v2.28). Found by tests/fuzz in seconds.
// `defined[class][id]` records each table seen (class 0 = DC, 1 = AC).
bool HuffmanTablesAreSane(std::string_view payload, bool defined[2][4]) {
    size_t p = 0;
    while (p < payload.size()) {
        if (p + 17 > payload.size()) return false;
        const uint8_t table = uint8_t(payload[p]);
        if ((table >> 4) > 1 || (table & 15) > 3) return false;
        uint32_t total = 0, codes = 0;
        for (int length = 1; length <= 16; ++length) {
            const uint32_t count = uint8_t(payload[p + size_t(length)]);
            total += count;
            codes += count;
            if (codes > (1u << length)) return false;  // more codes than this length allows
            codes <<= 1;
        }
        if (total > 256) return false;
        defined[table >> 4][table & 15] = true;
        p += 17 + total;
    }
    return p == payload.size();
}

// stb_image 2.27 decodes a scan with a Huffman table that was never defined (all zeros) and
// then indexes its symbol arrays with garbage (nothings/stb issue 1289; found by decode_fuzzer).
// Which tables a scan uses (ITU T.81 G.1.2): baseline DC and AC; progressive DC-first scans
// (Ss = 0, Ah = 0) DC only, DC refinement none, AC scans (Ss > 0) AC only.
bool ScanTablesAreDefined(std::string_view sos, bool progressive, const bool defined[2][4]) {
    if (sos.empty()) return false;
    const size_t components = uint8_t(sos[0]);
    if (sos.size() < 1 + 2 * components + 3) return false;
    const uint8_t ss = uint8_t(sos[1 + 2 * components]);
    const uint8_t ah = uint8_t(sos[3 + 2 * components]) >> 4;
    const bool uses_dc = !progressive || (ss == 0 && ah == 0);
    const bool uses_ac = !progressive || ss > 0;
    for (size_t n = 0; n < components; ++n) {
        const uint8_t tables = uint8_t(sos[2 + 2 * n]);
        const int dc = tables >> 4, ac = tables & 15;
        if ((uses_dc && (dc > 3 || !defined[0][dc])) || (uses_ac && (ac > 3 || !defined[1][ac]))) {
            return false;
        }
    }
    return true;
}

// Walks every JPEG segment and scan up to EOI. stb_image pads a truncated entropy stream with
// zeros instead of failing, so a cut-off upload would decode into a grey smear; the walk also
// vets Huffman tables before stb sees them. Returns nullptr when sound, else the reason.
const char* JpegStructureError(std::string_view b) {
    bool defined[2][4] = {};
    bool progressive = false;
    size_t i = 2;
    while (true) {
        if (i + 2 > b.size()) return "the JPEG is truncated";
        if (uint8_t(b[i]) != 0xFF) return "bad JPEG marker";
        const uint8_t marker = uint8_t(b[i + 1]);
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (marker == 0xD9) return nullptr;  // EOI
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            i += 2;
            continue;
        }
        if (i + 4 > b.size()) return "the JPEG is truncated";
        const size_t length = (size_t(uint8_t(b[i + 2])) << 8) | uint8_t(b[i + 3]);
        if (length < 2) return "bad JPEG segment length";
        if (i + 2 + length > b.size()) return "the JPEG is truncated";
        const std::string_view payload = b.substr(i + 4, length - 2);
        if (marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE) {
            progressive = true;
        }
        if (marker == 0xC4 && !HuffmanTablesAreSane(payload, defined)) {
            return "bad JPEG Huffman table";
        }
        if (marker == 0xDA && !ScanTablesAreDefined(payload, progressive, defined)) {
            return "a JPEG scan uses an undefined Huffman table";
        }
        i += 2 + length;
        if (marker != 0xDA) continue;
        // Entropy-coded data: 0xFF only as FF 00 (stuffing) or FF D0..D7 (restart markers).
        while (true) {
            const void* ff = std::memchr(b.data() + i, 0xFF, b.size() - i);
            if (!ff) return "the JPEG is truncated";
            i = size_t(static_cast<const char*>(ff) - b.data());
            if (i + 1 >= b.size()) return "the JPEG is truncated";
            const uint8_t next = uint8_t(b[i + 1]);
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                i += 2;
                continue;
            }
            break;  // the next segment's marker
        }
    }
}

// A PNG ends with an IEND chunk (type + CRC); stb stops at the last IDAT, so a file cut after
// its pixel data would otherwise pass. Strict on purpose: a cut file is a failed upload.
bool PngHasEndChunk(std::string_view b) {
    size_t at = b.rfind("IEND");
    return at != std::string_view::npos && at >= 37 && at + 8 <= b.size();
}

// stb's GIF reader also reads zeros past the end. Walk the block structure up to the end of the
// first image's data sub-blocks (GIF89a spec, sections 18-23) and require it all to be present.
bool GifFirstFrameIsComplete(std::string_view b) {
    auto color_table_bytes = [](uint8_t flags) -> size_t {
        return (flags & 0x80) ? 3u << ((flags & 7) + 1) : 0;
    };
    auto skip_sub_blocks = [&](size_t* i) {  // size byte + data, until a zero-size block
        while (*i < b.size()) {
            uint8_t n = uint8_t(b[*i]);
            *i += 1 + n;
            if (n == 0) return *i <= b.size();
        }
        return false;
    };
    if (b.size() < 13) return false;
    size_t i = 13 + color_table_bytes(uint8_t(b[10]));
    while (i < b.size()) {
        uint8_t introducer = uint8_t(b[i]);
        if (introducer == 0x21) {  // extension: label, then sub-blocks
            i += 2;
            if (!skip_sub_blocks(&i)) return false;
        } else if (introducer == 0x2C) {  // image descriptor, local table, LZW size, data
            if (i + 10 > b.size()) return false;
            i += 10 + color_table_bytes(uint8_t(b[i + 9])) + 1;
            return skip_sub_blocks(&i);
        } else {
            return false;  // trailer or garbage before any image
        }
    }
    return false;
}

// Same for uncompressed BMP: stb reads zeros past the end. The pixel array must fit.
bool BmpIsComplete(std::string_view b, const ImageInfo& info) {
    if (b.size() < 34) return false;
    uint32_t header_size = Le32(b, 14);
    uint32_t bits = header_size == 12 ? Le16(b, 24) : Le16(b, 28);
    uint32_t compression = header_size == 12 ? 0 : Le32(b, 30);
    if (compression != 0 && compression != 3) return true;  // RLE etc.: stb refuses those itself
    uint64_t row_bytes = (uint64_t(info.width) * bits + 31) / 32 * 4;
    return uint64_t(Le32(b, 10)) + row_bytes * info.height <= b.size();
}

// One row of PackRgbaToRgb; out of line so V8 optimises it during a fresh worker's first job
// (no on-stack replacement for wasm; see resize.cpp's row kernels).
[[gnu::noinline]] void PackRow(const uint8_t* in, uint8_t* out, size_t count) {
    for (size_t i = 0; i < count; ++i, in += 4, out += 3) {
        out[0] = in[0], out[1] = in[1], out[2] = in[2];
    }
}

// Packs RGBA pixels (alpha ignored) into RGB in place, front to back: each write lands at or
// before the read it follows, so nothing is overwritten before it is read.
void PackRgbaToRgb(uint8_t* pixels, size_t width, size_t height) {
    for (size_t y = 0; y < height; ++y)
        PackRow(pixels + y * width * 4, pixels + y * width * 3, width);
}

}  // namespace

Result<Image> Decode(std::string_view bytes) {
    Result<ImageInfo> probed = ProbeImage(bytes);
    if (!probed) return probed.error();
    const ImageInfo& info = probed.value();
    if (info.format == Format::kJpeg) {
        if (const char* error = JpegStructureError(bytes)) return Corrupt(error);
    }
    if (info.format == Format::kPng && !PngHasEndChunk(bytes)) {
        return Corrupt("the PNG is truncated");
    }
    if (info.format == Format::kGif && !GifFirstFrameIsComplete(bytes)) {
        return Corrupt("the GIF is truncated");
    }
    if (info.format == Format::kBmp && !BmpIsComplete(bytes, info)) {
        return Corrupt("the BMP is truncated");
    }

    // Everything decodes to RGBA. JPEGs never carry alpha and are packed to RGB right after:
    // stb converts YCbCr with SSE2 (wasm SIMD in the image worker) only for 4 channels, and its
    // scalar 3-channel loop was 14% of a 12 MP job; the pack costs far less. Other formats may
    // have alpha and are checked below.
    const int wanted = 4;
    int width = 0, height = 0, file_channels = 0;
    stbi_uc* data =
        stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), int(bytes.size()),
                              &width, &height, &file_channels, wanted);
    if (!data) {
        const char* reason = stbi_failure_reason();
        return Corrupt(reason ? reason : "unknown decoder error");
    }
    if (uint32_t(width) != info.width || uint32_t(height) != info.height) {
        stbi_image_free(data);
        return Corrupt("the header and the pixel data disagree on the size");
    }
    // stb allocates with malloc (STBI_MALLOC is left at its default in stb_image_impl.cpp).
    const size_t pixels = size_t(width) * height;
    if (info.format == Format::kJpeg) {
        PackRgbaToRgb(data, size_t(width), size_t(height));
        // Give the unused quarter back (shrinking realloc keeps the block where it is).
        if (auto* smaller = static_cast<stbi_uc*>(std::realloc(data, pixels * 3))) data = smaller;
        return Image{width, height, 3, PixelBuffer::Adopt(data, pixels * 3)};
    }
    Image image{width, height, wanted, PixelBuffer::Adopt(data, pixels * size_t(wanted))};
    if (!HasTransparency(image)) image = WithChannels(image, 3);
    return image;
}

}  // namespace skyloom::image
