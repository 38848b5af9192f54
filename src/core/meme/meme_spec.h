// A meme as data: the background (an uploaded image or a published template) and up to
// kMaxMemeBoxes text boxes placed in fractions of the image. Posts carry it beside their
// rendered image so a meme can be re-edited or remixed; templates carry a default box layout.
// The validating parser is shared by the server (request bodies) and the app (answers).
//
//   Result<MemeSpec> meme = ParseMemeSpec(body["meme"]);
//   if (!meme) return meme.error();           // code "invalid_meme", http_status 422
//   Json stored = ToJson(meme.value());       // round-trips exactly
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/result.h"

namespace skyloom {

constexpr size_t kMaxMemeBoxes = 8;
constexpr size_t kMaxMemeBoxTextChars = 500;  // code points

enum class MemeFont { kBebas, kInter, kDejaVu };
enum class MemeAlign { kLeft, kCenter, kRight };

// One text box. Geometry is in fractions of the image (0..1), so it survives resizing.
struct MemeBox {
    std::string text;
    double x = 0.05;
    double y = 0.03;
    double w = 0.9;
    double h = 0.2;
    MemeFont font = MemeFont::kBebas;
    uint32_t fill = 0xFFFFFF;     // 0xRRGGBB
    uint32_t outline = 0x000000;  // 0xRRGGBB
    MemeAlign align = MemeAlign::kCenter;
    bool all_caps = true;
};

// Exactly one of the two ids is set.
struct MemeBackground {
    std::string media_id;     // an uploaded image (64 hex chars)
    std::string template_id;  // a published template
};

struct MemeSpec {
    MemeBackground background;
    std::vector<MemeBox> boxes;
};

// The classic layout: an empty box along the top and one along the bottom.
[[nodiscard]] std::vector<MemeBox> DefaultMemeBoxes();

[[nodiscard]] const char* FontName(MemeFont font);     // "bebas" | "inter" | "dejavu"
[[nodiscard]] const char* AlignName(MemeAlign align);  // "left" | "center" | "right"
[[nodiscard]] std::string FormatColor(uint32_t rgb);   // "#RRGGBB"
// "#RRGGBB" or "#rrggbb" only; false otherwise.
[[nodiscard]] bool ParseColor(const std::string& text, uint32_t& rgb);

[[nodiscard]] nlohmann::json ToJson(const MemeBox& box);
[[nodiscard]] nlohmann::json ToJson(const MemeSpec& meme);
// Boxes: an array of box objects. Required per box: text, x, y, w, h; the rest default as in
// MemeBox. Unknown keys, wrong types, out-of-range geometry (the box must lie inside the
// image and have a positive size), more than kMaxMemeBoxes boxes or more than
// kMaxMemeBoxTextChars characters are errors with code "invalid_meme" (422) naming the field.
[[nodiscard]] Result<std::vector<MemeBox>> ParseMemeBoxes(const nlohmann::json& j,
                                                          const std::string& where = "boxes");
// {background: {media_id} | {template_id}, boxes: [...]}; same error rules, field names
// prefixed with "meme.".
[[nodiscard]] Result<MemeSpec> ParseMemeSpec(const nlohmann::json& j);

}  // namespace skyloom
