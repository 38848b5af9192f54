// Skyloom's widgets on top of Dear ImGui. Each reports itself to the automation bridge with its
// visible caption, kind and value, so tests and assistive tech see what a person sees.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "ui/text_fields.h"         // TextField, TextBox
#include "validation/validation.h"  // core: RuleStatus

namespace skyloom::ui {

// The main call to action: full `width` (<= 0: available), spinner + disabled while busy.
bool PrimaryButton(const char* label, float width, bool busy, bool enabled = true);
// Quiet bordered button for secondary actions (sign out, cancel).
// `height` <= 0: the compact default (top bar); dialogs pass PrimaryButton's height.
bool SecondaryButton(const char* label, float width = 0.0f, bool enabled = true,
                     float height = 0.0f);
// Height of PrimaryButton/DangerButton in the current font.
[[nodiscard]] float PrimaryButtonHeight();
// Accent-coloured text that underlines on hover.
bool Link(const char* label);
// Red call to action for destructive steps (delete), same shape as PrimaryButton.
bool DangerButton(const char* label, float width, bool busy);
// A compact checkbox (the theme's field padding would make its box huge). `out` receives the
// new value when clicked; returns true then, unless disabled.
bool Checkbox(const char* label, bool value, bool enabled, bool* out);
// One segment of a tab strip; reported to the bridge as kind "tab".
bool TabButton(const char* label, bool selected, float width);

// A live checklist of rules (password policy, username rules): a tick or a dot per rule.
// `touched` false draws unmet rules neutral rather than red (nothing typed yet).
void Checklist(const std::vector<RuleStatus>& rules, bool touched);

void Spinner(ImVec2 center, float radius, ImU32 color);
// A thin determinate bar at the cursor, `fraction` 0..1 of `width` (processing, uploads).
void ProgressBar(float fraction, float width);
// A rounded red note (server errors shown in place).
void ErrorNote(const std::string& text, float width);
void MutedText(const char* text);
void CenteredText(const char* text, float width, ImU32 color);

// A green note (success messages shown in place).
void SuccessNote(const std::string& text, float width);

// Width available to the current item: the card's content width inside a card.
[[nodiscard]] float ContentWidth();

// A white rounded card drawn behind everything submitted between Begin/End (not nestable).
void BeginCard(float width, float padding);
void EndCard();

}  // namespace skyloom::ui
