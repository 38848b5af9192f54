#include "ml/model_file.h"

#include <array>
#include <cstring>

namespace skyloom::ml {

namespace {

constexpr size_t kHeaderBytes = 32;
constexpr size_t kTrailerBytes = 4;

Error MakeError(const char* code, std::string message) {
    return Error{code, "model file: " + std::move(message)};
}

// Bounds-checked little-endian reader over the file body. Every read past the end sets
// `truncated` and returns zeros, so parsing code checks once per record instead of per field.
class Reader {
  public:
    explicit Reader(std::span<const uint8_t> bytes) : m_bytes(bytes) {}

    [[nodiscard]] bool truncated() const { return m_truncated; }
    [[nodiscard]] size_t remaining() const { return m_bytes.size() - m_pos; }

    bool Take(size_t n, const uint8_t** out) {
        if (n > remaining()) {
            m_truncated = true;
            m_pos = m_bytes.size();
            return false;
        }
        *out = m_bytes.data() + m_pos;
        m_pos += n;
        return true;
    }
    uint8_t U8() {
        const uint8_t* p;
        return Take(1, &p) ? p[0] : 0;
    }
    uint16_t U16() {
        const uint8_t* p;
        return Take(2, &p) ? uint16_t(p[0] | p[1] << 8) : 0;
    }
    uint32_t U32() {
        const uint8_t* p;
        if (!Take(4, &p)) return 0;
        return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
    }
    double F64() {
        const uint8_t* p;
        if (!Take(8, &p)) return 0;
        uint64_t bits = 0;
        for (int i = 7; i >= 0; --i) bits = bits << 8 | p[i];
        double v;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }

