// [SECTION] index
//   planning    Network::Planner: one method per file op; shape checks; folding and fusion
//   execution   Network::Run (buffers freed after their last reader), Network::Execute
//
// Node weights by kind: kConv [kh][kw][cin][cout]; kPointwise packed by PackPointwiseWeights
// (after planning: batch norm folds into the unpacked [cin][cout] form first); kDepthwise
// [kh][kw][c]; kDense [in][out]; kBatchNorm scale (bias = shift).
#include "ml/network.h"

#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace skyloom::ml {

// [SECTION] planning
class Network::Planner {
  public:
    explicit Planner(const ModelSpec& spec) : m_spec(spec) {}

    Result<Network> Plan() {
        Network& net = m_net;
        net.m_input_shape = {m_spec.input_height, m_spec.input_width, m_spec.input_channels};
        const size_t layer_count = m_spec.layers.size();
        // Slot k = output of record k-1; slot 0 = network input.
        m_slot_node.assign(layer_count + 1, kNetworkInput);
        m_slot_shape.assign(layer_count + 1, net.m_input_shape);
        m_slot_consumers.assign(layer_count + 1, 0);
        for (const LayerSpec& layer : m_spec.layers) {
            for (uint16_t s : layer.inputs) ++m_slot_consumers[s];
        }
        ++m_slot_consumers[layer_count];  // the network output

        for (size_t i = 0; i < layer_count; ++i) {
            m_layer = i;
            Result<Unit> r = PlanLayer(m_spec.layers[i], i + 1);
            if (!r) return r.error();
        }
        const Shape out = m_slot_shape[layer_count];
        if (m_slot_node[layer_count] == kNetworkInput) return Fail("model_invalid", "no layers");
        if (out.height != 1 || out.width != 1 ||
            size_t(out.channels) != m_spec.class_names.size()) {
            return Fail("model_invalid", "output is not one value per class");
        }
        net.m_output_node = m_slot_node[layer_count];
        net.m_output_size = out.Size();
        Finish();
        return std::move(m_net);
    }

  private:
    Error Fail(const char* code, const std::string& what) const {
        return Error{code, "model file: layer " + std::to_string(m_layer) + ": " + what};
    }

    int AddNode(Node node, size_t slot) {
        node.consumers = m_slot_consumers[slot];
        m_net.m_nodes.push_back(std::move(node));
        const int index = int(m_net.m_nodes.size()) - 1;
        Map(slot, index, m_net.m_nodes.back().out_shape);
        return index;
    }
    void Map(size_t slot, int node, Shape shape) {
        m_slot_node[slot] = node;
        m_slot_shape[slot] = shape;
    }
    // Layer `slot` is merged into the node producing its input (or, for Flatten, is that node's
    // output seen with another shape): the node is now read by the layer's consumers instead of
    // by the layer.
    void MergeInto(int node, size_t slot, Shape shape) {
        m_net.m_nodes[node].consumers += m_slot_consumers[slot] - 1;
        Map(slot, node, shape);
    }
    static Node MakeNode(Kind kind, int input, Shape in, Shape out) {
        Node n;
        n.kind = kind;
        n.inputs = {input};
        n.in_shape = in;
        n.out_shape = out;
        return n;
    }
    // Kinds whose Execute applies window.clamp, so a following ReLU can be fused into them.
    static bool AppliesClamp(Kind kind) {
        return kind == Kind::kConv || kind == Kind::kPointwise || kind == Kind::kDepthwise ||
               kind == Kind::kDense || kind == Kind::kAdd || kind == Kind::kBatchNorm;
    }
    // The node feeding `layer` when it is a real node read by this layer alone.
    Node* SoleProducer(const LayerSpec& layer) {
        const int n = m_slot_node[layer.inputs[0]];
        if (n == kNetworkInput || m_net.m_nodes[n].consumers != 1) return nullptr;
        return &m_net.m_nodes[n];
    }

    static bool Unbounded(const Clamp& c) { return std::isinf(c.lo) && std::isinf(c.hi); }

