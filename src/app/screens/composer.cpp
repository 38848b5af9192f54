#include "screens/composer.h"

#include <algorithm>
#include <cmath>

#include "bridge/bridge.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "screens/post_card.h"  // LabelLine
#include "ui/byte_size.h"       // core
#include "ui/fonts.h"
#include "ui/text_input.h"
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

// One line under the image: its description for screen readers, drafted from the AI labels
// until the author types in it (then it is theirs and never overwritten).
void DrawAltText(Attachment& a, float inner, const ui::FontSet& fonts, FeedAction& action) {
    ImGui::PushFont(fonts.small);
    ui::MutedText("Alt text (read aloud to people who can't see the image)");
    ImGui::PopFont();
    ui::TextBoxOptions options;
    options.multi_line = false;
    options.label = "Alt text";
    options.hint = "Describe the image";
    options.enter_key_hint = "done";
    if (ui::TextBox("##alt", &a.alt_text, ImVec2(inner, 0), options).edited) a.alt_edited = true;
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
    const float h = ui::FieldLineHeight() * kComposerLines + style.FramePadding.y * 2;
    const bool busy = c.request.in_progress();
    AutofillGhost& autofill = c.autofill;
    const bool ghost_shown = autofill.visible(*draft);
    // The ghost continues the draft in muted text after its end; Tab takes it (the page's
    // field reports Tab only while a ghost shows, so Tab moves on otherwise).
    const bool ghost_pending = autofill.request.in_progress() || !autofill.ghost.empty();
    ui::TextBoxOptions options;
    options.label = kComposerHint;
    options.hint = kComposerHint;
    if (ghost_shown) options.ghost = autofill.ghost;
    options.tab_event = ghost_shown;
    options.enter_mode = ui::EnterMode::kNewline;  // Ctrl/Cmd+Enter posts
    options.disabled = busy;
    // Clicking Autofill took the focus; it goes back to the draft, whose caret the page puts
    // at the end, where the ghost appears, so Tab and typing act on it.
    options.focus = autofill.focus_draft;
    autofill.focus_draft = false;
    const ui::FieldFrame field = ui::TextBox("##draft", draft, ImVec2(inner, h), options);
    if (field.edited) c.error.clear();
    // Esc dismisses the ghost, or leaves the field with the draft intact.
    const bool escape = field.escape || (ghost_pending && ui::FieldSync().focused_id() == 0 &&
                                         ImGui::IsKeyPressed(ImGuiKey_Escape, false));
    if (escape) {
        if (ghost_pending)
            action.kind = FeedActionKind::DismissAutofill;
        else
            ui::FieldSync().RequestBlur();
    } else if (field.tab && ghost_shown) {
        // The page's field has usually appended it already (text_fields_web.js).
        if (*draft == autofill.base) *draft += autofill.ghost;
        action.kind = FeedActionKind::AcceptAutofill;
    } else if (field.edited && (ghost_shown || autofill.request.in_progress())) {
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
    } else if (field.entered && !busy) {
        action.kind = FeedActionKind::SubmitPost;
    }
    if (ghost_shown || autofill.request.in_progress()) {
        // Buttons as well as keys: a phone has no Tab or Esc.
        ImGui::PushFont(fonts.small);
        const bool writing_first = autofill.request.in_progress() && autofill.ghost.empty();
        if (ghost_shown && ui::Link("Accept##ghost")) {
            *draft += autofill.ghost;
            action.kind = FeedActionKind::AcceptAutofill;
        }
        if (ghost_shown) ImGui::SameLine(0, 12);
        if (ui::Link(writing_first ? "Stop##ghost" : "Dismiss##ghost"))
            action.kind = FeedActionKind::DismissAutofill;
        ImGui::SameLine(0, 12);
        ui::MutedText(writing_first ? "Writing\xE2\x80\xA6  Esc to stop"
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
