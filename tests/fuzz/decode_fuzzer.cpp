// libFuzzer target over the untrusted-input half of the image pipeline: header probe, EXIF
// orientation, decode, orientation, and a small resize. Any crash, sanitizer report, leak or
// input taking seconds is a bug (uploads come from anyone). Built with clang by
// tests/fuzz/run-decode-fuzzer: a ~20 s smoke run in CTest, `make fuzz` for long runs.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "image/decode.h"
#include "image/exif.h"
#include "image/orient.h"
#include "image/probe.h"
#include "image/resize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace skyloom::image;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)ProbeImage(bytes);
    const Orientation orientation = ReadExifOrientation(bytes);
    skyloom::Result<Image> decoded = Decode(bytes);
    if (!decoded) return 0;
    Image upright = ApplyOrientation(std::move(decoded).value(), orientation);
    if (upright.width > 1) (void)ResizeToWidth(upright, upright.width / 2);
    return 0;
}