    Result<Unit> PlanLayer(const LayerSpec& layer, size_t slot) {
        const Shape in = m_slot_shape[layer.inputs[0]];
        switch (layer.op) {
            case Op::kPad:
                return PlanPad(layer, slot, in);
            case Op::kConv2D:
            case Op::kDepthwiseConv2D:
                return PlanConv(layer, slot, in);
            case Op::kBatchNorm:
                return PlanBatchNorm(layer, slot, in);
            case Op::kRelu: {
                const float max = layer.FloatParam(0);
                return PlanClamp(slot, Clamp{0.0f, max < 0 ? Clamp{}.hi : max}, layer, in);
            }
            case Op::kAdd:
                return PlanAdd(layer, slot, in);
            case Op::kAveragePool2D:
                return PlanAveragePool(layer, slot, in);
            case Op::kGlobalAveragePool2D: {
                AddNode(MakeNode(Kind::kGlobalAveragePool, m_slot_node[layer.inputs[0]], in,
                                 Shape{1, 1, in.channels}),
                        slot);
                return Unit{};
            }
            case Op::kFlatten: {
                const int producer = m_slot_node[layer.inputs[0]];
                const Shape flat{1, 1, int(in.Size())};
                if (producer == kNetworkInput) return Fail("model_invalid", "flatten of input");
                MergeInto(producer, slot, flat);
                return Unit{};
            }
            case Op::kDense:
                return PlanDense(layer, slot, in);
        }
        return Fail("model_unsupported", "op");
    }

    Result<Unit> PlanPad(const LayerSpec& layer, size_t slot, Shape in) {
        const int top = layer.IntParam(0), bottom = layer.IntParam(1);
        const int left = layer.IntParam(2), right = layer.IntParam(3);
        if (top < 0 || bottom < 0 || left < 0 || right < 0 || top + bottom > int(kMaxInputSide) ||
            left + right > int(kMaxInputSide)) {
            return Fail("model_invalid", "padding out of range");
        }
        Node n = MakeNode(Kind::kPad, m_slot_node[layer.inputs[0]], in,
                          Shape{in.height + top + bottom, in.width + left + right, in.channels});
        n.window.pad_top = top;
        n.window.pad_bottom = bottom;
        n.window.pad_left = left;
        n.window.pad_right = right;
        AddNode(std::move(n), slot);
        return Unit{};
    }

