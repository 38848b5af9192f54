#include "meme/meme_spec.h"

#include <cmath>
#include <initializer_list>

#include "validation/validation.h"

namespace skyloom {
namespace {

using Json = nlohmann::json;

// Boxes may touch the image edge; this slack absorbs decimal rounding of x + w.
constexpr double kEdgeSlack = 1e-6;
constexpr size_t kMediaIdLength = 64;
constexpr size_t kMaxIdDigits = 18;

Error Invalid(const std::string& field, const std::string& rule) {
    return Error{"invalid_meme", "`" + field + "` " + rule, 422};
}

// The first key of `j` that is not in `allowed`, or empty.
std::string UnknownKey(const Json& j, std::initializer_list<const char*> allowed) {
    for (const auto& [key, _] : j.items()) {
        bool known = false;
        for (const char* name : allowed) known = known || key == name;
        if (!known) return key.size() > 40 ? key.substr(0, 40) + "..." : key;
    }
    return "";
}

bool IsLowerHex(const std::string& text) {
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool IsDecimalId(const std::string& text) {
    if (text.empty() || text.size() > kMaxIdDigits || text[0] == '0') return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

// Reads a finite number in [low, high] (low exclusive when `positive`).
Result<double> ReadFraction(const Json& box, const char* key, const std::string& where,
                            bool positive) {
    auto it = box.find(key);
    std::string field = where + "." + key;
    if (it == box.end()) return Invalid(field, "is missing");
    if (!it->is_number()) return Invalid(field, "must be a number");
    double value = it->get<double>();
    if (!std::isfinite(value) || value < 0.0 || value > 1.0 || (positive && value <= 0.0)) {
        return Invalid(field, positive ? "must be a fraction of the image above 0 and at most 1"
                                       : "must be a fraction of the image from 0 to 1");
    }
    return value;
}

Result<MemeBox> ParseBox(const Json& j, const std::string& where) {
    if (!j.is_object()) return Invalid(where, "must be an object");
    std::string unknown =
        UnknownKey(j, {"text", "x", "y", "w", "h", "font", "fill", "outline", "align", "all_caps"});
    if (!unknown.empty()) return Invalid(where + "." + unknown, "is not a box field");
    MemeBox box;
    auto text = j.find("text");
    if (text == j.end()) return Invalid(where + ".text", "is missing");
    if (!text->is_string()) return Invalid(where + ".text", "must be a string");
    box.text = text->get<std::string>();
    if (!IsValidUtf8(box.text) || CountCodePoints(box.text) > kMaxMemeBoxTextChars) {
        return Invalid(where + ".text", "must be at most 500 characters of UTF-8 text");
    }
    auto x = ReadFraction(j, "x", where, false);
    if (!x) return x.error();
    auto y = ReadFraction(j, "y", where, false);
    if (!y) return y.error();
    auto w = ReadFraction(j, "w", where, true);
    if (!w) return w.error();
    auto h = ReadFraction(j, "h", where, true);
    if (!h) return h.error();
    box.x = x.value();
    box.y = y.value();
    box.w = w.value();
    box.h = h.value();
    if (box.x + box.w > 1.0 + kEdgeSlack) return Invalid(where, "reaches past the right edge");
    if (box.y + box.h > 1.0 + kEdgeSlack) return Invalid(where, "reaches past the bottom edge");

    if (auto font = j.find("font"); font != j.end()) {
        std::string name = font->is_string() ? font->get<std::string>() : "";
        if (name == "bebas") {
            box.font = MemeFont::kBebas;
        } else if (name == "inter") {
            box.font = MemeFont::kInter;
        } else if (name == "dejavu") {
            box.font = MemeFont::kDejaVu;
        } else {
            return Invalid(where + ".font", "must be \"bebas\", \"inter\" or \"dejavu\"");
        }
    }
    for (auto [key, out] : {std::pair<const char*, uint32_t*>{"fill", &box.fill},
                            std::pair<const char*, uint32_t*>{"outline", &box.outline}}) {
        auto color = j.find(key);
        if (color == j.end()) continue;
        if (!color->is_string() || !ParseColor(color->get<std::string>(), *out)) {
            return Invalid(where + "." + key, "must be a colour like \"#FFAA00\"");
        }
    }
    if (auto align = j.find("align"); align != j.end()) {
        std::string name = align->is_string() ? align->get<std::string>() : "";
        if (name == "left") {
            box.align = MemeAlign::kLeft;
        } else if (name == "center") {
            box.align = MemeAlign::kCenter;
        } else if (name == "right") {
            box.align = MemeAlign::kRight;
        } else {
            return Invalid(where + ".align", "must be \"left\", \"center\" or \"right\"");
        }
    }
    if (auto caps = j.find("all_caps"); caps != j.end()) {
        if (!caps->is_boolean()) return Invalid(where + ".all_caps", "must be true or false");
        box.all_caps = caps->get<bool>();
    }
    return box;
}

}  // namespace

std::vector<MemeBox> DefaultMemeBoxes() {
    MemeBox top;
    top.y = 0.03;
    MemeBox bottom;
    bottom.y = 0.77;
    return {top, bottom};
}

const char* FontName(MemeFont font) {
    switch (font) {
        case MemeFont::kInter:
            return "inter";
        case MemeFont::kDejaVu:
            return "dejavu";
        case MemeFont::kBebas:
            break;
    }
    return "bebas";
}

const char* AlignName(MemeAlign align) {
    switch (align) {
        case MemeAlign::kLeft:
            return "left";
        case MemeAlign::kRight:
            return "right";
        case MemeAlign::kCenter:
            break;
    }
    return "center";
}

std::string FormatColor(uint32_t rgb) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out = "#";
    for (int shift = 20; shift >= 0; shift -= 4) out += kHex[(rgb >> shift) & 15];
    return out;
}

bool ParseColor(const std::string& text, uint32_t& rgb) {
    if (text.size() != 7 || text[0] != '#') return false;
    uint32_t value = 0;
    for (size_t i = 1; i < 7; ++i) {
        char c = text[i];
        uint32_t digit = 0;
        if (c >= '0' && c <= '9') {
            digit = uint32_t(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            digit = uint32_t(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            digit = uint32_t(c - 'A' + 10);
        } else {
            return false;
        }
        value = value * 16 + digit;
    }
    rgb = value;
    return true;
}

Json ToJson(const MemeBox& box) {
    return Json{{"text", box.text},
                {"x", box.x},
                {"y", box.y},
                {"w", box.w},
                {"h", box.h},
                {"font", FontName(box.font)},
                {"fill", FormatColor(box.fill)},
                {"outline", FormatColor(box.outline)},
                {"align", AlignName(box.align)},
                {"all_caps", box.all_caps}};
}

Json ToJson(const MemeSpec& meme) {
    Json background = Json::object();
    if (!meme.background.template_id.empty()) {
        background["template_id"] = meme.background.template_id;
    } else {
        background["media_id"] = meme.background.media_id;
    }
    Json boxes = Json::array();
    for (const MemeBox& box : meme.boxes) boxes.push_back(ToJson(box));
    return Json{{"background", std::move(background)}, {"boxes", std::move(boxes)}};
}

Result<std::vector<MemeBox>> ParseMemeBoxes(const Json& j, const std::string& where) {
    if (!j.is_array()) return Invalid(where, "must be an array of boxes");
    if (j.size() > kMaxMemeBoxes) return Invalid(where, "may hold at most 8 boxes");
    std::vector<MemeBox> boxes;
    boxes.reserve(j.size());
    for (size_t i = 0; i < j.size(); ++i) {
        Result<MemeBox> box = ParseBox(j[i], where + "[" + std::to_string(i) + "]");
        if (!box) return box.error();
        boxes.push_back(std::move(box).value());
    }
    return boxes;
}

Result<MemeSpec> ParseMemeSpec(const Json& j) {
    if (!j.is_object()) return Invalid("meme", "must be an object");
    std::string unknown = UnknownKey(j, {"background", "boxes"});
    if (!unknown.empty()) return Invalid("meme." + unknown, "is not a meme field");
    MemeSpec meme;
    auto background = j.find("background");
    if (background == j.end()) return Invalid("meme.background", "is missing");
    if (!background->is_object() || background->size() != 1) {
        return Invalid("meme.background", "must be {\"media_id\": ...} or {\"template_id\": ...}");
    }
    if (auto media = background->find("media_id"); media != background->end()) {
        if (!media->is_string() || media->get_ref<const std::string&>().size() != kMediaIdLength ||
            !IsLowerHex(media->get<std::string>())) {
            return Invalid("meme.background.media_id", "must be the id of an uploaded image");
        }
        meme.background.media_id = media->get<std::string>();
    } else if (auto tmpl = background->find("template_id"); tmpl != background->end()) {
        if (!tmpl->is_string() || !IsDecimalId(tmpl->get<std::string>())) {
            return Invalid("meme.background.template_id", "must be the id of a template");
        }
        meme.background.template_id = tmpl->get<std::string>();
    } else {
        return Invalid("meme.background", "must be {\"media_id\": ...} or {\"template_id\": ...}");
    }
    auto boxes = j.find("boxes");
    if (boxes == j.end()) return Invalid("meme.boxes", "is missing");
    auto parsed = ParseMemeBoxes(*boxes, "meme.boxes");
    if (!parsed) return parsed.error();
    meme.boxes = std::move(parsed).value();
    return meme;
}

}  // namespace skyloom
