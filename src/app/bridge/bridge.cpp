// Automation bridge: implementation of the Dear ImGui test-engine hooks and the items list.
//
// [SECTION] Frame storage
// [SECTION] Test-engine hooks (the four symbols imgui_internal.h 1.90.1 declares)
// [SECTION] Public API
// [SECTION] ARIA mirror
#include "bridge/bridge.h"

#include <cstdarg>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui_internal.h"
#include "ui/aria_tree.h"  // core

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

// What the mirror's structure saw, in submission order.
struct MirrorEvent {
    enum Type { kOpen, kClose, kText, kItem } type = kItem;
    std::string key, role, name, extra;
    uint8_t state = 0;
    size_t item = 0;  // kItem: index into Frame::items
};

// An item as the last frame resolved it (label, kind and value from hooks and annotations).
struct ResolvedItem {
    ImGuiID id = 0;
    std::string label;
    ItemKind kind = ItemKind::Other;
    bool has_value = false;
    std::string value;
    ImRect rect;
    bool enabled = true;
    bool selected = false;
    bool checked = false;
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
    std::vector<MirrorEvent> mirror;
    std::vector<std::string> announcements;
    // The page-focused item, even when scrolled out (to scroll it back into view).
    ImGuiWindow* focus_window = nullptr;
    ImRect focus_bb;
};

