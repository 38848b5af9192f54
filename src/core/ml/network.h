// Network: a model file's layers planned for execution. Planning checks every shape, folds each
// batch norm into the convolution before it, and fuses zero padding and ReLU/ReLU6 into the
// layer they wrap, so MobileNetV2's 159 file records run as 66 kernels.
//
//   Result<Network> net = Network::Build(std::move(spec).value());
//   std::vector<float> probabilities = net.value().Run(input);  // input: InputShape().Size()
#pragma once

#include <span>
#include <vector>

#include "ml/kernels.h"
#include "ml/model_file.h"
#include "util/result.h"

namespace skyloom::ml {

class Network {
  public:
    // Error code "model_invalid" (shapes disagree) or "model_unsupported" (e.g. depth
    // multiplier > 1), with the layer index in the message.
    [[nodiscard]] static Result<Network> Build(const ModelSpec& spec);

    [[nodiscard]] Shape InputShape() const { return m_input_shape; }
    [[nodiscard]] size_t OutputSize() const { return m_output_size; }
    // Kernels that run per inference (after fusion), for tests and the bench.
    [[nodiscard]] size_t KernelCount() const;

    // Single-threaded; const and allocation-per-call, so one Network can serve many threads.
    // `input` holds InputShape().Size() values, channels-last.
    [[nodiscard]] std::vector<float> Run(std::span<const float> input) const;

  private:
    enum class Kind {
        kConv,
        kPointwise,
        kDepthwise,
        kPad,
        kBatchNorm,
        kClamp,
        kAdd,
        kAveragePool,
        kGlobalAveragePool,
        kDense,
    };
    struct Node {
        Kind kind = Kind::kConv;
        std::vector<int> inputs;  // node indices; kNetworkInput for the model input
        Shape in_shape, out_shape;
        ConvParams window;           // window ops; window.clamp is the fused activation
        std::vector<float> weights;  // per kind, see network.cpp; batch norm: per-channel scale
        std::vector<float> bias;     // batch norm: per-channel shift
        bool softmax = false;
        bool removed = false;  // fused into a later node
        int consumers = 0;     // references still to come while planning
        int last_use = 0;      // index of the last node that reads this one
    };
    static constexpr int kNetworkInput = -1;

    class Planner;
    void Execute(const Node& node, const std::vector<const float*>& inputs, float* out) const;

    Shape m_input_shape;
    size_t m_output_size = 0;
    int m_output_node = 0;
    std::vector<Node> m_nodes;
};

}  // namespace skyloom::ml
