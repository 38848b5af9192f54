// Classifier: the image labeller behind "AI image labels" (issue 6). Runs nsfwjs' MobileNetV2
// (converted at build time to build/<preset>/models/mobilenet_v2.skm by
// scripts/convert-nsfwjs-model.mjs) in plain C++, in the browser before upload and on the server.
//
//   Result<ml::Classifier> c = ml::Classifier::Load(model_bytes);
//   if (!c) return c.error();
//   for (const ml::Label& l : c.value().Classify(image)) Show(l.name, l.probability);
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "image/image.h"
#include "ml/network.h"
#include "util/result.h"

namespace skyloom::ml {

struct Label {
    std::string name;
    float probability = 0.0f;
};

class Classifier {
  public:
    // Parses, validates and plans a .skm file (errors: see ParseModelFile and Network::Build).
    [[nodiscard]] static Result<Classifier> Load(std::span<const uint8_t> model_file);

    // The top_k labels, most probable first (ties keep the model's class order, as nsfwjs'
    // stable sort does). Empty for an empty image. Const and thread-safe; ~one inference.
    [[nodiscard]] std::vector<Label> Classify(const image::Image& image, size_t top_k = 5) const;

    // Every class's probability, in ClassNames() order.
    [[nodiscard]] std::vector<float> Probabilities(const image::Image& image) const;
    // The same from an already prepared input (PrepareInput at InputShape()).
    [[nodiscard]] std::vector<float> Run(std::span<const float> input) const {
        return m_network.Run(input);
    }

    [[nodiscard]] const std::vector<std::string>& ClassNames() const { return m_class_names; }
    [[nodiscard]] Shape InputShape() const { return m_network.InputShape(); }
    [[nodiscard]] const Network& GetNetwork() const { return m_network; }

  private:
    Classifier(Network network, std::vector<std::string> class_names)
        : m_network(std::move(network)), m_class_names(std::move(class_names)) {}

    Network m_network;
    std::vector<std::string> m_class_names;
};

}  // namespace skyloom::ml