    Result<Unit> PlanConv(const LayerSpec& layer, size_t slot, Shape in) {
        const bool depthwise = layer.op == Op::kDepthwiseConv2D;
        ConvParams w;
        w.kernel_h = layer.IntParam(0);
        w.kernel_w = layer.IntParam(1);
        w.stride_h = layer.IntParam(2);
        w.stride_w = layer.IntParam(3);
        w.dilation_h = layer.IntParam(4);
        w.dilation_w = layer.IntParam(5);
        const int padding = layer.IntParam(6);
        const int last = layer.IntParam(7);  // filters, or the depth multiplier
        for (int v : {w.kernel_h, w.kernel_w, w.stride_h, w.stride_w, w.dilation_h, w.dilation_w}) {
            if (v < 1 || v > 64) return Fail("model_invalid", "window parameter out of range");
        }
        if (padding != 0 && padding != 1) return Fail("model_invalid", "padding mode");
        if (depthwise && last != 1) return Fail("model_unsupported", "depth multiplier != 1");
        const int cout = depthwise ? in.channels : last;
        const TensorSpec& kernel = layer.tensors[0];
        const std::vector<uint32_t> want = {uint32_t(w.kernel_h), uint32_t(w.kernel_w),
                                            uint32_t(in.channels), uint32_t(depthwise ? 1 : cout)};
        if (cout < 1 || kernel.dims != want) return Fail("model_invalid", "kernel shape");
        if (layer.tensors.size() > 1 &&
            layer.tensors[1].dims != std::vector<uint32_t>{uint32_t(cout)}) {
            return Fail("model_invalid", "bias shape");
        }
        if (layer.activation == Activation::kSoftmax) {
            return Fail("model_unsupported", "softmax on a convolution");
        }
        if (padding == 1) {  // TensorFlow "same": out = ceil(in / stride), extra pad at the end
            const auto same = [](int size, int k, int s, int d, int* before, int* after) {
                const int out = (size + s - 1) / s;
                const int total = std::max((out - 1) * s + d * (k - 1) + 1 - size, 0);
                *before = total / 2;
                *after = total - total / 2;
            };
            same(in.height, w.kernel_h, w.stride_h, w.dilation_h, &w.pad_top, &w.pad_bottom);
            same(in.width, w.kernel_w, w.stride_w, w.dilation_w, &w.pad_left, &w.pad_right);
        }
        int input = m_slot_node[layer.inputs[0]];
        Shape in_shape = in;
        if (Node* pad = SoleProducer(layer); pad && pad->kind == Kind::kPad) {
            w.pad_top += pad->window.pad_top;
            w.pad_bottom += pad->window.pad_bottom;
            w.pad_left += pad->window.pad_left;
            w.pad_right += pad->window.pad_right;
            pad->removed = true;
            input = pad->inputs[0];
            in_shape = pad->in_shape;
        }
        if (layer.activation == Activation::kRelu) w.clamp.lo = 0.0f;
        Node n = MakeNode(Kind::kConv, input, in_shape, ConvOutputShape(in_shape, w, cout));
        n.window = w;
        if (n.out_shape.height < 1 || n.out_shape.width < 1) {
            return Fail("model_invalid", "window larger than its input");
        }
        const bool pointwise = w.kernel_h == 1 && w.kernel_w == 1 && w.stride_h == 1 &&
                               w.stride_w == 1 &&
                               w.pad_top + w.pad_bottom + w.pad_left + w.pad_right == 0;
        n.kind = depthwise ? Kind::kDepthwise : pointwise ? Kind::kPointwise : Kind::kConv;
        n.weights = kernel.values;
        if (layer.tensors.size() > 1) n.bias = layer.tensors[1].values;
        AddNode(std::move(n), slot);
        return Unit{};
    }

    Result<Unit> PlanBatchNorm(const LayerSpec& layer, size_t slot, Shape in) {
        const std::vector<uint32_t> want{uint32_t(in.channels)};
        for (const TensorSpec& t : layer.tensors) {
            if (t.dims != want) return Fail("model_invalid", "batch norm parameter shape");
        }
        const double eps = layer.FloatParam(0);
        if (!(eps >= 0)) return Fail("model_invalid", "batch norm epsilon");
        const std::vector<float>& gamma = layer.tensors[0].values;
        const std::vector<float>& beta = layer.tensors[1].values;
        const std::vector<float>& mean = layer.tensors[2].values;
        const std::vector<float>& variance = layer.tensors[3].values;
        // y = (x - mean) * gamma / sqrt(variance + eps) + beta = x * scale + shift
        std::vector<float> scale(in.channels), shift(in.channels);
        for (int c = 0; c < in.channels; ++c) {
            const double s = double(gamma[c]) / std::sqrt(double(variance[c]) + eps);
            scale[c] = float(s);
            shift[c] = float(double(beta[c]) - double(mean[c]) * s);
        }
        Node* conv = SoleProducer(layer);
        const bool foldable = conv && Unbounded(conv->window.clamp) &&
                              (conv->kind == Kind::kConv || conv->kind == Kind::kPointwise ||
                               conv->kind == Kind::kDepthwise);
        if (!foldable) {
            Node n = MakeNode(Kind::kBatchNorm, m_slot_node[layer.inputs[0]], in, in);
            n.weights = std::move(scale);
            n.bias = std::move(shift);
            AddNode(std::move(n), slot);
            return Unit{};
        }
        // Output channel is the fastest-moving weight index for every conv kind here.
        const size_t cout = size_t(in.channels);
        for (size_t i = 0; i < conv->weights.size(); ++i) {
            conv->weights[i] = float(double(conv->weights[i]) * scale[i % cout]);
        }
        if (conv->bias.empty()) conv->bias.assign(cout, 0.0f);
        for (size_t c = 0; c < cout; ++c) {
            conv->bias[c] = float(double(conv->bias[c]) * scale[c] + shift[c]);
        }
        MergeInto(m_slot_node[layer.inputs[0]], slot, in);
        return Unit{};
    }

