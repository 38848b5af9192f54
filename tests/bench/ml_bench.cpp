// Classifier benchmark (scripts/bench-ml): model file size, load time, and the median of RUNS
// single-threaded 224x224 inferences (network only, input already prepared) plus one full
// Classify of a 1000x750 image (resize included).
//   skyloom-ml-bench MODEL.skm [RUNS=20]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

#include "ml/classifier.h"
#include "ml/preprocess.h"

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

skyloom::image::Image TestImage(int w, int h) {
    skyloom::image::Image img = skyloom::image::Image::Blank(w, h, 3);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            uint8_t* p = img.Pixel(x, y);
            p[0] = uint8_t(x * 7 + y), p[1] = uint8_t(y * 3), p[2] = uint8_t((x ^ y) & 0xff);
        }
    }
    return img;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s MODEL.skm [RUNS]\n", argv[0]);
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
    std::ifstream f(argv[1], std::ios::binary);
    const std::vector<uint8_t> bytes(std::istreambuf_iterator<char>(f), {});
    const auto t_load = Clock::now();
    auto classifier = skyloom::ml::Classifier::Load(bytes);
    const double load_ms = MsSince(t_load);
    if (!classifier) {
        std::fprintf(stderr, "%s: %s\n", argv[1], classifier.error().message.c_str());
        return 1;
    }
    const skyloom::ml::Classifier& c = classifier.value();
    const std::vector<float> input = skyloom::ml::PrepareInput(TestImage(224, 224), 224, 224);
    std::vector<double> times;
    float checksum = 0;
    (void)c.Run(input);  // warm-up: first-touch page faults
    for (int i = 0; i < runs; ++i) {
        const auto t = Clock::now();
        checksum += c.Run(input)[0];
        times.push_back(MsSince(t));
    }
    std::sort(times.begin(), times.end());
    const skyloom::image::Image big = TestImage(1000, 750);
    const auto t_full = Clock::now();
    const auto labels = c.Classify(big);
    const double full_ms = MsSince(t_full);

    std::printf("model file            %.2f MB (%zu bytes), %zu kernels after folding\n",
                double(bytes.size()) / 1e6, bytes.size(), c.GetNetwork().KernelCount());
    std::printf("load (parse+plan)     %.1f ms\n", load_ms);
    std::printf("inference 224x224     median %.1f ms, min %.1f, max %.1f (%d runs, 1 thread)\n",
                times[times.size() / 2], times.front(), times.back(), runs);
    std::printf("classify 1000x750     %.1f ms (resize + inference), top-1 %s %.3f\n", full_ms,
                labels.empty() ? "?" : labels[0].name.c_str(),
                labels.empty() ? 0.0f : labels[0].probability);
    return checksum > -1 ? 0 : 1;
}
