// Automation bridge: implementation of the Dear ImGui test-engine hooks and the items list.
//
// [SECTION] Frame storage
// [SECTION] Test-engine hooks (the four symbols imgui_internal.h 1.90.1 declares)
// [SECTION] Public API
#include "bridge/bridge.h"

#include <cstdarg>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui_internal.h"

#ifndef IMGUI_ENABLE_TEST_ENGINE
#error "The automation bridge needs IMGUI_ENABLE_TEST_ENGINE (set by src/app/CMakeLists.txt)"
#endif

namespace skyloom::bridge {

//-----------------------------------------------------------------------------
// [SECTION] Frame storage
//-----------------------------------------------------------------------------

namespace {

struct RawItem {
    ImGuiID id = 0;
    ImRect rect;  // clipped to what the window shows
    bool enabled = true;
};

struct RawInfo {
    std::string label;
    ImGuiItemStatusFlags flags = 0;
    bool is_tab = false;
};

struct Frame {
    std::vector<RawItem> items;
    std::unordered_map<ImGuiID, RawInfo> infos;
    std::unordered_map<ImGuiID, Annotation> annotations;
};

// The bridge is a process-wide mirror of the one ImGui context, like ImGui's own GImGui.
struct BridgeState {
    Frame building;
    std::string last_items_json = "[]";
    bool in_frame = false;
};

BridgeState& State() {
    static BridgeState state;
    return state;
}

std::string Mask(const std::string& value) {
    std::string out;
    for (unsigned char c : value)
        if ((c & 0xC0) != 0x80) out += '*';  // one '*' per code point
    return out;
}

ItemKind KindFromInfo(const RawInfo& info) {
    if (info.is_tab) return ItemKind::Tab;
    if (info.flags & ImGuiItemStatusFlags_Inputable) return ItemKind::Input;
    if (info.flags & ImGuiItemStatusFlags_Checkable) return ItemKind::Checkbox;
    if (info.flags & ImGuiItemStatusFlags_Openable) return ItemKind::Other;
    return ItemKind::Button;
}

}  // namespace

}  // namespace skyloom::bridge

//-----------------------------------------------------------------------------
// [SECTION] Test-engine hooks
//-----------------------------------------------------------------------------

using skyloom::bridge::State;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData* item_data) {
    auto& s = State();
    if (!s.in_frame || id == 0) return;
    if (ctx->WindowsById.GetVoidPtr(id) != nullptr) return;  // a window registering itself
    ImGuiWindow* window = ctx->CurrentWindow;
    if (window == nullptr || window->Hidden || window->SkipItems) return;
    if (!window->ClipRect.Overlaps(bb)) return;  // scrolled out or clipped: not visible
    ImRect visible = bb;
    visible.ClipWithFull(window->ClipRect);
    const ImGuiItemFlags flags = item_data ? item_data->InFlags : ctx->CurrentItemFlags;
    s.building.items.push_back({id, visible, (flags & ImGuiItemFlags_Disabled) == 0});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
    auto& s = State();
    if (!s.in_frame || id == 0) return;
    skyloom::bridge::RawInfo& info = s.building.infos[id];
    info.label = skyloom::bridge::VisibleLabel(label);
    info.flags = flags;
    info.is_tab = ctx->CurrentTabBar != nullptr &&
                  ImGui::TabBarFindTabByID(ctx->CurrentTabBar, id) != nullptr;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace skyloom::bridge {

//-----------------------------------------------------------------------------
// [SECTION] Public API
//-----------------------------------------------------------------------------

void BeginFrame() {
    auto& s = State();
    IM_ASSERT(!s.in_frame && "bridge::BeginFrame() called twice without EndFrame()");
    s.building = Frame{};
    s.in_frame = true;
    ImGui::GetCurrentContext()->TestEngineHookItems = true;
}

void Annotate(ImGuiID id, Annotation annotation) {
    auto& s = State();
    if (s.in_frame && id != 0) s.building.annotations[id] = std::move(annotation);
}

void Annotate(ImGuiID id, ItemKind kind, std::string label) {
    Annotation a;
    a.kind = kind;
    a.label = std::move(label);
    Annotate(id, std::move(a));
}

void AnnotateInput(ImGuiID id, std::string label, std::string value, bool masked) {
    Annotation a;
    a.kind = ItemKind::Input;
    a.label = std::move(label);
    a.has_value = true;
    a.value = std::move(value);
    a.masked = masked;
    Annotate(id, std::move(a));
}

void EndFrame() {
    auto& s = State();
    IM_ASSERT(s.in_frame && "bridge::EndFrame() without BeginFrame()");
    s.in_frame = false;

    // Keep the last registration of each id (ButtonBehavior may register an item twice).
    std::unordered_map<ImGuiID, size_t> last_index;
    for (size_t i = 0; i < s.building.items.size(); i++) last_index[s.building.items[i].id] = i;

    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < s.building.items.size(); i++) {
        const RawItem& item = s.building.items[i];
        if (last_index[item.id] != i) continue;
        auto info = s.building.infos.find(item.id);
        auto note = s.building.annotations.find(item.id);
        const bool has_info = info != s.building.infos.end();
        const bool has_note = note != s.building.annotations.end();
        if (!has_info && !has_note) continue;  // not an interactive widget (child frames, ...)

        ItemKind kind = has_info ? KindFromInfo(info->second) : ItemKind::Other;
        std::string label = has_info ? info->second.label : std::string();
        nlohmann::json j;
        if (has_note) {
            if (note->second.kind != ItemKind::Unknown) kind = note->second.kind;
            if (!note->second.label.empty()) label = note->second.label;
            if (note->second.has_value)
                j["value"] = note->second.masked ? Mask(note->second.value) : note->second.value;
        }
        char id_text[16];
        snprintf(id_text, sizeof id_text, "%08x", item.id);
        j["id"] = id_text;
        j["label"] = label;
        j["kind"] = KindName(kind);
        j["x"] = item.rect.Min.x;
        j["y"] = item.rect.Min.y;
        j["w"] = item.rect.GetWidth();
        j["h"] = item.rect.GetHeight();
        j["enabled"] = item.enabled;
        out.push_back(std::move(j));
    }
    s.last_items_json = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ItemsJson() { return State().last_items_json; }

const char* KindName(ItemKind kind) {
    switch (kind) {
        case ItemKind::Button: return "button";
        case ItemKind::Input: return "input";
        case ItemKind::Checkbox: return "checkbox";
        case ItemKind::Tab: return "tab";
        case ItemKind::Link: return "link";
        case ItemKind::Image: return "image";
        case ItemKind::Unknown:
        case ItemKind::Other: break;
    }
    return "other";
}

std::string VisibleLabel(const char* label) {
    if (label == nullptr) return {};
    const char* end = ImGui::FindRenderedTextEnd(label);
    return std::string(label, end);
}

}  // namespace skyloom::bridge
