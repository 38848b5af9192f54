#include "ui/selectable_text.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "imgui_internal.h"
#include "platform/platform.h"
#include "ui/dom_overlay.h"
#include "ui/rich_text.h"

namespace skyloom::ui {
namespace {

using nlohmann::json;

// A block's lines as the page needs them, computed once per text, width and font (posts do
// not change while they scroll) and reused every frame after.
struct Content {
    size_t key = 0;
    std::string json;  // {"font","line","wrap","lines":[[text,y,width,sep]]} or {"layout",...}
    float height = 0;
};

// A window's scrolling content: blocks sit in it at fixed offsets, so a scroll moves one
// element on the page, not every block.
struct Surface {
    ImGuiID id = 0;
    ImRect clip;            // what the window shows
    ImVec2 content_origin;  // where its content's (0,0) is on the page this frame
};

struct Block {
    const std::string* id = nullptr;  // into Layer::content
    ImGuiID surface = 0;
    const ImGuiWindow* root = nullptr;
    ImVec2 offset;  // in the surface's content
    ImRect rect;    // on the page, for occlusion
    float width = 0;
};

// While anything of ours moves (a wheel, a fling, a drag), the page's copy is hidden rather than
// moved each frame: nobody selects text that is flying past, and keeping the DOM in step cost
// more than the frame budget (docs/benchmarks.md). It comes back this long after the last move.
constexpr double kShowAfterStillMs = 120.0;

// The page's update for this frame's blocks, diffed against what the page has (layer.sent).
struct Update {
    std::string blocks;    // the block list, to tell whether it changed
    std::string json;      // the whole update
    bool changed = false;  // blocks or content differ from what the page shows
    std::unordered_map<std::string, size_t> sent;  // what the page has once this is applied
};

struct Layer {
    std::unordered_map<std::string, Content> content;  // by block id
    std::unordered_map<std::string, size_t> sent;      // id -> content key the page has
    std::vector<Surface> surfaces;                     // this frame's
    std::vector<Block> frame;                          // submitted this frame
    std::string last_surfaces, last_blocks;
    bool hidden = false;          // the page's layer is hidden while things move
    double moved_at_ms = -1e9;    // when a surface last moved
    bool wake_scheduled = false;  // ShowWhenStill is on its way
    Update pending;               // the latest frame's update, held while hidden
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

size_t ContentKey(std::string_view text, ImFont* font, float size, float wrap, int layout) {
    size_t h = std::hash<std::string_view>{}(text);
    for (size_t v : {std::hash<const void*>{}(font), std::hash<float>{}(size),
                     std::hash<float>{}(wrap), std::hash<int>{}(layout)})
        h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

Content MakeContent(std::string_view text, ImFont* font, float size, float wrap, int layout) {
    Content c;
    json j;
    if (layout == 0) {
        json lines = json::array();
        for (const WrappedLine& l : WrapLines(text, font, size, wrap)) {
            lines.push_back({std::string(text.substr(l.begin, l.end - l.begin)), l.y, l.width,
                             l.hard_break ? "\n" : " "});
            c.height = l.y + size;
        }
        j = {{"font", size}, {"line", size}, {"wrap", wrap}, {"lines", std::move(lines)}};
    } else {
        // The browser laid it out to draw it (ui/rich_text): the page copies those very lines.
        c.height = TextBlockSize(text, font, wrap).y;
        j = {{"font", size}, {"layout", layout}, {"wrap", wrap}, {"flow", std::string(text)}};
    }
    c.json = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return c;
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
    Layer& layer = GetLayer();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 content_origin = window->Pos - window->Scroll;
    if (layer.surfaces.empty() || layer.surfaces.back().id != window->ID) {
        const auto same = [&](const Surface& x) { return x.id == window->ID; };
        if (std::find_if(layer.surfaces.begin(), layer.surfaces.end(), same) ==
            layer.surfaces.end())
            layer.surfaces.push_back({window->ID, window->ClipRect, content_origin});
    }
    const float size = ImGui::GetFontSize();
    const int layout = AtlasCovers(text, font) ? 0 : TextBlockLayoutId(text, font, wrap_width);
    const size_t key = ContentKey(text, font, size, wrap_width, layout);
    auto [it, fresh] = layer.content.try_emplace(id);
    if (fresh || it->second.key != key) {
        it->second = MakeContent(text, font, size, wrap_width, layout);
        it->second.key = key;
    }
    Block block;
    block.id = &it->first;
    block.surface = window->ID;
    block.root = window->RootWindow;
    block.offset = pos - content_origin;
    block.width = wrap_width > 0 ? wrap_width : 1e4f;
    block.rect = ImRect(pos, pos + ImVec2(block.width, it->second.height));
    block.rect.ClipWithFull(window->ClipRect);
    layer.frame.push_back(block);
}

namespace {

Update BuildUpdate(Layer& layer, const std::string& surfaces) {
    Update u;
    char numbers[192];
    std::string contents;
    for (const Block& b : layer.frame) {
        const std::string& id = *b.id;
        const Content& content = layer.content[id];
        const std::string quoted = json(id).dump();
        std::snprintf(numbers, sizeof numbers, "%s[%s,%u,%.1f,%.1f,%.1f,%s]",
                      u.blocks.empty() ? "" : ",", quoted.c_str(), b.surface, b.offset.x,
                      b.offset.y, b.width, IsCovered(b.root, b.rect) ? "true" : "false");
        u.blocks += numbers;
        const auto was = layer.sent.find(id);
        if (was == layer.sent.end() || was->second != content.key)
            contents += (contents.empty() ? "" : ",") + quoted + ":" + content.json;
        u.sent[id] = content.key;
    }
    // Content of blocks that left the view goes too (it is cheap to make again).
    for (auto it = layer.content.begin(); it != layer.content.end();)
        it = u.sent.count(it->first) ? std::next(it) : layer.content.erase(it);
    layer.frame.clear();
    layer.surfaces.clear();
    u.changed = u.blocks != layer.last_blocks || !contents.empty();
    u.json = "{\"surfaces\":[" + surfaces + "]";
    if (u.changed) u.json += ",\"blocks\":[" + u.blocks + "],\"content\":{" + contents + "}";
    u.json += '}';
    return u;
}

void Apply(Layer& layer, Update& u) {
    layer.sent = std::move(u.sent);
    layer.last_blocks = std::move(u.blocks);
    platform::UpdateTextLayer(u.json);
}

// Once things have been still for kShowAfterStillMs, the last frame's update shows the copy
// again; no frame is rendered for it (an idle page stays at 0 frames).
void ShowWhenStill() {
    Layer& layer = GetLayer();
    const double left = kShowAfterStillMs - (platform::NowMs() - layer.moved_at_ms);
    if (left > 1.0) {
        platform::SetPageTimeout(left, ShowWhenStill);
        return;
    }
    layer.wake_scheduled = false;
    if (!layer.hidden) return;
    layer.hidden = false;
    Apply(layer, layer.pending);
}

}  // namespace

void FinishSelectableTextFrame() {
    Layer& layer = GetLayer();
    // Written by hand and sent only when something changed: this runs every frame while the
    // feed scrolls, and a scroll only moves the surfaces.
    char numbers[192];
    std::string surfaces;
    for (const Surface& s : layer.surfaces) {
        std::snprintf(numbers, sizeof numbers, "%s[%u,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f]",
                      surfaces.empty() ? "" : ",", s.id, s.clip.Min.x, s.clip.Min.y,
                      std::max(0.0f, s.clip.GetWidth()), std::max(0.0f, s.clip.GetHeight()),
                      s.content_origin.x, s.content_origin.y);
        surfaces += numbers;
    }
    const double now = platform::NowMs();
    const bool moved = surfaces != layer.last_surfaces && !layer.last_surfaces.empty();
    if (moved) layer.moved_at_ms = now;
    layer.last_surfaces = surfaces;
    Update update = BuildUpdate(layer, surfaces);
    if (now - layer.moved_at_ms < kShowAfterStillMs) {
        // Moving: hide the copy once, keep the latest update for when it is still.
        if (!layer.hidden) {
            layer.hidden = true;
            platform::UpdateTextLayer("{\"hidden\":true}");
        }
        layer.pending = std::move(update);
        if (!layer.wake_scheduled) {
            layer.wake_scheduled = true;
            platform::SetPageTimeout(kShowAfterStillMs, ShowWhenStill);
        }
        return;
    }
    const bool was_hidden = layer.hidden;
    layer.hidden = false;
    if (!moved && !was_hidden && !update.changed) return;  // idle, or nothing of ours changed
    Apply(layer, update);
}

}  // namespace skyloom::ui