// The bridge is a process-wide mirror of the one ImGui context, like ImGui's own GImGui.
struct BridgeState {
    Frame building;
    std::vector<ResolvedItem> last_items;
    ui::AriaTree tree;        // the last frame's mirror
    ui::AriaTree taken_tree;  // what the page has (the last TakeAriaUpdate)
    std::string focus_request;
    std::string page_focus;     // key of the mirror element the page has focused
    ImGuiID page_focus_id = 0;  // its item id, when it is an item
    bool page_focus_scrolled = false;
    bool page_focus_given_to_nav = false;  // ImGui's NavId was set to the page's focus
    ImGuiID nav_id_seen = 0;               // ImGui's NavId at the last frame's end
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

std::string ItemKey(ImGuiID id) {
    char key[16];
    snprintf(key, sizeof key, "i:%08x", id);
    return key;
}

// The mirror's role: the bridge's kind name, except that inputs are markers for the page's real
// fields and anything else clickable is a button.
const char* RoleOf(ItemKind kind) {
    if (kind == ItemKind::Input) return "field";
    if (kind == ItemKind::Unknown || kind == ItemKind::Other) return "button";
    return KindName(kind);
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
    if (id == s.page_focus_id) {
        s.building.focus_window = window;
        s.building.focus_bb = bb;
    }
    if (!window->ClipRect.Overlaps(bb)) return;  // scrolled out or clipped: not visible
    ImRect visible = bb;
    visible.ClipWithFull(window->ClipRect);
    const ImGuiItemFlags flags = item_data ? item_data->InFlags : ctx->CurrentItemFlags;
    s.building.items.push_back({id, visible, (flags & ImGuiItemFlags_Disabled) == 0});
    skyloom::bridge::MirrorEvent event;
    event.item = s.building.items.size() - 1;
    s.building.mirror.push_back(std::move(event));
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

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}

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

namespace {

// Items in submission order with what hooks and annotations say about them; an item
// registered twice (ButtonBehavior may) keeps its last registration.
void ResolveItems(const Frame& frame, std::vector<ResolvedItem>& out,
                  std::vector<int>& index_of_raw) {
    out.clear();
    index_of_raw.assign(frame.items.size(), -1);
    std::unordered_map<ImGuiID, size_t> last_index;
    for (size_t i = 0; i < frame.items.size(); i++) last_index[frame.items[i].id] = i;
    for (size_t i = 0; i < frame.items.size(); i++) {
        const RawItem& item = frame.items[i];
        if (last_index[item.id] != i) continue;
        auto info = frame.infos.find(item.id);
        auto note = frame.annotations.find(item.id);
        const bool has_info = info != frame.infos.end();
        const bool has_note = note != frame.annotations.end();
        if (!has_info && !has_note) continue;  // not an interactive widget (child frames, ...)

        ResolvedItem r;
        r.id = item.id;
        r.kind = has_info ? KindFromInfo(info->second) : ItemKind::Other;
        r.label = has_info ? info->second.label : std::string();
        r.checked = has_info && (info->second.flags & ImGuiItemStatusFlags_Checked) != 0;
        if (has_note) {
            if (note->second.kind != ItemKind::Unknown) r.kind = note->second.kind;
            if (!note->second.label.empty()) r.label = note->second.label;
            r.has_value = note->second.has_value;
            if (r.has_value)
                r.value = note->second.masked ? Mask(note->second.value) : note->second.value;
            r.selected = note->second.selected;
        }
        r.rect = item.rect;
        r.enabled = item.enabled;
        index_of_raw[i] = static_cast<int>(out.size());
        out.push_back(std::move(r));
    }
}

void BuildMirror(const Frame& frame, const std::vector<ResolvedItem>& items,
                 const std::vector<int>& index_of_raw, ui::AriaTree& tree) {
    tree.Clear();
    for (const MirrorEvent& e : frame.mirror) {
        switch (e.type) {
            case MirrorEvent::kOpen:
                tree.Open(e.key, e.role, e.name, e.extra, e.state);
                break;
            case MirrorEvent::kClose:
                tree.Close();
                break;
            case MirrorEvent::kText:
                tree.Leaf(e.key, e.role, e.name, e.extra);
                break;
            case MirrorEvent::kItem: {
                const int at = index_of_raw[e.item];
                if (at < 0) break;
                const ResolvedItem& item = items[at];
                if (item.label.empty() && item.kind != ItemKind::Input) break;  // nothing to say
                uint8_t state = item.enabled ? 0 : ui::kAriaDisabled;
                if (item.selected) state |= ui::kAriaSelected;
                if (item.checked) state |= ui::kAriaChecked;
                tree.Leaf(ItemKey(item.id), RoleOf(item.kind), item.label,
                          item.kind == ItemKind::Input ? std::to_string(item.id) : std::string(),
                          state);
                break;
            }
        }
    }
    // The live region comes last and is always there, so the page announces what is added.
    tree.Open("live", "live");
    for (const std::string& text : frame.announcements) tree.Leaf("live:" + text, "text", text);
    tree.Close();
}

}  // namespace

void EndFrame() {
    auto& s = State();
    IM_ASSERT(s.in_frame && "bridge::EndFrame() without BeginFrame()");
    s.in_frame = false;
    std::vector<int> index_of_raw;
    ResolveItems(s.building, s.last_items, index_of_raw);
    BuildMirror(s.building, s.last_items, index_of_raw, s.tree);
}

std::string ItemsJson() {
    // Built on request: tests ask for it, the app's frames never do.
    nlohmann::json out = nlohmann::json::array();
    for (const ResolvedItem& item : State().last_items) {
        nlohmann::json j;
        if (item.has_value) j["value"] = item.value;
        char id_text[16];
        snprintf(id_text, sizeof id_text, "%08x", item.id);
        j["id"] = id_text;
        j["label"] = item.label;
        j["kind"] = KindName(item.kind);
        j["x"] = item.rect.Min.x;
        j["y"] = item.rect.Min.y;
        j["w"] = item.rect.GetWidth();
        j["h"] = item.rect.GetHeight();
        j["enabled"] = item.enabled;
        if (item.kind == ItemKind::Tab) j["selected"] = item.selected;
        out.push_back(std::move(j));
    }
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

//-----------------------------------------------------------------------------
// [SECTION] ARIA mirror
//-----------------------------------------------------------------------------

namespace {
void PushMirror(MirrorEvent event) {
    auto& s = State();
    if (s.in_frame) s.building.mirror.push_back(std::move(event));
}
}  // namespace

void BeginRegion(std::string key, std::string role, std::string name, bool focusable) {
    MirrorEvent e;
    e.type = MirrorEvent::kOpen;
    e.key = std::move(key);
    e.role = std::move(role);
    e.name = std::move(name);
    e.state = focusable ? ui::kAriaFocusable : 0;
    PushMirror(std::move(e));
}

void EndRegion() {
    MirrorEvent e;
    e.type = MirrorEvent::kClose;
    PushMirror(std::move(e));
}

void Text(std::string key, std::string role, std::string text, std::string extra) {
    MirrorEvent e;
    e.type = MirrorEvent::kText;
    e.key = std::move(key);
    e.role = std::move(role);
    e.name = std::move(text);
    e.extra = std::move(extra);
    PushMirror(std::move(e));
}

void Heading(int level, std::string text) {
    std::string key = "h:" + text;
    Text(std::move(key), "heading", std::move(text), std::to_string(level));
}

void Announce(std::string text) {
    auto& s = State();
    if (s.in_frame && !text.empty()) s.building.announcements.push_back(std::move(text));
}

AriaUpdate TakeAriaUpdate() {
    auto& s = State();
    AriaUpdate update;
    update.patch = ui::AriaPatch(s.taken_tree, s.tree);
    if (!update.patch.empty()) std::swap(s.taken_tree, s.tree);
    update.focus = std::move(s.focus_request);
    s.focus_request.clear();
    return update;
}

void RequestPageFocus(std::string key) {
    State().focus_request = std::move(key);
}

void SetPageFocus(std::string key) {
    auto& s = State();
    s.page_focus_id = 0;
    if (key.size() == 10 && key.compare(0, 2, "i:") == 0)
        s.page_focus_id = static_cast<ImGuiID>(std::strtoul(key.c_str() + 2, nullptr, 16));
    s.page_focus = std::move(key);
    s.page_focus_scrolled = false;
    s.page_focus_given_to_nav = false;
}

const std::string& PageFocus() {
    return State().page_focus;
}

namespace {

// The page's focus and ImGui's keyboard navigation follow each other: a mirror element focused
// (Tab, a screen reader) becomes ImGui's NavId, so arrow keys move on from it; an arrow key
// that moves ImGui's NavId moves the page's focus to that item's mirror element.
void SyncNavigation(BridgeState& s) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (s.page_focus_id != 0 && !s.page_focus_given_to_nav && s.building.focus_window != nullptr) {
        s.page_focus_given_to_nav = true;
        ImGui::SetFocusID(s.page_focus_id, s.building.focus_window);
        g.NavDisableHighlight = true;  // the ring below is the one focus indicator
    } else if (g.NavId != 0 && g.NavId != s.nav_id_seen && !g.NavDisableHighlight &&
               g.NavId != s.page_focus_id) {
        for (const RawItem& item : s.building.items) {
            if (item.id != g.NavId) continue;
            s.focus_request = ItemKey(g.NavId);  // the page focuses it with this frame's patch
            g.NavDisableHighlight = true;
            break;
        }
    }
    s.nav_id_seen = g.NavId;
}

}  // namespace

void DrawFocusRing() {
    auto& s = State();
    SyncNavigation(s);
    if (s.page_focus_id == 0) return;
    // Scrolled out (or partly): bring it into view once, then leave the scrolling to the user.
    if (!s.page_focus_scrolled && s.building.focus_window != nullptr) {
        s.page_focus_scrolled = true;
        ImGuiWindow* window = s.building.focus_window;
        ImRect inner = window->InnerRect;
        if (!inner.Contains(s.building.focus_bb))
            ImGui::ScrollToRect(window, s.building.focus_bb, ImGuiScrollFlags_KeepVisibleEdgeY);
    }
    for (const RawItem& item : s.building.items) {
        if (item.id != s.page_focus_id) continue;
        // The page's usual focus ring: 2 px of the accent colour just outside the item.
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        const ImU32 ring = ImGui::GetColorU32(ImGuiCol_NavHighlight);
        dl->AddRect(item.rect.Min - ImVec2(3, 3), item.rect.Max + ImVec2(3, 3), ring, 6.0f, 0,
                    2.0f);
        break;
    }
}

bool ClickItem(const std::string& key) {
    auto& s = State();
    for (const ResolvedItem& item : s.last_items) {
        if (ItemKey(item.id) != key) continue;
        if (!item.enabled) return false;
        ImGuiIO& io = ImGui::GetIO();
        const ImVec2 centre = item.rect.GetCenter();
        io.AddMousePosEvent(centre.x, centre.y);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        return true;
    }
    return false;
}

const char* KindName(ItemKind kind) {
    switch (kind) {
        case ItemKind::Button:
            return "button";
        case ItemKind::Input:
            return "input";
        case ItemKind::Checkbox:
            return "checkbox";
        case ItemKind::Tab:
            return "tab";
        case ItemKind::Link:
            return "link";
        case ItemKind::Image:
            return "image";
        case ItemKind::Unknown:
        case ItemKind::Other:
            break;
    }
    return "other";
}

std::string VisibleLabel(const char* label) {
    if (label == nullptr) return {};
    const char* end = ImGui::FindRenderedTextEnd(label);
    return std::string(label, end);
}

}  // namespace skyloom::bridge
