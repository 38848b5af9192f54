#include "image_test_util.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

namespace skyloom::image::testing {

std::string Fixture(const std::string& name, std::string* error) {
    static std::once_flag once;
    static std::string failure;
    std::call_once(once, [] {
        const std::string command =
            std::string(SKYLOOM_FIXTURE_SCRIPT) + " " + SKYLOOM_FIXTURE_DIR + " 2>&1";
        if (std::system(command.c_str()) != 0) {
            failure = "fixture generation failed: `" + command +
                      "` (is ImageMagick installed? run scripts/setup)";
        }
    });
    if (!failure.empty()) {
        *error = failure;
        return {};
    }
    std::string path = std::string(SKYLOOM_FIXTURE_DIR) + "/" + name;
    if (!std::ifstream(path)) {
        *error = "fixture missing: " + path;
        return {};
    }
    return path;
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

double Psnr(const Image& a, const Image& b) {
    if (a.width != b.width || a.height != b.height) return 0;
    double sum = 0;
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            for (int c = 0; c < 3; ++c) {
                double d = double(a.Pixel(x, y)[c]) - b.Pixel(x, y)[c];
                sum += d * d;
            }
        }
    }
    double mse = sum / (double(a.width) * a.height * 3);
    return mse == 0 ? 99 : 10 * std::log10(255.0 * 255.0 / mse);
}

bool ColorNear(const Image& image, int x, int y, int r, int g, int b, int tolerance) {
    const uint8_t* p = image.Pixel(x, y);
    return std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance &&
           std::abs(p[2] - b) <= tolerance;
}

}  // namespace skyloom::image::testing
