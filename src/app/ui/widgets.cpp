// [SECTION] Buttons and links
// [SECTION] Notes, text, spinner
// [SECTION] Cards
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

#include "bridge/bridge.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "ui/theme.h"

namespace skyloom::ui {

//-----------------------------------------------------------------------------
// [SECTION] Buttons and links
//-----------------------------------------------------------------------------

bool PrimaryButton(const char* label, float width, bool busy, bool enabled) {
    if (width <= 0.0f) width = ContentWidth();
    const float height = PrimaryButtonHeight();
    ImGui::BeginDisabled(busy || !enabled);
    ImGui::PushStyleColor(ImGuiCol_Text, color::kOnAccent);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    // While busy the label is replaced by a spinner; keep the id stable with "###".
    const std::string shown = std::string(busy ? "" : label) + "###" + label;
    const bool pressed = ImGui::Button(shown.c_str(), ImVec2(width, height));
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
    if (busy) {
        const ImVec2 c = (ImGui::GetItemRectMin() + ImGui::GetItemRectMax()) * 0.5f;
        Spinner(c, height * 0.22f, color::kOnAccent);
    }
    if (ImGui::IsItemHovered() && !busy && enabled) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Button, label);
    return pressed && !busy && enabled;
}

float PrimaryButtonHeight() {
    return ImGui::GetFrameHeight() + 2.0f;
}

bool SecondaryButton(const char* label, float width, bool enabled, float height) {
    ImGui::BeginDisabled(!enabled);
    ImGui::PushStyleColor(ImGuiCol_Button, color::kSurface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kInputHover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, color::kBorder);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(14, 7));
    const bool pressed = ImGui::Button(label, ImVec2(width, height));
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(3);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered() && enabled) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Button, bridge::VisibleLabel(label));
    return pressed && enabled;
}

bool Link(const char* label) {
    const std::string visible = bridge::VisibleLabel(label);
    const ImVec2 size = ImGui::CalcTextSize(visible.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(label, size);
    const bool hovered = ImGui::IsItemHovered();
    const ImU32 col = hovered ? color::kAccentHover : color::kAccent;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(pos, col, visible.c_str());
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        dl->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), col);
    }
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Link, visible);
    return pressed;
}

bool DangerButton(const char* label, float width, bool busy) {
    ImGui::PushStyleColor(ImGuiCol_Button, color::kError);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::kErrorHover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, color::kErrorHover);
    const bool pressed = PrimaryButton(label, width, busy);
    ImGui::PopStyleColor(3);
    return pressed;
}

bool TabButton(const char* label, bool selected, float width) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, ImGui::GetFrameHeight());
    const bool pressed = ImGui::InvisibleButton(label, size);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (selected)
        dl->AddRectFilled(pos, pos + size, color::kSurface, metric::kFrameRounding);
    else if (hovered)
        dl->AddRectFilled(pos, pos + size, color::kInputHover, metric::kFrameRounding);
    const std::string visible = bridge::VisibleLabel(label);
    const ImVec2 text = ImGui::CalcTextSize(visible.c_str());
    dl->AddText(pos + (size - text) * 0.5f, selected ? color::kText : color::kTextMuted,
                visible.c_str());
    bridge::Annotation note;
    note.kind = bridge::ItemKind::Tab;
    note.label = visible;
    note.selected = selected;  // aria-selected in the page's mirror
    bridge::Annotate(ImGui::GetItemID(), std::move(note));
    return pressed;
}

