#include "screens/composer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "bridge/bridge.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "screens/post_card.h"  // LabelLine
#include "ui/byte_size.h"       // core
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "validation/validation.h"  // core: kPostMaxChars, CountCodePoints

namespace skyloom::app {
namespace {

constexpr float kComposerLines = 4.0f;
constexpr float kPreviewSize = 88.0f;
constexpr const char* kComposerHint = "What's on your mind?";

ImTextureID AsTextureId(uint32_t handle) {
    return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(handle));
}

// "4.2 MB -> 182 KB · 1000×750" once processed; the original size before that.
std::string SizeLine(const Attachment& a) {
    std::string line = ui::FormatByteSize(a.original_bytes);
    if (a.processed_bytes > 0) {
        line += " \xE2\x86\x92 " + ui::FormatByteSize(a.processed_bytes);
        line += " \xC2\xB7 " + std::to_string(a.width) + "\xC3\x97" + std::to_string(a.height);
    }
    return line;
}

void DrawAttachment(const Attachment& a, float inner, const ui::FontSet& fonts,
                    FeedAction& action) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 preview_max = origin + ImVec2(kPreviewSize, kPreviewSize);
    if (a.preview_texture != 0 && a.width > 0 && a.height > 0) {
        // Cover-crop the preview square.
        const float aspect = static_cast<float>(a.width) / static_cast<float>(a.height);
        ImVec2 uv0(0, 0), uv1(1, 1);
        if (aspect > 1)
            uv0.x = (1 - 1 / aspect) * 0.5f, uv1.x = 1 - uv0.x;
        else
            uv0.y = (1 - aspect) * 0.5f, uv1.y = 1 - uv0.y;
        dl->AddImageRounded(AsTextureId(a.preview_texture), origin, preview_max, uv0, uv1,
                            IM_COL32_WHITE, ui::metric::kFrameRounding);
    } else {
        dl->AddRectFilled(origin, preview_max, ui::color::kInput, ui::metric::kFrameRounding);
        if (a.busy())
            ui::Spinner(origin + ImVec2(kPreviewSize, kPreviewSize) * 0.5f, 10.0f,
                        ui::color::kAccent);
    }
    dl->AddRect(origin, preview_max, ui::color::kBorder, ui::metric::kFrameRounding);

    // Right of the preview: name, sizes, then progress / error / ready, and the button.
    const float text_x = origin.x + kPreviewSize + 12.0f;
    const float button_w = 92.0f;
    const float text_w = inner - kPreviewSize - 12.0f - button_w - 8.0f;
    ImGui::SetCursorScreenPos(ImVec2(text_x, origin.y + 2));
    ImGui::BeginGroup();
    ImGui::PushFont(fonts.strong);
    ImGui::PushClipRect(ImVec2(text_x, origin.y), ImVec2(text_x + text_w, origin.y + kPreviewSize),
                        true);
    ImGui::TextUnformatted(a.file_name.c_str());
    ImGui::PopClipRect();
    ImGui::PopFont();
    ImGui::PushFont(fonts.small);
    ui::MutedText(SizeLine(a).c_str());
    ImGui::Dummy(ImVec2(0, 2));
    if (a.busy()) {
        ui::ProgressBar(static_cast<float>(a.progress), text_w);
        const int percent = static_cast<int>(std::lround(a.progress * 100));
        const std::string label = a.stage + "\xE2\x80\xA6 " + std::to_string(percent) + "%";
        ui::MutedText(label.c_str());
    } else if (a.phase == Attachment::Phase::kFailed) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kError);
        ImGui::PushTextWrapPos(text_x + text_w);
        ImGui::TextUnformatted(a.error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    } else if (a.phase == Attachment::Phase::kReady) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kSuccess);
        ImGui::TextUnformatted("Uploaded \xE2\x80\x94 ready to post");
        ImGui::PopStyleColor();
    }
    // The browser's labels show while the upload runs; the server's (the same numbers, from the
    // same bytes) replace them once it answers.
    const std::vector<MediaLabel>& labels =
        a.media && !a.media->labels.empty() ? a.media->labels : a.local_labels;
    if (!labels.empty() && a.phase != Attachment::Phase::kFailed)
        ui::MutedText(LabelLine(labels).c_str());
    ImGui::PopFont();
    ImGui::EndGroup();

    ImGui::SetCursorScreenPos(ImVec2(origin.x + inner - button_w, origin.y));
    if (ui::SecondaryButton(a.busy() ? "Cancel##image" : "Remove##image", button_w))
        action.kind = FeedActionKind::RemoveImage;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, preview_max.y));
    ImGui::Dummy(ImVec2(inner, 8));
}

