// [SECTION] Helpers
// [SECTION] Canvas: background, layers, safe area, handles, mouse
// [SECTION] Keyboard: undo/redo, nudge
// [SECTION] Side panel: background, boxes, post (the gallery is screens/meme_gallery.cpp)
// [SECTION] Screen
#include "screens/meme_editor.h"

#include <algorithm>
#include <cmath>

#include "bridge/bridge.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "input/touch_input.h"
#include "media/meme_layers.h"
#include "screens/meme_gallery.h"
#include "screens/post_card.h"  // LabelLine
#include "ui/fonts.h"
#include "ui/text_input.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "validation/validation.h"  // core: CountCodePoints

namespace skyloom::app {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

constexpr float kPanelWidth = 340.0f;
constexpr float kHandlePx = 5.0f;       // drawn half-size of a resize handle
constexpr float kHandleGrabPx = 9.0f;   // grab half-size (bigger than drawn: easier to hit)
constexpr float kNudgePx = 1.0f;        // arrow key: one display pixel...
constexpr float kNudgeShiftPx = 10.0f;  // ...or ten with Shift
constexpr ImU32 kSafeAreaColor = IM_COL32(255, 255, 255, 150);
constexpr ImU32 kSafeAreaShadow = IM_COL32(0, 0, 0, 90);
constexpr ImU32 kBoxColor = IM_COL32(255, 255, 255, 170);

ImTextureID AsTextureId(uint32_t handle) {
    return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(handle));
}

ImVec4 RgbToVec4(uint32_t rgb) {
    return ImVec4(float((rgb >> 16) & 0xFF) / 255.f, float((rgb >> 8) & 0xFF) / 255.f,
                  float(rgb & 0xFF) / 255.f, 1.f);
}

uint32_t Vec4ToRgb(const float c[3]) {
    auto channel = [](float v) { return uint32_t(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); };
    return (channel(c[0]) << 16) | (channel(c[1]) << 8) | channel(c[2]);
}

// A change to the selected box, committed as one undo step per `key` run.
void EditSelected(MemeEditorScreen& s, const std::string& key,
                  const std::function<void(MemeBox&)>& edit) {
    meme::EditState next = s.history.Current();
    if (next.selected < 0 || size_t(next.selected) >= next.spec.boxes.size()) return;
    edit(next.spec.boxes[size_t(next.selected)]);
    s.history.Commit(std::move(next), key + ":" + std::to_string(s.history.Current().selected));
}

void DrawDashedRect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float dash) {
    auto line = [&](ImVec2 p, ImVec2 q) {
        const float len = std::hypot(q.x - p.x, q.y - p.y);
        const ImVec2 dir((q.x - p.x) / len, (q.y - p.y) / len);
        for (float t = 0; t < len; t += dash * 2) {
            const float e = std::min(t + dash, len);
            dl->AddLine(ImVec2(p.x + dir.x * t, p.y + dir.y * t),
                        ImVec2(p.x + dir.x * e, p.y + dir.y * e), color, 1.0f);
        }
    };
    line(a, ImVec2(b.x, a.y));
    line(ImVec2(b.x, a.y), b);
    line(b, ImVec2(a.x, b.y));
    line(ImVec2(a.x, b.y), a);
}

//-----------------------------------------------------------------------------
// [SECTION] Canvas
//-----------------------------------------------------------------------------