void Checklist(const std::vector<RuleStatus>& rules, bool touched) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    for (const RuleStatus& rule : rules) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const ImVec2 c = pos + ImVec2(line * 0.45f, line * 0.5f);
        const float r = line * 0.32f;
        ImU32 col = color::kTextMuted;
        if (rule.passed) {
            col = color::kSuccess;
            dl->AddCircleFilled(c, r, col);
            // A tick drawn with lines: no glyph range needed for U+2713.
            dl->AddLine(c + ImVec2(-r * 0.5f, 0), c + ImVec2(-r * 0.1f, r * 0.4f), color::kOnAccent,
                        1.5f);
            dl->AddLine(c + ImVec2(-r * 0.1f, r * 0.4f), c + ImVec2(r * 0.55f, -r * 0.4f),
                        color::kOnAccent, 1.5f);
        } else {
            col = touched ? color::kError : color::kTextMuted;
            dl->AddCircle(c, r, col, 0, 1.2f);
        }
        ImGui::SetCursorScreenPos(pos + ImVec2(line * 1.2f, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, rule.passed ? color::kText : col);
        ImGui::TextUnformatted(rule.label.c_str());
        ImGui::PopStyleColor();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Notes, text, spinner
//-----------------------------------------------------------------------------

void Spinner(ImVec2 center, float radius, ImU32 color) {
    constexpr int kSegments = 24;
    constexpr float kArc = 1.5f * IM_PI;  // three quarters of a turn
    constexpr float kTurnsPerSecond = 1.2f;
    const float start = static_cast<float>(ImGui::GetTime()) * kTurnsPerSecond * 2.0f * IM_PI;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PathClear();
    for (int i = 0; i <= kSegments; i++) {
        const float a = start + kArc * static_cast<float>(i) / kSegments;
        dl->PathLineTo(ImVec2(center.x + std::cos(a) * radius, center.y + std::sin(a) * radius));
    }
    dl->PathStroke(color, 0, radius * 0.3f);
    platform::KeepAnimating();  // a spinner is the one thing that moves on its own
}

void ProgressBar(float fraction, float width) {
    constexpr float kHeight = 6.0f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, pos + ImVec2(width, kHeight), color::kBorder, kHeight * 0.5f);
    const float filled = width * std::clamp(fraction, 0.0f, 1.0f);
    if (filled > 0.5f)
        dl->AddRectFilled(pos, pos + ImVec2(std::fmax(filled, kHeight), kHeight), color::kAccent,
                          kHeight * 0.5f);
    ImGui::Dummy(ImVec2(width, kHeight));
}

namespace {
// A wrapped message on a tinted, rounded box spanning `width`.
void Note(const std::string& text, float width, ImU32 background, ImU32 foreground) {
    const float pad = 10.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float wrap = width - pad * 2;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const ImVec2 box(width, size.y + pad * 2);
    dl->AddRectFilled(pos, pos + box, background, metric::kFrameRounding);
    dl->AddText(nullptr, 0.0f, pos + ImVec2(pad, pad), foreground, text.c_str(), nullptr, wrap);
    ImGui::Dummy(box);
}
}  // namespace

void ErrorNote(const std::string& text, float width) {
    bridge::Announce(text);  // read out by screen readers when it appears
    Note(text, width, color::kErrorSoft, color::kError);
}

void SuccessNote(const std::string& text, float width) {
    Note(text, width, color::kSuccessSoft, color::kSuccess);
}

void MutedText(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color::kTextMuted);
    ImGui::TextWrapped("%s", text);  // wraps at the current wrap position (the card's edge)
    ImGui::PopStyleColor();
}

void CenteredText(const char* text, float width, ImU32 col) {
    const float w = ImGui::CalcTextSize(text).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::fmax(0.0f, (width - w) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

//-----------------------------------------------------------------------------
// [SECTION] Cards
//-----------------------------------------------------------------------------

float ContentWidth() {
    return ImGui::CalcItemWidth();
}

namespace {
struct CardFrame {
    ImVec2 origin;
    float width = 0;
    float padding = 0;
    bool open = false;
};
CardFrame& Card() {
    static CardFrame card;  // transient per-frame layout scratch, not screen data
    return card;
}
}  // namespace

void BeginCard(float width, float padding) {
    CardFrame& card = Card();
    IM_ASSERT(!card.open && "BeginCard() cannot nest");
    card = {ImGui::GetCursorScreenPos(), width, padding, true};
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(card.origin + ImVec2(padding, padding));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(width - padding * 2);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - padding * 2);
    // Content width is bounded by an invisible spacer so GetContentRegionAvail() works.
    ImGui::Dummy(ImVec2(width - padding * 2, 0));
}

void EndCard() {
    CardFrame& card = Card();
    IM_ASSERT(card.open && "EndCard() without BeginCard()");
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + card.padding;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    const ImVec2 max(card.origin.x + card.width, bottom);
    // A soft two-step shadow, then the card.
    dl->AddRectFilled(card.origin + ImVec2(0, 3), max + ImVec2(0, 3), IM_COL32(20, 24, 40, 10),
                      metric::kCardRounding);
    dl->AddRectFilled(card.origin, max, color::kSurface, metric::kCardRounding);
    dl->AddRect(card.origin, max, color::kBorder, metric::kCardRounding);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(card.origin.x, bottom));
    ImGui::Dummy(ImVec2(card.width, 0));
    card.open = false;
}

bool Checkbox(const char* label, bool value, bool enabled, bool* out) {
    ImGui::BeginDisabled(!enabled);
    bool shown = value;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 4));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 4.0f);  // a box, not a radio button
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, color::kTextMuted);
    const bool changed = ImGui::Checkbox(label, &shown);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
    ImGui::EndDisabled();
    if (changed) *out = shown;
    return changed && enabled;
}

}  // namespace skyloom::ui