    Result<Unit> PlanClamp(size_t slot, Clamp clamp, const LayerSpec& layer, Shape in) {
        Node* producer = SoleProducer(layer);
        if (producer && !producer->softmax && Unbounded(producer->window.clamp) &&
            AppliesClamp(producer->kind)) {
            producer->window.clamp = clamp;
            MergeInto(m_slot_node[layer.inputs[0]], slot, in);
            return Unit{};
        }
        Node n = MakeNode(Kind::kClamp, m_slot_node[layer.inputs[0]], in, in);
        n.window.clamp = clamp;
        AddNode(std::move(n), slot);
        return Unit{};
    }

    Result<Unit> PlanAdd(const LayerSpec& layer, size_t slot, Shape in) {
        Node n = MakeNode(Kind::kAdd, kNetworkInput, in, in);
        n.inputs.clear();
        for (uint16_t s : layer.inputs) {
            if (!(m_slot_shape[s] == in)) return Fail("model_invalid", "add of different shapes");
            n.inputs.push_back(m_slot_node[s]);
        }
        if (layer.activation == Activation::kRelu) n.window.clamp.lo = 0.0f;
        AddNode(std::move(n), slot);
        return Unit{};
    }

    Result<Unit> PlanAveragePool(const LayerSpec& layer, size_t slot, Shape in) {
        ConvParams w;
        w.kernel_h = layer.IntParam(0);
        w.kernel_w = layer.IntParam(1);
        w.stride_h = layer.IntParam(2);
        w.stride_w = layer.IntParam(3);
        for (int v : {w.kernel_h, w.kernel_w, w.stride_h, w.stride_w}) {
            if (v < 1 || v > int(kMaxInputSide)) return Fail("model_invalid", "pool window");
        }
        if (layer.IntParam(4) != 0) return Fail("model_unsupported", "pooling with padding");
        Node n = MakeNode(Kind::kAveragePool, m_slot_node[layer.inputs[0]], in,
                          ConvOutputShape(in, w, in.channels));
        n.window = w;
        if (n.out_shape.height < 1 || n.out_shape.width < 1) {
            return Fail("model_invalid", "pool window larger than its input");
        }
        AddNode(std::move(n), slot);
        return Unit{};
    }

    Result<Unit> PlanDense(const LayerSpec& layer, size_t slot, Shape in) {
        const int units = layer.IntParam(0);
        if (in.height != 1 || in.width != 1) return Fail("model_invalid", "dense on a 2-D input");
        if (units < 1 || layer.tensors[0].dims !=
                             std::vector<uint32_t>{uint32_t(in.channels), uint32_t(units)}) {
            return Fail("model_invalid", "dense kernel shape");
        }
        if (layer.tensors.size() > 1 &&
            layer.tensors[1].dims != std::vector<uint32_t>{uint32_t(units)}) {
            return Fail("model_invalid", "dense bias shape");
        }
        Node n = MakeNode(Kind::kDense, m_slot_node[layer.inputs[0]], in, Shape{1, 1, units});
        n.weights = layer.tensors[0].values;
        if (layer.tensors.size() > 1) n.bias = layer.tensors[1].values;
        if (layer.activation == Activation::kRelu) n.window.clamp.lo = 0.0f;
        n.softmax = layer.activation == Activation::kSoftmax;
        AddNode(std::move(n), slot);
        return Unit{};
    }

    // Packs pointwise weights and records each node's last reader.
    void Finish() {
        std::vector<Node>& nodes = m_net.m_nodes;
        for (int i = 0; i < int(nodes.size()); ++i) {
            Node& n = nodes[i];
            if (n.removed) continue;
            if (n.kind == Kind::kPointwise) {
                n.weights = PackPointwiseWeights(n.weights.data(), n.in_shape.channels,
                                                 n.out_shape.channels);
            }
            for (int in : n.inputs) {
                if (in != kNetworkInput) nodes[in].last_use = i;
            }
        }
        nodes[m_net.m_output_node].last_use = std::numeric_limits<int>::max();
    }