void DrawCanvas(MemeEditorScreen& s, MemeLayers& layers, ImVec2 origin, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max = origin + size;
    s.canvas_x = origin.x, s.canvas_y = origin.y, s.canvas_w = size.x, s.canvas_h = size.y;
    dl->AddImage(AsTextureId(s.background_texture), origin, max);

    // Text layers rendered at the displayed size in device pixels (sharp on HiDPI).
    const float ratio = ImGui::GetIO().DisplayFramebufferScale.x;
    const std::vector<MemeBox>& boxes = s.history.Current().spec.boxes;
    const auto& tex =
        layers.Sync(boxes, int(std::lround(size.x * ratio)), int(std::lround(size.y * ratio)));
    s.layer_renders = layers.renders();
    s.last_layer_ms = layers.last_render_ms();
    const int selected = s.history.Current().selected;
    for (size_t i = 0; i < boxes.size(); ++i) {
        const MemeBox& b = boxes[i];
        const ImVec2 a = origin + ImVec2(float(b.x) * size.x, float(b.y) * size.y);
        const ImVec2 z = a + ImVec2(float(b.w) * size.x, float(b.h) * size.y);
        if (tex[i].texture != 0) dl->AddImage(AsTextureId(tex[i].texture), a, z);
        // A finger on a box drags it (with its handles' reach); elsewhere it scrolls the page.
        ClaimTouchDrag(ImRect(a - ImVec2(kHandleGrabPx, kHandleGrabPx),
                              z + ImVec2(kHandleGrabPx, kHandleGrabPx)));
        if (int(i) != selected) DrawDashedRect(dl, a, z, kBoxColor, 4.0f);
    }

    // Safe area: text outside it may be cropped by feeds and apps.
    const meme::Rect safe = meme::SafeArea();
    const ImVec2 sa = origin + ImVec2(float(safe.x) * size.x, float(safe.y) * size.y);
    const ImVec2 sz = sa + ImVec2(float(safe.w) * size.x, float(safe.h) * size.y);
    DrawDashedRect(dl, sa + ImVec2(1, 1), sz + ImVec2(1, 1), kSafeAreaShadow, 6.0f);
    DrawDashedRect(dl, sa, sz, kSafeAreaColor, 6.0f);

    if (selected >= 0 && size_t(selected) < boxes.size()) {
        const MemeBox& b = boxes[size_t(selected)];
        const ImVec2 a = origin + ImVec2(float(b.x) * size.x, float(b.y) * size.y);
        const ImVec2 z = a + ImVec2(float(b.w) * size.x, float(b.h) * size.y);
        dl->AddRect(a, z, ui::color::kAccent, 0, 0, 2.0f);
        const ImVec2 mid = (a + z) * 0.5f;
        for (ImVec2 h : {a, ImVec2(z.x, a.y), z, ImVec2(a.x, z.y), ImVec2(mid.x, a.y),
                         ImVec2(z.x, mid.y), ImVec2(mid.x, z.y), ImVec2(a.x, mid.y)}) {
            dl->AddRectFilled(h - ImVec2(kHandlePx, kHandlePx), h + ImVec2(kHandlePx, kHandlePx),
                              IM_COL32_WHITE);
            dl->AddRect(h - ImVec2(kHandlePx, kHandlePx), h + ImVec2(kHandlePx, kHandlePx),
                        ui::color::kAccent, 0, 0, 1.5f);
        }
    }

    // Mouse: one invisible button over the image (and the handles' overhang).
    const ImVec2 pad(kHandleGrabPx, kHandleGrabPx);
    ImGui::SetCursorScreenPos(origin - pad);
    ImGui::InvisibleButton("##meme_canvas", size + pad * 2);
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Image, "Meme canvas");
    const ImVec2 mouse = ImGui::GetIO().MousePos - origin;
    if (ImGui::IsItemActivated()) {
        const meme::Hit hit =
            meme::HitTest(boxes, selected, mouse.x, mouse.y, size.x, size.y, kHandleGrabPx);
        s.history.Select(hit.box);
        s.drag = hit;
        if (hit.box >= 0) {
            s.drag_start = boxes[size_t(hit.box)];
            s.drag_origin_x = mouse.x;
            s.drag_origin_y = mouse.y;
        }
    }
    if (ImGui::IsItemActive() && s.drag.box >= 0 && size_t(s.drag.box) < boxes.size()) {
        const double dx = (mouse.x - s.drag_origin_x) / size.x;
        const double dy = (mouse.y - s.drag_origin_y) / size.y;
        meme::EditState next = s.history.Current();
        next.spec.boxes[size_t(s.drag.box)] =
            s.drag.part == meme::Part::kBody ? meme::MoveBox(s.drag_start, dx, dy)
                                             : meme::ResizeBox(s.drag_start, s.drag.part, dx, dy);
        s.history.Commit(std::move(next), "drag:" + std::to_string(s.drag.box));
    }
    if (ImGui::IsItemDeactivated()) {
        s.drag = meme::Hit{};
        s.history.EndCoalescing();
    }
    // Cursor feedback for what the mouse is over.
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
        const meme::Hit over = s.drag.box >= 0 ? s.drag
                                               : meme::HitTest(boxes, selected, mouse.x, mouse.y,
                                                               size.x, size.y, kHandleGrabPx);
        switch (over.part) {
            case meme::Part::kBody:
                ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
                break;
            case meme::Part::kN:
            case meme::Part::kS:
                ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
                break;
            case meme::Part::kE:
            case meme::Part::kW:
                ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
                break;
            case meme::Part::kNW:
            case meme::Part::kSE:
                ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNWSE);
                break;
            case meme::Part::kNE:
            case meme::Part::kSW:
                ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNESW);
                break;
            case meme::Part::kNone:
                break;
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Keyboard
//-----------------------------------------------------------------------------

