// Automation bridge: the interactive items ImGui submitted in the last frame, collected through
// Dear ImGui's IMGUI_ENABLE_TEST_ENGINE hooks, for tests and the ARIA mirror.
// Contract: ../shared/DESIGN.md, "Automation bridge".
//
//   bridge::BeginFrame();            // before ImGui::NewFrame()
//   ... draw; after a custom widget: bridge::Annotate(ImGui::GetItemID(), {...});
//   bridge::EndFrame();              // after ImGui::Render(): the frame becomes "the last frame"
//   std::string json = bridge::ItemsJson();
#pragma once

#include <string>

#include "imgui.h"

namespace skyloom::bridge {

enum class ItemKind { Unknown, Button, Input, Checkbox, Tab, Link, Image, Other };

// What a widget knows that the hooks cannot see: its visible caption, its kind, its text.
struct Annotation {
    ItemKind kind = ItemKind::Unknown;
    std::string label;      // empty: keep the label from ImGui (without its "##" suffix)
    bool has_value = false;
    std::string value;      // inputs only
    bool masked = false;    // passwords: value is reported as '*' per code point
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

}  // namespace skyloom::bridge
