// The image classifier (core ml::Classifier, nsfwjs' MobileNetV2) behind a C API for
// shell/image-worker.js, so the composer shows AI labels before the upload: the same code and
// the same model file the server uses on every upload.
//
//   ok = _skyloom_classifier_load(model_ptr, model_size);   // once; the worker fetched the .skm
//   json = _skyloom_classify(bytes_ptr, size, 5);            // {"labels":[...]} or {"error":...}
//   UTF8ToString(json); _free(json);
#include <emscripten.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "image/decode.h"
#include "ml/classifier.h"

namespace {

std::optional<skyloom::ml::Classifier>& Loaded() {
    static std::optional<skyloom::ml::Classifier> classifier;
    return classifier;
}

// A malloc'd copy of `text` for the JS side to read and _free.
char* Out(const std::string& text) {
    char* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (out != nullptr) std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

// Error codes and messages are core's plain ASCII; quotes and backslashes never occur, but are
// dropped rather than trusted.
std::string JsonString(std::string_view text) {
    std::string out = "\"";
    for (char c : text)
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) out += c;
    return out + "\"";
}

}  // namespace

extern "C" {

// 1 when the model file parsed and planned; 0 otherwise (the labels then stay unavailable).
EMSCRIPTEN_KEEPALIVE int skyloom_classifier_load(const uint8_t* bytes, uint32_t size) {
    auto classifier = skyloom::ml::Classifier::Load(std::span<const uint8_t>(bytes, size));
    if (!classifier) return 0;
    Loaded().emplace(std::move(classifier).value());
    return 1;
}

// Decodes an encoded image (the processed upload) and labels it: the top `top_k` labels with
// their probabilities, most probable first, as JSON.
EMSCRIPTEN_KEEPALIVE char* skyloom_classify(const char* bytes, uint32_t size, int top_k) {
    if (!Loaded())
        return Out(R"({"error":{"code":"no_model","message":"The labeller is not loaded"}})");
    auto decoded = skyloom::image::Decode(std::string_view(bytes, size));
    if (!decoded) {
        return Out("{\"error\":{\"code\":" + JsonString(decoded.error().code) +
                   ",\"message\":" + JsonString(decoded.error().message) + "}}");
    }
    std::string json = "{\"labels\":[";
    bool first = true;
    for (const skyloom::ml::Label& label :
         Loaded()->Classify(decoded.value(), top_k > 0 ? size_t(top_k) : 5)) {
        char probability[32];
        std::snprintf(probability, sizeof probability, "%.7g", double(label.probability));
        json += std::string(first ? "" : ",") + "{\"name\":" + JsonString(label.name) +
                ",\"probability\":" + probability + "}";
        first = false;
    }
    return Out(json + "]}");
}

// scripts/bench-ml-browser: one inference on a prepared 224x224x3 input (no decode, no resize),
// as tfjs' model.predict() is timed there. Returns the first class's probability so the call
// cannot be optimised away; -1 without a model.
EMSCRIPTEN_KEEPALIVE double skyloom_classifier_run_once() {
    if (!Loaded()) return -1;
    static std::vector<float> input;
    if (input.empty()) {
        input.resize(Loaded()->InputShape().Size());
        for (size_t i = 0; i < input.size(); i++) input[i] = float(i % 251) / 250.0f;
    }
    return double(Loaded()->Run(input)[0]);
}

}  // extern "C"