  private:
    std::span<const uint8_t> m_bytes;
    size_t m_pos = 0;
    bool m_truncated = false;
};

float BitsToFloat(uint32_t bits) {
    float v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

struct OpRule {
    size_t params;
    size_t min_tensors, max_tensors;
    size_t min_inputs, max_inputs;
};

bool RuleFor(uint8_t op, OpRule* rule) {
    switch (static_cast<Op>(op)) {
        case Op::kPad:
            *rule = {4, 0, 0, 1, 1};
            return true;
        case Op::kConv2D:
        case Op::kDepthwiseConv2D:
            *rule = {8, 1, 2, 1, 1};
            return true;
        case Op::kBatchNorm:
            *rule = {1, 4, 4, 1, 1};
            return true;
        case Op::kRelu:
            *rule = {1, 0, 0, 1, 1};
            return true;
        case Op::kAdd:
            *rule = {0, 0, 0, 2, 255};
            return true;
        case Op::kAveragePool2D:
            *rule = {5, 0, 0, 1, 1};
            return true;
        case Op::kFlatten:
        case Op::kGlobalAveragePool2D:
            *rule = {0, 0, 0, 1, 1};
            return true;
        case Op::kDense:
            *rule = {1, 1, 2, 1, 1};
            return true;
    }
    return false;
}

Result<TensorSpec> ReadTensor(Reader& in, size_t layer) {
    const std::string where = "layer " + std::to_string(layer) + ": ";
    TensorSpec t;
    const uint8_t rank = in.U8();
    if (rank == 0 || rank > 4) {
        if (in.truncated()) return MakeError("model_truncated", where + "file ends in a tensor");
        return MakeError("model_invalid", where + "tensor rank " + std::to_string(rank));
    }
    uint64_t count = 1;
    for (int i = 0; i < rank; ++i) {
        const uint32_t d = in.U32();
        if (d == 0 || d > kMaxTensorElements) {
            if (in.truncated())
                return MakeError("model_truncated", where + "file ends in a tensor");
            return MakeError("model_invalid", where + "tensor dimension " + std::to_string(d));
        }
        count *= d;
        if (count > kMaxTensorElements) {
            return MakeError("model_invalid", where + "tensor larger than the budget");
        }
        t.dims.push_back(d);
    }
    const uint8_t encoding = in.U8();
    if (in.truncated()) return MakeError("model_truncated", where + "file ends in a tensor");
    const uint8_t* data = nullptr;
    if (encoding == 0) {
        if (!in.Take(count * 4, &data)) {
            return MakeError("model_truncated", where + "file ends in tensor data");
        }
        t.values.resize(count);
        for (uint64_t i = 0; i < count; ++i) {
            const uint8_t* p = data + 4 * i;
            t.values[i] = BitsToFloat(uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 |
                                      uint32_t(p[3]) << 24);
        }
    } else if (encoding == 1) {
        const double min = in.F64();
        const double scale = in.F64();
        if (!in.Take(count, &data)) {
            return MakeError("model_truncated", where + "file ends in tensor data");
        }
        t.values.resize(count);
        // tfjs io_utils decodeWeights: values[i] = v * scale + min (double), stored as float32.
        for (uint64_t i = 0; i < count; ++i) t.values[i] = float(double(data[i]) * scale + min);
    } else {
        return MakeError("model_unsupported",
                         where + "tensor encoding " + std::to_string(encoding));
    }
    return t;
}

}  // namespace

float LayerSpec::FloatParam(size_t i) const {
    return BitsToFloat(params[i]);
}

uint32_t Crc32(std::span<const uint8_t> bytes) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    uint32_t c = 0xffffffffu;
    for (uint8_t b : bytes) c = table[(c ^ b) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

Result<ModelSpec> ParseModelFile(std::span<const uint8_t> bytes) {
    if (bytes.size() > kMaxModelFileBytes) {
        return MakeError("model_invalid", "larger than " + std::to_string(kMaxModelFileBytes));
    }
    for (size_t i = 0; i < sizeof kModelMagic; ++i) {
        if (i == bytes.size()) return MakeError("model_truncated", "shorter than its header");
        if (bytes[i] != uint8_t(kModelMagic[i])) {
            return MakeError("model_corrupt", "not a Skyloom model (magic)");
        }
    }
    if (bytes.size() < kHeaderBytes + kTrailerBytes) {
        return MakeError("model_truncated", "shorter than its header");
    }
    Reader header(bytes.subspan(4));
    const uint32_t version = header.U32();
    const uint32_t file_size = header.U32();
    if (version != kModelVersion) {
        return MakeError("model_unsupported", "version " + std::to_string(version) +
                                                  ", this build reads " +
                                                  std::to_string(kModelVersion));
    }
    if (file_size > bytes.size()) {
        return MakeError("model_truncated",
                         std::to_string(bytes.size()) + " bytes of " + std::to_string(file_size));
    }
    if (file_size != bytes.size()) {
        return MakeError("model_corrupt", "size field " + std::to_string(file_size) + " but " +
                                              std::to_string(bytes.size()) + " bytes");
    }
    const size_t body_size = bytes.size() - kTrailerBytes;
    Reader trailer(bytes.subspan(body_size));
    if (trailer.U32() != Crc32(bytes.first(body_size))) {
        return MakeError("model_corrupt", "checksum mismatch");
    }

    ModelSpec spec;
    const uint32_t h = header.U32(), w = header.U32(), c = header.U32();
    const uint32_t class_count = header.U32();
    const uint32_t layer_count = header.U32();
    if (h == 0 || w == 0 || c == 0 || h > kMaxInputSide || w > kMaxInputSide || c > 4) {
        return MakeError("model_invalid", "input shape out of range");
    }
    if (class_count == 0 || class_count > kMaxClasses) {
        return MakeError("model_invalid", "class count " + std::to_string(class_count));
    }
    if (layer_count == 0 || layer_count > kMaxLayers) {
        return MakeError("model_invalid", "layer count " + std::to_string(layer_count));
    }
    spec.input_height = int(h);
    spec.input_width = int(w);
    spec.input_channels = int(c);

    Reader in(bytes.subspan(kHeaderBytes, body_size - kHeaderBytes));
    for (uint32_t i = 0; i < class_count; ++i) {
        const uint8_t len = in.U8();
        const uint8_t* name;
        if (!in.Take(len, &name)) return MakeError("model_truncated", "file ends in class names");
        spec.class_names.emplace_back(reinterpret_cast<const char*>(name), len);
    }
    for (uint32_t i = 0; i < layer_count; ++i) {
        const std::string where = "layer " + std::to_string(i) + ": ";
        LayerSpec layer;
        const uint8_t op = in.U8();
        const uint8_t activation = in.U8();
        const uint8_t input_count = in.U8();
        const uint8_t param_count = in.U8();
        const uint8_t tensor_count = in.U8();
        if (in.truncated()) return MakeError("model_truncated", where + "file ends in a record");
        OpRule rule;
        if (!RuleFor(op, &rule)) {
            return MakeError("model_unsupported", where + "op " + std::to_string(op));
        }
        if (activation > 2) {
            return MakeError("model_unsupported",
                             where + "activation " + std::to_string(activation));
        }
        if (param_count != rule.params || tensor_count < rule.min_tensors ||
            tensor_count > rule.max_tensors || input_count < rule.min_inputs ||
            input_count > rule.max_inputs) {
            return MakeError("model_invalid", where + "wrong number of params, tensors or inputs");
        }
        layer.op = static_cast<Op>(op);
        layer.activation = static_cast<Activation>(activation);
        for (int k = 0; k < input_count; ++k) {
            const uint16_t slot = in.U16();
            if (slot > i) {
                if (in.truncated()) break;
                return MakeError("model_invalid", where + "input from a later layer");
            }
            layer.inputs.push_back(slot);
        }
        for (int k = 0; k < param_count; ++k) layer.params.push_back(in.U32());
        if (in.truncated()) return MakeError("model_truncated", where + "file ends in a record");
        for (int k = 0; k < tensor_count; ++k) {
            Result<TensorSpec> t = ReadTensor(in, i);
            if (!t) return t.error();
            layer.tensors.push_back(std::move(t).value());
        }
        spec.layers.push_back(std::move(layer));
    }
    if (in.remaining() != 0) {
        return MakeError("model_corrupt", std::to_string(in.remaining()) + " stray bytes");
    }
    return spec;
}

}  // namespace skyloom::ml
