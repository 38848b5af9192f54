#include "app_platform_fake.h"

#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <span>

#include "image/decode.h"
#include "ml/classifier.h"
#include "platform/image_worker.h"
#include "platform/platform.h"

namespace skyloom::platform {

namespace fake {
Browser& Get() {
    static Browser browser;
    return browser;
}
void Reset() {
    Get() = Browser{};
}
void FinishImageJobs() {
    auto jobs = std::move(Get().finished_image_jobs);
    Get().finished_image_jobs.clear();
    for (auto& job : jobs) job();
}
void FinishTextureLoads() {
    auto loads = std::move(Get().loaded_textures);
    Get().loaded_textures.clear();
    for (auto& load : loads) load();
}
}  // namespace fake

void OpenImagePicker() {
    fake::Get().pickers_opened++;
}

ImageJobId ProcessImage(std::string bytes, const image::ProcessOptions& options,
                        std::function<void(ImageJobProgress)> progress,
                        std::function<void(Result<image::ProcessedImage>)> done) {
    static ImageJobId next_id = 1;
    const ImageJobId id = next_id++;
    progress({0.5, "Resizing"});
    auto result = std::make_shared<Result<image::ProcessedImage>>(image::Process(bytes, options));
    fake::Get().finished_image_jobs.push_back([id, result, done = std::move(done)] {
        if (fake::Get().cancelled_image_jobs.count(id) == 0) done(std::move(*result));
    });
    return id;
}

// Meme exports: the real pipeline on the bytes (the fake has no fonts, so no text is drawn);
// a URL background cannot be fetched here and fails like an unreachable image.
ImageJobId ProcessMeme(MemeJob job, std::function<void(ImageJobProgress)> progress,
                       std::function<void(Result<image::ProcessedImage>)> done) {
    if (job.bytes.empty()) {
        return ProcessImage("", {}, std::move(progress), std::move(done));
    }
    image::ProcessOptions options;
    if (job.max_width > 0) options.max_width = job.max_width;
    return ProcessImage(std::move(job.bytes), options, std::move(progress), std::move(done));
}

void WarmImageWorker() {}

// The real classifier and model the browser's worker runs (the native build converts it).
// No fetch natively: a URL's labels are unavailable, as in a browser whose fetch fails.
ImageJobId ClassifyImageUrl(const std::string&, std::function<void(Result<ImageLabels>)> done) {
    return ClassifyImage("", std::move(done));
}

ImageJobId ClassifyImage(std::string bytes, std::function<void(Result<ImageLabels>)> done) {
    static ImageJobId next_id = 100000;  // apart from ProcessImage's ids
    const ImageJobId id = next_id++;
    static const std::optional<ml::Classifier> classifier = []() -> std::optional<ml::Classifier> {
        std::ifstream in(SKYLOOM_TEST_MODEL, std::ios::binary);
        const std::string file((std::istreambuf_iterator<char>(in)), {});
        auto loaded = ml::Classifier::Load(
            std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(file.data()), file.size()));
        if (!loaded) return std::nullopt;
        return std::move(loaded).value();
    }();
    Result<ImageLabels> result = Error{"labels_unavailable", "no model", 0};
    auto decoded = image::Decode(bytes);
    if (classifier && decoded) {
        ImageLabels labels;
        for (const ml::Label& l : classifier->Classify(decoded.value())) {
            MediaLabel label;
            label.label = l.name;
            label.probability = l.probability;
            labels.labels.push_back(label);
        }
        result = std::move(labels);
    }
    auto shared = std::make_shared<Result<ImageLabels>>(std::move(result));
    fake::Get().finished_image_jobs.push_back([id, shared, done = std::move(done)] {
        if (fake::Get().cancelled_image_jobs.count(id) == 0) done(std::move(*shared));
    });
    return id;
}

void CancelImageJob(ImageJobId id) {
    fake::Get().cancelled_image_jobs.insert(id);
}

void LoadTextureFromBytes(const std::string& bytes, const std::string&,
                          std::function<void(Result<Texture>)> done) {
    static uint32_t next_handle = 100;
    const uint32_t handle = next_handle++;
    const bool ok = !bytes.empty();
    fake::Get().loaded_textures.push_back([handle, ok, done = std::move(done)] {
        if (!ok) {
            done(Error{"image_unavailable", "empty"});
            return;
        }
        fake::Get().live_textures.insert(handle);
        done(Texture{handle, 1, 1, 4});
    });
}

// A URL texture (the meme editor's background): 640x480, delivered with the other loads.
void LoadTextureFromUrl(const std::string& url, std::function<void(Result<Texture>)> done) {
    static uint32_t next_handle = 10000;
    const uint32_t handle = next_handle++;
    fake::Get().texture_urls.push_back(url);
    fake::Get().loaded_textures.push_back([handle, done = std::move(done)] {
        fake::Get().live_textures.insert(handle);
        done(Texture{handle, 640, 480, 640 * 480 * 4});
    });
}

std::string ApiBase() {
    return "";
}
std::string ServerUrl(const std::string& path) {
    return "https://skyloom.example" + path;
}

void DeleteTexture(uint32_t handle) {
    fake::Get().live_textures.erase(handle);
}

std::optional<std::string> StorageGet(const std::string& key) {
    auto it = fake::Get().storage.find(key);
    if (it == fake::Get().storage.end()) return std::nullopt;
    return it->second;
}
void StorageSet(const std::string& key, const std::string& value) {
    fake::Get().storage[key] = value;
}
void StorageRemove(const std::string& key) {
    fake::Get().storage.erase(key);
}

std::string CurrentHash() {
    return fake::Get().hash;
}
void SetHash(const std::string& hash, bool push) {
    if (push) fake::Get().history.push_back(hash);
    fake::Get().hash = hash;
}
void StoreCredential(const std::string& username, const std::string& password) {
    fake::Get().credentials.emplace_back(username, password);
}
void CopyToClipboard(const std::string& text) {
    fake::Get().clipboard = text;
}
std::string PageUrl(const std::string& hash) {
    return "https://skyloom.example/" + hash;
}
void SetTitle(const std::string& title) {
    fake::Get().title = title;
}

void RequestFrames(int) {}
double NowMs() {
    return fake::Get().now_ms;
}
void SetTimeout(double, std::function<void()> fn) {
    fake::Get().timers.push_back(std::move(fn));
}

}  // namespace skyloom::platform