// Tab while a ghost is shown: the input's completion callback appends the ghost at the end.
// Also puts the caret at the end once, when Autofill has just handed the focus back.
struct GhostAccept {
    const std::string* ghost = nullptr;
    bool accepted = false;
    bool caret_to_end = false;
};

int AcceptGhostOnTab(ImGuiInputTextCallbackData* data) {
    auto* accept = static_cast<GhostAccept*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCompletion && accept->ghost != nullptr) {
        data->InsertChars(data->BufTextLen, accept->ghost->c_str());
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        accept->accepted = true;
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && accept->caret_to_end) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        accept->caret_to_end = false;
    }
    return 0;
}

// The ghost continues from the end of the draft, in muted text, wrapped to the input's width
// and clipped to its frame. `frame` is the input's rectangle; `scroll_y` its child's scroll.
void DrawGhost(const std::string& draft, const std::string& ghost, ImRect frame, float scroll_y) {
    ImGuiStyle& style = ImGui::GetStyle();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float line_h = size;  // InputTextMultiline advances by the font size
    const size_t last_break = draft.rfind('\n');
    const std::string last_line =
        last_break == std::string::npos ? draft : draft.substr(last_break + 1);
    const int lines = static_cast<int>(std::count(draft.begin(), draft.end(), '\n'));
    const float left = frame.Min.x + style.FramePadding.x;
    const float right = frame.Max.x - style.FramePadding.x;
    ImVec2 at(left + ImGui::CalcTextSize(last_line.c_str()).x,
              frame.Min.y + style.FramePadding.y + lines * line_h - scroll_y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(frame.Min, frame.Max, true);
    const char* text = ghost.c_str();
    const char* end = text + ghost.size();
    while (text < end && at.y < frame.Max.y) {
        const float width = right - at.x;
        const char* cut = font->CalcWordWrapPositionA(1.0f, text, end, width);
        if (cut == text && at.x > left) {  // not even one word fits after the draft: next line
            at = ImVec2(left, at.y + line_h);
            continue;
        }
        if (cut == text) cut = text + 1;  // one glyph wider than the box: never loop forever
        const char* newline = static_cast<const char*>(std::memchr(text, '\n', cut - text));
        if (newline != nullptr) cut = newline;
        dl->AddText(font, size, at, ui::color::kTextMuted, text, cut);
        text = cut;
        if (text < end && *text == '\n')
            ++text;
        else
            while (text < end && *text == ' ') ++text;  // a wrapped line starts with a word
        at = ImVec2(left, at.y + line_h);
    }
    dl->PopClipRect();
}

float ChildScrollY(ImGuiID item_id) {
    for (ImGuiWindow* child : ImGui::GetCurrentWindow()->DC.ChildWindows)
        if (child->ChildId == item_id) return child->Scroll.y;
    return 0.0f;
}

// One line under the image: its description for screen readers, drafted from the AI labels
// until the author types in it (then it is theirs and never overwritten).
void DrawAltText(Attachment& a, float inner, const ui::FontSet& fonts, FeedAction& action) {
    ImGui::PushFont(fonts.small);
    ui::MutedText("Alt text (read aloud to people who can't see the image)");
    ImGui::PopFont();
    ImGui::SetNextItemWidth(inner);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ui::color::kInput);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    if (ImGui::InputTextWithHint("##alt", "Describe the image", &a.alt_text)) a.alt_edited = true;
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    bridge::AnnotateInput(ImGui::GetItemID(), "Alt text", a.alt_text, false);
    // Always drawn (disabled until the labels arrive) so the rows below never jump under the
    // pointer when they do.
    bool overlay = a.overlay;
    ImGui::PushFont(fonts.small);
    if (ui::Checkbox("Show the AI labels on the image", a.overlay,
                     !a.busy() && !a.local_labels.empty(), &overlay))
        action.kind = FeedActionKind::ToggleLabelOverlay;
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 4));
}

