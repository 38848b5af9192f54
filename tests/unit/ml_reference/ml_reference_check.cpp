// Compares our classifier with nsfwjs on the reference images: for every image in the JSON that
// nsfwjs_reference.mjs wrote, runs our engine on the same PPM bytes and checks every class's
// probability within kTolerance and the same top-1 class. Prints one row per image.
//   skyloom-ml-reference-check MODEL.skm REFERENCE.json IMAGE_DIR
// Exit status 0 when every image agrees and there are at least kMinImages of them.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ml/classifier.h"

namespace {

constexpr double kTolerance = 0.01;
constexpr size_t kMinImages = 20;

std::vector<uint8_t> ReadBytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

// Binary PPM (P6, maxval 255, comments allowed) -> 3-channel image; empty on any error.
skyloom::image::Image ReadPpm(const std::string& path) {
    const std::vector<uint8_t> data = ReadBytes(path);
    size_t pos = 0;
    const auto token = [&]() {
        for (;;) {
            while (pos < data.size() && std::isspace(data[pos])) ++pos;
            if (pos >= data.size() || data[pos] != '#') break;
            while (pos < data.size() && data[pos] != '\n') ++pos;
        }
        std::string t;
        while (pos < data.size() && !std::isspace(data[pos])) t += char(data[pos++]);
        return t;
    };
    if (token() != "P6") return {};
    const int width = std::atoi(token().c_str());
    const int height = std::atoi(token().c_str());
    if (token() != "255" || width <= 0 || height <= 0) return {};
    ++pos;
    const size_t size = size_t(width) * height * 3;
    if (data.size() < pos + size) return {};
    skyloom::image::Image image = skyloom::image::Image::Blank(width, height, 3);
    std::copy(data.begin() + long(pos), data.begin() + long(pos + size), image.pixels.begin());
    return image;
}

size_t ArgMax(const std::vector<double>& v) {
    return size_t(std::max_element(v.begin(), v.end()) - v.begin());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s MODEL.skm REFERENCE.json IMAGE_DIR\n", argv[0]);
        return 2;
    }
    const std::vector<uint8_t> model_bytes = ReadBytes(argv[1]);
    auto classifier = skyloom::ml::Classifier::Load(model_bytes);
    if (!classifier) {
        std::fprintf(stderr, "%s: %s\n", argv[1], classifier.error().message.c_str());
        return 1;
    }
    std::ifstream ref_file(argv[2]);
    const nlohmann::json ref = nlohmann::json::parse(ref_file, nullptr, false);
    if (ref.is_discarded() || !ref.contains("images") || !ref.contains("classes")) {
        std::fprintf(stderr, "%s: not a reference file\n", argv[2]);
        return 1;
    }
    const std::vector<std::string>& names = classifier.value().ClassNames();
    if (ref["classes"].get<std::vector<std::string>>() != names) {
        std::fprintf(stderr, "class order differs between nsfwjs and the model file\n");
        return 1;
    }
    std::printf("%-34s %-8s %-8s %10s\n", "image", "nsfwjs", "ours", "max |diff|");
    double worst = 0;
    size_t failures = 0, count = 0;
    for (const auto& [file, expected_json] : ref["images"].items()) {
        const std::vector<double> expected = expected_json.get<std::vector<double>>();
        const skyloom::image::Image image = ReadPpm(std::string(argv[3]) + "/" + file);
        const std::vector<float> got_f = classifier.value().Probabilities(image);
        if (got_f.size() != expected.size()) {
            std::printf("%-34s could not run (image unreadable?)\n", file.c_str());
            ++failures;
            continue;
        }
        const std::vector<double> got(got_f.begin(), got_f.end());
        double diff = 0;
        for (size_t i = 0; i < got.size(); ++i)
            diff = std::max(diff, std::abs(got[i] - expected[i]));
        const bool same_top = ArgMax(got) == ArgMax(expected);
        const bool ok = same_top && diff <= kTolerance;
        worst = std::max(worst, diff);
        failures += ok ? 0 : 1;
        ++count;
        std::printf("%-34s %-8s %-8s %10.2e%s\n", file.c_str(), names[ArgMax(expected)].c_str(),
                    names[ArgMax(got)].c_str(), diff, ok ? "" : "  <-- FAIL");
    }
    std::printf("%zu images, max |diff| %.2e (tolerance %.2g), %zu failing\n", count, worst,
                kTolerance, failures);
    if (count < kMinImages) {
        std::printf("too few images (%zu < %zu)\n", count, kMinImages);
        return 1;
    }
    return failures == 0 ? 0 : 1;
}
