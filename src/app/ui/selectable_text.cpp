#include "ui/selectable_text.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "imgui_internal.h"
#include "platform/platform.h"
#include "ui/dom_overlay.h"

namespace skyloom::ui {
namespace {

using nlohmann::json;

struct Block {
    std::string id;
    const ImGuiWindow* root = nullptr;
    ImRect clip;
    ImVec2 origin;
    json content;  // {"font", "line", "lines": [[text, y, width, sep]]} or {"flow", "width"}
    size_t content_hash = 0;
};

struct Layer {
    std::vector<Block> frame;                      // submitted this frame
    std::unordered_map<std::string, size_t> sent;  // id -> content hash the page has
    std::string last_update;
};

Layer& GetLayer() {
    static Layer layer;  // process-wide like ImGui's context
    return layer;
}

// True when every code point has a glyph in the atlas, so ImGui's own wrapping is what shows.
bool AtlasCovers(std::string_view text, ImFont* font) {
    const char* s = text.data();
    const char* end = s + text.size();
    while (s < end) {
        unsigned int c = 0;
        s += ImTextCharFromUtf8(&c, s, end);
        if (c >= 32 && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) return false;
    }
    return true;
}

}  // namespace

std::vector<WrappedLine> WrapLines(std::string_view text, ImFont* font, float size,
                                   float wrap_width) {
    // Mirrors ImFont::RenderText (imgui_draw.cpp, 1.90.1): the same wrap points, kept across
    // newlines as it keeps them, and the blanks a wrap eats.
    std::vector<WrappedLine> lines;
    const float scale = size / font->FontSize;
    const float line_height = font->FontSize * scale;
    const char* begin = text.data();
    const char* end = begin + text.size();
    const char* s = begin;
    const char* line_start = s;
    const char* eol = nullptr;
    float y = 0;
    auto push = [&](const char* line_end, bool hard) {
        WrappedLine line;
        line.begin = static_cast<size_t>(line_start - begin);
        line.end = static_cast<size_t>(line_end - begin);
        line.y = y;
        line.width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, line_start, line_end).x;
        line.hard_break = hard;
        lines.push_back(line);
        y += line_height;
    };
    float x = 0;
    while (s < end) {
        if (wrap_width > 0.0f) {
            if (eol == nullptr) eol = font->CalcWordWrapPositionA(scale, s, end, wrap_width - x);
            if (s >= eol) {
                push(s, false);
                x = 0;
                eol = nullptr;
                while (s < end && ImCharIsBlankA(*s)) s++;
                if (s < end && *s == '\n') s++;
                line_start = s;
                continue;
            }
        }
        unsigned int c = static_cast<unsigned char>(*s);
        const char* at = s;
        s += c < 0x80 ? 1 : ImTextCharFromUtf8(&c, s, end);
        if (c == '\n') {
            push(at, true);
            x = 0;
            line_start = s;
            continue;
        }
        if (c == '\r') continue;
        x += font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
    }
    if (line_start < end) push(end, false);
    return lines;
}

void SelectableText(const std::string& id, ImVec2 pos, std::string_view text, ImFont* font,
                    float wrap_width) {
    if (text.empty()) return;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float size = ImGui::GetFontSize();
    Block block;
    block.id = id;
    block.root = window->RootWindow;
    block.origin = pos;
    if (AtlasCovers(text, font)) {
        json lines = json::array();
        float height = 0;
        for (const WrappedLine& l : WrapLines(text, font, size, wrap_width)) {
            lines.push_back({std::string(text.substr(l.begin, l.end - l.begin)), l.y, l.width,
                             l.hard_break ? "\n" : " "});
            height = l.y + size;
        }
        block.content = {
            {"font", size}, {"line", size}, {"wrap", wrap_width}, {"lines", std::move(lines)}};
        block.clip = ImRect(pos, pos + ImVec2(wrap_width > 0 ? wrap_width : 1e4f, height));
    } else {
        // The browser lays it out, as it draws it (any script, right to left, emoji).
        block.content = {{"font", size},
                         {"line", size * 1.25f},
                         {"flow", std::string(text)},
                         {"width", wrap_width}};
        block.clip = ImRect(pos, pos + ImVec2(wrap_width, 1e4f));
    }
    block.clip.ClipWithFull(window->ClipRect);
    block.content_hash = std::hash<std::string>{}(
        block.content.dump(-1, ' ', false, json::error_handler_t::replace));
    GetLayer().frame.push_back(std::move(block));
}

void FinishSelectableTextFrame() {
    Layer& layer = GetLayer();
    json order = json::array();
    json blocks = json::array();
    std::unordered_map<std::string, size_t> sent;
    for (Block& b : layer.frame) {
        order.push_back(b.id);
        json j = {{"id", b.id},
                  {"clip",
                   {b.clip.Min.x, b.clip.Min.y, std::max(0.0f, b.clip.GetWidth()),
                    std::max(0.0f, b.clip.GetHeight())}},
                  {"x", b.origin.x},
                  {"y", b.origin.y},
                  {"hidden", IsCovered(b.root, b.clip)}};
        const auto it = layer.sent.find(b.id);
        if (it == layer.sent.end() || it->second != b.content_hash) j["content"] = b.content;
        sent[b.id] = b.content_hash;
        blocks.push_back(std::move(j));
    }
    layer.frame.clear();
    layer.sent = std::move(sent);
    std::string update = json{{"order", std::move(order)}, {"blocks", std::move(blocks)}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
    if (update == layer.last_update) return;  // an idle frame changes nothing on the page
    layer.last_update = update;
    platform::UpdateTextLayer(update);
}

}  // namespace skyloom::ui
