#include "ml/classifier.h"

#include <algorithm>
#include <numeric>

#include "ml/model_file.h"
#include "ml/preprocess.h"

namespace skyloom::ml {

Result<Classifier> Classifier::Load(std::span<const uint8_t> model_file) {
    Result<ModelSpec> spec = ParseModelFile(model_file);
    if (!spec) return spec.error();
    if (spec.value().input_channels != 3) {
        return Error{"model_unsupported", "model file: the classifier needs an RGB input"};
    }
    Result<Network> network = Network::Build(spec.value());
    if (!network) return network.error();
    return Classifier(std::move(network).value(), std::move(spec.value().class_names));
}

std::vector<float> Classifier::Probabilities(const image::Image& image) const {
    const Shape in = m_network.InputShape();
    const std::vector<float> input = PrepareInput(image, in.height, in.width);
    if (input.empty()) return {};
    return m_network.Run(input);
}

std::vector<Label> Classifier::Classify(const image::Image& image, size_t top_k) const {
    const std::vector<float> p = Probabilities(image);
    if (p.empty()) return {};
    std::vector<size_t> order(p.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] > p[b]; });
    order.resize(std::min(top_k, order.size()));
    std::vector<Label> labels;
    for (size_t i : order) labels.push_back(Label{m_class_names[i], p[i]});
    return labels;
}

}  // namespace skyloom::ml