    const ModelSpec& m_spec;
    Network m_net;
    size_t m_layer = 0;
    std::vector<int> m_slot_node;
    std::vector<Shape> m_slot_shape;
    std::vector<int> m_slot_consumers;
};

Result<Network> Network::Build(const ModelSpec& spec) {
    return Planner(spec).Plan();
}

size_t Network::KernelCount() const {
    size_t count = 0;
    for (const Node& n : m_nodes) count += n.removed ? 0 : 1;
    return count;
}

// [SECTION] execution
std::vector<float> Network::Run(std::span<const float> input) const {
    if (input.size() != m_input_shape.Size()) return {};
    std::vector<std::vector<float>> outputs(m_nodes.size());
    std::vector<std::vector<float>> spare;  // released buffers, reused to avoid reallocations
    std::vector<const float*> inputs;
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        const Node& node = m_nodes[i];
        if (node.removed) continue;
        inputs.clear();
        for (int in : node.inputs) {
            inputs.push_back(in == kNetworkInput ? input.data() : outputs[in].data());
        }
        std::vector<float>& out = outputs[i];
        if (!spare.empty()) {
            out = std::move(spare.back());
            spare.pop_back();
        }
        out.resize(node.out_shape.Size());
        Execute(node, inputs, out.data());
        for (int in : node.inputs) {
            if (in != kNetworkInput && m_nodes[in].last_use == i && !outputs[in].empty()) {
                spare.push_back(std::move(outputs[in]));
                outputs[in] = {};
            }
        }
    }
    return std::move(outputs[m_output_node]);
}

void Network::Execute(const Node& n, const std::vector<const float*>& in, float* out) const {
    const float* bias = n.bias.empty() ? nullptr : n.bias.data();
    const size_t size = n.out_shape.Size();
    switch (n.kind) {
        case Kind::kConv:
            Conv2D(in[0], n.in_shape, n.weights.data(), bias, n.window, out, n.out_shape);
            break;
        case Kind::kPointwise:
            PointwiseConv(in[0], n.in_shape.height * n.in_shape.width, n.in_shape.channels,
                          n.weights.data(), bias, n.out_shape.channels, n.window.clamp, out);
            break;
        case Kind::kDepthwise:
            DepthwiseConv2D(in[0], n.in_shape, n.weights.data(), bias, n.window, out, n.out_shape);
            break;
        case Kind::kPad:
            ZeroPad(in[0], n.in_shape, n.window.pad_top, n.window.pad_left, out, n.out_shape);
            break;
        case Kind::kBatchNorm: {
            const size_t c = size_t(n.out_shape.channels);
            for (size_t i = 0; i < size; ++i) out[i] = in[0][i] * n.weights[i % c] + n.bias[i % c];
            ApplyClamp(out, size, n.window.clamp);
            break;
        }
        case Kind::kClamp:
            std::copy(in[0], in[0] + size, out);
            ApplyClamp(out, size, n.window.clamp);
            break;
        case Kind::kAdd:
            Add(in[0], in[1], size, out);
            for (size_t k = 2; k < in.size(); ++k) Add(out, in[k], size, out);
            ApplyClamp(out, size, n.window.clamp);
            break;
        case Kind::kAveragePool:
            AveragePool2D(in[0], n.in_shape, n.window, out, n.out_shape);
            break;
        case Kind::kGlobalAveragePool: {
            ConvParams all;
            all.kernel_h = n.in_shape.height;
            all.kernel_w = n.in_shape.width;
            AveragePool2D(in[0], n.in_shape, all, out, n.out_shape);
            break;
        }
        case Kind::kDense:
            Dense(in[0], n.in_shape.channels, n.weights.data(), bias, n.out_shape.channels,
                  n.window.clamp, out);
            if (n.softmax) Softmax(out, n.out_shape.channels);
            break;
    }
}

}  // namespace skyloom::ml
