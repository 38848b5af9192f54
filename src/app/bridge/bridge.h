// Automation bridge: the interactive items ImGui submitted in the last frame, collected through
// Dear ImGui's IMGUI_ENABLE_TEST_ENGINE hooks, for tests and the ARIA mirror.
// Contract: ../shared/DESIGN.md, "Automation bridge".
//
//   bridge::BeginFrame();            // before ImGui::NewFrame()
//   ... draw; after a custom widget: bridge::Annotate(ImGui::GetItemID(), {...});
//   ... around what a screen draws: bridge::Region main("main", "main", "Explore");
//   bridge::DrawFocusRing();         // before ImGui::Render()
//   bridge::EndFrame();              // after ImGui::Render(): the frame becomes "the last frame"
//   std::string json = bridge::ItemsJson();
//   std::string patch = bridge::TakeAriaPatch();   // for the page's mirror (aria_web.js)
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "imgui.h"

namespace skyloom::bridge {

enum class ItemKind { Unknown, Button, Input, Checkbox, Tab, Link, Image, Other };

// What a widget knows that the hooks cannot see: its visible caption, its kind, its text.
struct Annotation {
    ItemKind kind = ItemKind::Unknown;
    std::string label;  // empty: keep the label from ImGui (without its "##" suffix)
    bool has_value = false;
    std::string value;      // inputs only
    bool masked = false;    // passwords: value is reported as '*' per code point
    bool selected = false;  // tabs: the current one
};

void BeginFrame();
void EndFrame();
void Annotate(ImGuiID id, Annotation annotation);
void Annotate(ImGuiID id, ItemKind kind, std::string label);
void AnnotateInput(ImGuiID id, std::string label, std::string value, bool masked);

// [{id, label, kind, x, y, w, h, enabled, value?}] in ImGui coordinates (CSS pixels of the canvas).
[[nodiscard]] std::string ItemsJson();

[[nodiscard]] const char* KindName(ItemKind kind);
// "Password##pw" -> "Password", "###id" -> "".
[[nodiscard]] std::string VisibleLabel(const char* label);

// ---- The ARIA mirror's structure (core/ui/aria_tree.h) -------------------------------------
// Items the hooks see become buttons, links, tabs, ... of the container open around them.
// Containers: landmarks ("banner", "navigation", "main"), "article", "feed", "dialog", "form".
// `key` must be unique in the frame and stable across frames.
void BeginRegion(std::string key, std::string role, std::string name = {}, bool focusable = false);
void EndRegion();
struct Region {  // RAII form of BeginRegion/EndRegion
    Region(std::string key, std::string role, std::string name = {}, bool focusable = false) {
        BeginRegion(std::move(key), std::move(role), std::move(name), focusable);
    }
    ~Region() { EndRegion(); }
    Region(const Region&) = delete;
    Region& operator=(const Region&) = delete;
};
// Text the canvas shows that is no widget. `role`: "heading" (extra = level), "text", "time"
// (extra = ISO datetime), "image" (text = alt text).
void Text(std::string key, std::string role, std::string text, std::string extra = {});
void Heading(int level, std::string text);
// A message for the page's live region (toasts, errors): read out once when it appears.
void Announce(std::string text);

// The last frame's mirror change as core::AriaPatch JSON ("" when nothing changed), plus a
// focus request made since (see RequestPageFocus). Taking it makes the next patch relative.
struct AriaUpdate {
    std::string patch;
    std::string focus;  // key of a mirror node the page should focus, or ""
};
[[nodiscard]] AriaUpdate TakeAriaUpdate();
// The app moves the page's focus (j/k to an article); applied with the next update.
void RequestPageFocus(std::string key);

// ---- Focus and activation from the page's mirror ------------------------------------------
// The mirror element with `key` has the page's focus ("" = none): its item gets a focus ring,
// and is scrolled into view once.
void SetPageFocus(std::string key);
[[nodiscard]] const std::string& PageFocus();
// Draws the ring around the focused item; call after drawing, before ImGui::Render().
void DrawFocusRing();
// Clicks an item ("i:XXXXXXXX" key) of the last frame as the mouse would, at its centre:
// queues move, press and release (ImGui trickles them over frames). False if it is gone.
bool ClickItem(const std::string& key);

}  // namespace skyloom::bridge
