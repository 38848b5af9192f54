// skyloom-image-bench: runs the native image pipeline (Process) on one file N times and prints
// the median wall time and the process's peak RSS; scripts/bench-image puts it next to vips and
// ImageMagick. --stages adds the median time of each pipeline stage (ProcessOptions::on_stage),
// which is what StageStartFraction's table is drawn from.
//   skyloom-image-bench FILE [RUNS=5] [--out OUT.jpg] [--stages]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "image/pipeline.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [RUNS] [--out OUT]\n", argv[0]);
        return 2;
    }
    int runs = 5;
    const char* out_path = nullptr;
    bool stages = false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--stages") == 0) {
            stages = true;
        } else if (std::strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
            out_path = argv[++i];
        } else {
            runs = std::max(1, std::atoi(argv[i]));
        }
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();

    using Clock = std::chrono::steady_clock;
    using skyloom::image::ProcessStage;
    constexpr size_t kStages = size_t(ProcessStage::kCount);
    std::vector<double> ms;
    std::vector<std::vector<double>> stage_ms(kStages);
    skyloom::Result<skyloom::image::ProcessedImage> result = skyloom::Error{};
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        auto stage_start = start;
        int current = -1;
        std::vector<double> this_run(kStages, 0.0);
        skyloom::image::ProcessOptions options;
        options.on_stage = [&](ProcessStage s) {
            const auto now = Clock::now();
            if (current >= 0) {
                this_run[size_t(current)] =
                    std::chrono::duration<double, std::milli>(now - stage_start).count();
            }
            current = int(s);
            stage_start = now;
        };
        result = skyloom::image::Process(bytes, options);
        const auto end = Clock::now();
        if (current >= 0) {
            this_run[size_t(current)] =
                std::chrono::duration<double, std::milli>(end - stage_start).count();
        }
        for (size_t k = 0; k < kStages; ++k) stage_ms[k].push_back(this_run[k]);
        ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        if (!result) {
            std::fprintf(stderr, "error: %s (%s)\n", result.error().message.c_str(),
                         result.error().code.c_str());
            return 1;
        }
    }
    std::sort(ms.begin(), ms.end());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);  // ru_maxrss is in KiB on Linux
    const auto& r = result.value();
    std::printf(
        "file=%s runs=%d median_ms=%.1f min_ms=%.1f peak_rss_mb=%.1f out=%dx%d %s %zu bytes "
        "thumb=%dx%d placeholder=%s\n",
        argv[1], runs, ms[ms.size() / 2], ms.front(), usage.ru_maxrss / 1024.0, r.width, r.height,
        r.mime.c_str(), r.bytes.size(), r.thumbnail_width, r.thumbnail_height,
        r.placeholder.c_str());
    if (stages) {
        for (size_t k = 0; k < kStages; ++k) {
            std::sort(stage_ms[k].begin(), stage_ms[k].end());
            std::printf("  %-18s %7.1f ms\n", skyloom::image::StageName(ProcessStage(k)),
                        stage_ms[k][stage_ms[k].size() / 2]);
        }
    }
    if (out_path) std::ofstream(out_path, std::ios::binary) << r.bytes;
    return 0;
}