void HandleKeys(MemeEditorScreen& s) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ui::FieldSync().focused_id() != 0)
        return;  // a text field has the keyboard (and its own undo)
    const bool command = io.KeyCtrl || io.KeySuper;
    if (command && ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
        (void)(io.KeyShift ? s.history.Redo() : s.history.Undo());
        return;
    }
    if (command && ImGui::IsKeyPressed(ImGuiKey_Y, false)) {
        (void)s.history.Redo();
        return;
    }
    const int selected = s.history.Current().selected;
    if (selected < 0 || s.canvas_w <= 0) return;
    const float step = io.KeyShift ? kNudgeShiftPx : kNudgePx;
    double dx = 0, dy = 0;
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) dx -= step / s.canvas_w;
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) dx += step / s.canvas_w;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) dy -= step / s.canvas_h;
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) dy += step / s.canvas_h;
    if (dx != 0 || dy != 0) {
        EditSelected(s, "nudge", [&](MemeBox& b) { b = meme::MoveBox(b, dx, dy); });
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Delete, false)) {
        meme::EditState next = s.history.Current();
        next.spec.boxes.erase(next.spec.boxes.begin() + selected);
        next.selected = -1;
        s.history.Commit(std::move(next));
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Side panel
//-----------------------------------------------------------------------------

void SectionTitle(const ui::FontSet& fonts, const char* title) {
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
}

// The panel's background section once one is chosen: its state and a way back to the gallery.
void DrawBackgroundSection(MemeEditorScreen& s, const ui::FontSet& fonts, float width) {
    SectionTitle(fonts, "Background");
    if (s.choosing_background || s.background_texture == 0) {
        if (!s.background.in_progress()) ui::MutedText("Pick one from the gallery.");
    } else if (ui::SecondaryButton("Change background", 0, !s.background.in_progress())) {
        s.choosing_background = true;
    }
    if (s.background.in_progress()) {
        ImGui::SameLine(0, 10);
        ui::MutedText((s.background_stage.empty() ? std::string("Loading\xE2\x80\xA6")
                                                  : s.background_stage + "\xE2\x80\xA6")
                          .c_str());
    }
    if (s.background.failed()) ui::ErrorNote(s.background.error.message, width);
    if (!s.choosing_background && s.background_texture != 0) {
        // A line is held for the labels from the start, so the panel below never jumps under
        // the pointer when they arrive.
        ImGui::PushFont(fonts.small);
        ui::MutedText(s.labels.empty() ? "AI labels: \xE2\x80\xA6" : LabelLine(s.labels).c_str());
        ImGui::PopFont();
    }
}

void DrawBoxEditor(MemeEditorScreen& s, const ui::FontSet& fonts, float width) {
    SectionTitle(fonts, "Text boxes");
    const meme::EditState& cur = s.history.Current();
    for (size_t i = 0; i < cur.spec.boxes.size(); ++i) {
        const std::string label = "Box " + std::to_string(i + 1);
        if (i > 0) ImGui::SameLine(0, 4);
        if (ui::TabButton(label.c_str(), int(i) == cur.selected, 64)) s.history.Select(int(i));
    }
    const bool can_add = s.history.Current().spec.boxes.size() < kMaxMemeBoxes;
    if (ui::SecondaryButton("Add box", 0, can_add)) {
        meme::EditState next = s.history.Current();
        MemeBox box;
        box.y = 0.4;  // the middle: top and bottom are the defaults' places
        next.spec.boxes.push_back(box);
        next.selected = int(next.spec.boxes.size()) - 1;
        s.history.Commit(std::move(next));
    }
    const int sel = s.history.Current().selected;
    ImGui::SameLine(0, 6);
    if (ui::SecondaryButton("Remove box", 0, sel >= 0)) {
        meme::EditState next = s.history.Current();
        next.spec.boxes.erase(next.spec.boxes.begin() + sel);
        next.selected = next.spec.boxes.empty() ? -1 : 0;
        s.history.Commit(std::move(next));
    }

    if (sel < 0 || size_t(sel) >= s.history.Current().spec.boxes.size()) {
        ui::MutedText("Click a box on the image to edit it.");
        return;
    }
    const MemeBox box = s.history.Current().spec.boxes[size_t(sel)];
    std::string text = box.text;
    const float text_h = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().FramePadding.y * 2;
    ImGui::PushID(sel);  // each box's text field keeps its own ImGui state
    ui::TextBoxOptions box_options;
    box_options.label = "Box text";
    box_options.max_chars = static_cast<int>(kMaxMemeBoxTextChars);
    const ui::FieldFrame field =
        ui::TextBox("##box_text", &text, ImVec2(width, text_h), box_options);
    // Over the limit the model keeps the old text, which the field then shows again.
    if (field.edited && CountCodePoints(text) <= kMaxMemeBoxTextChars)
        EditSelected(s, "text", [&](MemeBox& b) { b.text = text; });
    if (s.box_text_focused && !field.focused) s.history.EndCoalescing();
    s.box_text_focused = field.focused;
    ImGui::PopID();

    const struct {
        MemeFont font;
        const char* label;
    } kFonts[] = {{MemeFont::kBebas, "Bebas Neue"},
                  {MemeFont::kInter, "Inter"},
                  {MemeFont::kDejaVu, "DejaVu"}};
    const float third = (width - 8) / 3;
    for (size_t i = 0; i < std::size(kFonts); ++i) {
        if (i > 0) ImGui::SameLine(0, 4);
        if (ui::TabButton(kFonts[i].label, box.font == kFonts[i].font, third)) {
            const MemeFont f = kFonts[i].font;
            EditSelected(s, "font", [&](MemeBox& b) { b.font = f; });
        }
    }
    const struct {
        MemeAlign align;
        const char* label;
    } kAligns[] = {
        {MemeAlign::kLeft, "Left"}, {MemeAlign::kCenter, "Center"}, {MemeAlign::kRight, "Right"}};
    for (size_t i = 0; i < std::size(kAligns); ++i) {
        if (i > 0) ImGui::SameLine(0, 4);
        if (ui::TabButton(kAligns[i].label, box.align == kAligns[i].align, third)) {
            const MemeAlign a = kAligns[i].align;
            EditSelected(s, "align", [&](MemeBox& b) { b.align = a; });
        }
    }
    const ImGuiColorEditFlags color_flags =
        ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_DisplayHex;
    ImVec4 fill = RgbToVec4(box.fill), outline = RgbToVec4(box.outline);
    if (ImGui::ColorEdit3("Fill", &fill.x, color_flags)) {
        const uint32_t rgb = Vec4ToRgb(&fill.x);
        EditSelected(s, "fill", [&](MemeBox& b) { b.fill = rgb; });
    }
    if (ImGui::IsItemDeactivated()) s.history.EndCoalescing();
    ImGui::SameLine(0, 16);
    if (ImGui::ColorEdit3("Outline", &outline.x, color_flags)) {
        const uint32_t rgb = Vec4ToRgb(&outline.x);
        EditSelected(s, "outline", [&](MemeBox& b) { b.outline = rgb; });
    }
    if (ImGui::IsItemDeactivated()) s.history.EndCoalescing();
    ImGui::SameLine(0, 16);
    bool caps = box.all_caps;
    if (ImGui::Checkbox("All caps", &caps)) {
        EditSelected(s, "caps", [&](MemeBox& b) { b.all_caps = caps; });
        s.history.EndCoalescing();
    }
}

void DrawPostSection(MemeEditorScreen& s, const ui::FontSet& fonts, float width,
                     MemeEditorAction& action) {
    SectionTitle(fonts, "Post");
    ui::TextFieldOptions caption;
    caption.hint = "Say something (optional)";
    caption.autocapitalize = "sentences";
    caption.spellcheck = true;
    (void)ui::TextField("##meme_caption", "Caption", &s.caption, caption);
    const bool ready = s.background_texture != 0 && !s.background.in_progress() &&
                       !s.history.Current().spec.boxes.empty();
    if (ui::PrimaryButton("Post meme", width, s.post.in_progress(), ready))
        action.kind = MemeEditorActionKind::Post;
    if (s.post.in_progress()) {
        ui::ProgressBar(float(s.post_progress), width);
        ui::MutedText(s.post_stage.c_str());
        if (ui::SecondaryButton("Cancel##post")) action.kind = MemeEditorActionKind::Cancel;
    }
    if (s.post.failed()) ui::ErrorNote(s.post.error.message, width);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Screen
//-----------------------------------------------------------------------------

MemeEditorAction DrawMemeEditorScreen(MemeEditorScreen& s, const ui::FontSet& fonts,
                                      MemeLayers& layers) {
    MemeEditorAction action;
    HandleKeys(s);
    const float margin = ui::metric::kPageMargin;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool stacked = avail.x < kPanelWidth * 2 + margin * 3;
    const float panel_w = stacked ? avail.x - margin * 2 : kPanelWidth;
    const float canvas_max_w = stacked ? avail.x - margin * 2 : avail.x - panel_w - margin * 3;
    const float canvas_max_h = stacked ? avail.y * 0.55f : avail.y - margin * 2;
    const ImVec2 top = ImGui::GetCursorScreenPos() + ImVec2(margin, margin);

    // Title row; on a phone "Back to the feed" gets a line of its own above it.
    ImGui::SetCursorScreenPos(top);
    if (stacked && ui::Link("\xE2\x80\xB9 Back to the feed##meme_back"))
        action.kind = MemeEditorActionKind::Close;
    ImGui::SetCursorScreenPos(ImVec2(top.x, ImGui::GetCursorScreenPos().y));
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(s.remix_of.empty() ? "Make a meme" : "Remix a meme");
    ImGui::PopFont();
    ImGui::SameLine(0, 16);
    if (ui::SecondaryButton("Undo", 0, s.history.CanUndo())) (void)s.history.Undo();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl/Cmd+Z");
    ImGui::SameLine(0, 6);
    if (ui::SecondaryButton("Redo", 0, s.history.CanRedo())) (void)s.history.Redo();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Shift+Ctrl/Cmd+Z");
    if (!stacked) {
        ImGui::SameLine(0, 16);
        if (ui::Link("Back to the feed##meme_back")) action.kind = MemeEditorActionKind::Close;
    }
    const float title_h = ImGui::GetCursorScreenPos().y - top.y;

    // The image, fitted into its area.
    const ImVec2 area_min = top + ImVec2(0, title_h + 8);
    const float area_w = canvas_max_w, area_h = std::max(120.f, canvas_max_h - title_h - 8);
    float canvas_h_used = area_h;
    const bool gallery =
        s.choosing_background || (s.background_texture == 0 && !s.background.in_progress());
    if (gallery) {
        // On a phone the gallery and the panel follow each other down the page, which scrolls.
        DrawMemeGallery(s, fonts, area_min, ImVec2(area_w, stacked ? 0.0f : area_h), action);
        if (stacked) canvas_h_used = ImGui::GetItemRectSize().y;
        s.canvas_w = s.canvas_h = 0;
    } else if (s.background_texture != 0 && s.background_width > 0 && s.background_height > 0) {
        const float aspect = float(s.background_width) / float(s.background_height);
        ImVec2 size(area_w, area_w / aspect);
        if (size.y > area_h) size = ImVec2(area_h * aspect, area_h);
        const ImVec2 origin = area_min + ImVec2((area_w - size.x) * 0.5f, 0);
        DrawCanvas(s, layers, ImVec2(std::floor(origin.x), std::floor(origin.y)),
                   ImVec2(std::floor(size.x), std::floor(size.y)));
        canvas_h_used = size.y;
    } else {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 max = area_min + ImVec2(area_w, std::min(area_h, area_w * 0.6f));
        dl->AddRectFilled(area_min, max, ui::color::kSurface, ui::metric::kCardRounding);
        const char* hint = s.background_stage.empty() ? "Loading the image\xE2\x80\xA6"
                                                      : s.background_stage.c_str();
        const ImVec2 hs = ImGui::CalcTextSize(hint);
        dl->AddText((area_min + max - hs) * 0.5f, ui::color::kTextMuted, hint);
        canvas_h_used = max.y - area_min.y;
        s.canvas_w = s.canvas_h = 0;
    }

    // The panel: right of the image, or under it on narrow screens.
    const ImVec2 panel_pos = stacked ? ImVec2(top.x, area_min.y + canvas_h_used + margin)
                                     : ImVec2(top.x + canvas_max_w + margin, top.y);
    ImGui::SetCursorScreenPos(panel_pos);
    const float panel_h =
        std::max(200.f, ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - panel_pos.y - margin);
    ImGui::BeginChild("##meme_panel", ImVec2(panel_w, stacked ? 0.0f : panel_h),
                      stacked ? ImGuiChildFlags_AutoResizeY : ImGuiChildFlags_None,
                      stacked ? ImGuiWindowFlags_NoScrollbar : ImGuiWindowFlags_None);
    const float inner = ImGui::GetContentRegionAvail().x;
    DrawBackgroundSection(s, fonts, inner);
    ImGui::Dummy(ImVec2(0, 10));
    DrawBoxEditor(s, fonts, inner);
    ImGui::Dummy(ImVec2(0, 10));
    DrawPostSection(s, fonts, inner, action);
    ImGui::EndChild();
    if (stacked) ImGui::Dummy(ImVec2(0, margin));  // room under the panel at the page's end
    return action;
}

}  // namespace skyloom::app