void DrawGroupPicker(const Composer& c, const std::vector<Group>& groups, float width,
                     FeedAction& action) {
    const std::string preview = c.group_id.empty() ? "No group" : c.group_name;
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ui::color::kSurface);
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, ui::color::kInputHover);
    ImGui::PushStyleColor(ImGuiCol_Button, ui::color::kSurface);  // the arrow's square
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ui::color::kInputHover);
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kText);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    const bool open = ImGui::BeginCombo("##group", preview.c_str());
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Button, "Group: " + preview);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    if (!open) return;
    if (ImGui::Selectable("No group", c.group_id.empty())) {
        action.kind = FeedActionKind::SelectGroup;
        action.group_id.clear();
    }
    for (const Group& g : groups) {
        if (ImGui::Selectable((g.name + "##" + g.id).c_str(), g.id == c.group_id)) {
            action.kind = FeedActionKind::SelectGroup;
            action.group_id = g.id;
        }
    }
    ImGui::EndCombo();
}

}  // namespace

void DrawComposer(Composer& c, const std::vector<Group>& groups, float width,
                  const ui::FontSet& fonts, FeedAction& action) {
    std::string* draft = &c.draft;
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    const float pad = width < ui::metric::kCompactWidth ? 14.0f : 18.0f;
    ui::BeginCard(width, pad);
    const float inner = width - pad * 2;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float h = ImGui::GetTextLineHeight() * kComposerLines + style.FramePadding.y * 2;
    const bool busy = c.request.in_progress();
    AutofillGhost& autofill = c.autofill;
    const bool ghost_shown = autofill.visible(*draft);
    const ImGuiID draft_id = ImGui::GetID("##draft");
    // Esc in an ImGui text field reverts every edit since it was focused; here it only
    // dismisses the ghost, or leaves the field with the draft intact.
    const bool ghost_pending = autofill.request.in_progress() || !autofill.ghost.empty();
    const bool draft_active = ImGui::GetActiveID() == draft_id;
    if ((draft_active || (ghost_pending && ImGui::GetActiveID() == 0)) &&
        ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        ImGui::SetKeyOwner(ImGuiKey_Escape, ImGui::GetID("##draft-escape"),
                           ImGuiInputFlags_LockThisFrame);
        if (ghost_pending)
            action.kind = FeedActionKind::DismissAutofill;
        else
            ImGui::ClearActiveID();
    }
    GhostAccept accept;
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_NoHorizontalScroll;
    if (ghost_shown) {
        flags |= ImGuiInputTextFlags_CallbackCompletion;  // Tab accepts instead of moving focus
        accept.ghost = &autofill.ghost;
    }
    // Clicking Autofill took the focus; give it back to the draft with the caret at the end,
    // where the ghost appears, so Tab and typing act on it.
    const bool take_focus = autofill.focus_draft;
    if (take_focus) {
        autofill.focus_draft = false;
        autofill.caret_to_end = true;
    } else if (autofill.caret_to_end && draft_active) {
        flags |= ImGuiInputTextFlags_CallbackAlways;
        accept.caret_to_end = true;
        autofill.caret_to_end = false;
    }
    ImGui::BeginDisabled(busy);
    if (take_focus) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##draft", draft, ImVec2(inner, h), flags, AcceptGhostOnTab, &accept);
    ImGui::EndDisabled();
    const ImRect draft_rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    bridge::AnnotateInput(ImGui::GetItemID(), kComposerHint, *draft, false);
    if (ImGui::IsItemEdited()) c.error.clear();
    if (accept.accepted) {
        action.kind = FeedActionKind::AcceptAutofill;
    } else if (ImGui::IsItemEdited() && (ghost_shown || autofill.request.in_progress())) {
        // Typing the ghost's own next characters keeps the rest of it; anything else ends it.
        const std::string& base = autofill.base;
        const bool extends =
            draft->size() > base.size() && draft->compare(0, base.size(), base) == 0;
        const size_t typed = extends ? draft->size() - base.size() : 0;
        if (extends && autofill.ghost.compare(0, typed, *draft, base.size(), typed) == 0 &&
            typed <= autofill.ghost.size()) {
            action.kind = FeedActionKind::ConsumeGhost;
            action.chars = typed;
        } else {
            action.kind = FeedActionKind::DismissAutofill;
        }
    }
    if (draft->empty() && !ghost_shown)
        ImGui::GetWindowDrawList()->AddText(pos + style.FramePadding, ui::color::kTextMuted,
                                            kComposerHint);
    if (ghost_shown && !accept.accepted)
        DrawGhost(*draft, autofill.ghost, draft_rect, ChildScrollY(draft_id));
    if (ghost_shown || autofill.request.in_progress()) {
        ImGui::PushFont(fonts.small);
        ui::MutedText(autofill.request.in_progress() && autofill.ghost.empty()
                          ? "Writing\xE2\x80\xA6  Esc to stop"
                          : "Tab to accept \xC2\xB7 Esc to dismiss");
        ImGui::PopFont();
    } else if (autofill.request.failed()) {
        ui::ErrorNote(autofill.request.error.message, inner);
    }
    ImGui::Dummy(ImVec2(0, 4));
    if (c.attachment.phase != Attachment::Phase::kNone)
        DrawAttachment(c.attachment, inner, fonts, action);
    if (c.attachment.phase == Attachment::Phase::kUploading ||
        c.attachment.phase == Attachment::Phase::kReady)
        DrawAltText(c.attachment, inner, fonts, action);

    // [Add image] [group]  ....  counter  [Post]
    const size_t count = CountCodePoints(*draft);
    const bool has_image = c.attachment.phase == Attachment::Phase::kReady;
    const bool too_long = count > kPostMaxChars;
    const bool blank = !IsValidPostBody(*draft, has_image) && !too_long;
    const bool image_pending = c.attachment.busy();
    const bool compact = inner < 420.0f;
    // On a phone the row has no room for the counter: it shows above the row, and only once
    // the draft nears the limit.
    if (compact && count > kPostMaxChars * 8 / 10) {
        ImGui::PushFont(fonts.small);
        const std::string counter = std::to_string(count) + " / " + std::to_string(kPostMaxChars);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + inner - ImGui::CalcTextSize(counter.c_str()).x,
                                         ImGui::GetCursorScreenPos().y));
        ImGui::PushStyleColor(ImGuiCol_Text, too_long ? ui::color::kError : ui::color::kTextMuted);
        ImGui::TextUnformatted(counter.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    const float button_w = compact ? 72.0f : 96.0f;
    const float row_y = ImGui::GetCursorScreenPos().y;
    const float image_w = compact ? 64.0f : 108.0f;
    ImGui::SetCursorScreenPos(ImVec2(pos.x, row_y));
    if (ui::SecondaryButton(compact ? "Image" : "Add image", image_w, !busy,
                            ImGui::GetFrameHeight()))
        action.kind = FeedActionKind::PickImage;
    ImGui::SameLine(0, 8);
    const float picker_w = compact ? 116.0f : 160.0f;
    DrawGroupPicker(c, groups, picker_w, action);
    ImGui::SameLine(0, 8);
    const bool writing = autofill.request.in_progress();
    const float autofill_w = compact ? 44.0f : 96.0f;
    if (ui::SecondaryButton(writing   ? "Stop##autofill"
                            : compact ? "AI##autofill"
                                      : "Autofill",
                            autofill_w, !busy, ImGui::GetFrameHeight()))
        action.kind = writing ? FeedActionKind::DismissAutofill : FeedActionKind::Autofill;

    if (!compact) {
        ImGui::PushFont(fonts.small);
        const std::string counter = std::to_string(count) + " / " + std::to_string(kPostMaxChars);
        const float counter_w = ImGui::CalcTextSize(counter.c_str()).x;
        ImGui::SetCursorScreenPos(
            ImVec2(pos.x + inner - button_w - 10 - counter_w,
                   row_y + (ImGui::GetFrameHeight() - ImGui::GetTextLineHeight()) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, too_long ? ui::color::kError : ui::color::kTextMuted);
        ImGui::TextUnformatted(counter.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x + inner - button_w, row_y));
    ImGui::PushFont(fonts.strong);
    if (ui::PrimaryButton("Post", button_w, busy, !too_long && !blank && !image_pending))
        action.kind = FeedActionKind::SubmitPost;
    ImGui::PopFont();
    if (!c.error.empty()) {
        ImGui::Dummy(ImVec2(0, 2));
        ui::ErrorNote(c.error, inner);
    }
    ui::EndCard();
}

}  // namespace skyloom::app
