#include "screens/meme_gallery.h"

#include <algorithm>
#include <cmath>

#include "bridge/bridge.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {
namespace {

ImTextureID AsTextureId(uint32_t handle) {
    return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(handle));
}

// One gallery tile: the thumbnail cover-cropped into a 4:3 cell, its name under it. Reported to
// the bridge as a button named like the template.
bool GalleryTile(const char* id, const std::string& name, const MemeEditorScreen::Thumb* thumb,
                 float cell_w, bool selected) {
    const float image_h = std::floor(cell_w * 0.75f);
    const float h = image_h + ImGui::GetTextLineHeight() + 8;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, ImVec2(cell_w, h));
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Button, name);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 image_max = pos + ImVec2(cell_w, image_h);
    if (thumb != nullptr && thumb->texture != 0 && thumb->width > 0 && thumb->height > 0) {
        const float aspect = float(thumb->width) / float(thumb->height);
        ImVec2 uv0(0, 0), uv1(1, 1);
        if (aspect > 4.f / 3.f) {
            uv0.x = (1 - (4.f / 3.f) / aspect) * 0.5f, uv1.x = 1 - uv0.x;
        } else {
            uv0.y = (1 - aspect / (4.f / 3.f)) * 0.5f, uv1.y = 1 - uv0.y;
        }
        dl->AddImageRounded(AsTextureId(thumb->texture), pos, image_max, uv0, uv1, IM_COL32_WHITE,
                            ui::metric::kFrameRounding);
    } else {
        dl->AddRectFilled(pos, image_max, ui::color::kInput, ui::metric::kFrameRounding);
    }
    const bool hot = ImGui::IsItemHovered() || selected;
    dl->AddRect(pos, image_max, hot ? ui::color::kAccent : ui::color::kBorder,
                ui::metric::kFrameRounding, 0, hot ? 2.0f : 1.0f);
    dl->AddText(pos + ImVec2(2, image_h + 4), ui::color::kText, name.c_str());
    return pressed;
}

}  // namespace

// The background gallery in the main area: template search and tiles, upload, my images.
void DrawMemeGallery(MemeEditorScreen& s, const ui::FontSet& fonts, ImVec2 origin, ImVec2 size,
                     MemeEditorAction& action) {
    ImGui::SetCursorScreenPos(origin);
    // size.y <= 0: part of the page's flow (phones), so the page is the one thing that scrolls.
    const bool in_flow = size.y <= 0.0f;
    ImGui::BeginChild("##meme_gallery", ImVec2(size.x, in_flow ? 0.0f : size.y),
                      in_flow ? ImGuiChildFlags_AutoResizeY : ImGuiChildFlags_None,
                      in_flow ? ImGuiWindowFlags_NoScrollbar : ImGuiWindowFlags_None);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts.strong);
    ImGui::TextWrapped("Pick a background: a template, your own image, or drop one here");
    ImGui::PopFont();
    ui::TextFieldOptions search;
    search.hint = "Name of a template";
    search.type = "search";
    search.enter_key_hint = "search";
    (void)ui::TextField("##template_search", "Search templates", &s.template_search, search);
    if (!s.templates_request.in_progress() && s.template_search != s.templates_query) {
        action.kind = MemeEditorActionKind::SearchTemplates;
        action.text = s.template_search;
    }
    if (s.templates_request.failed()) ui::ErrorNote(s.templates_request.error.message, width);
    constexpr float kGap = 12.0f, kMinTile = 150.0f;
    const int cols = std::max(2, int((width + kGap) / (kMinTile + kGap)));
    const float cell_w = std::floor((width - kGap * float(cols - 1)) / float(cols));
    const std::string& current = s.history.Current().spec.background.template_id;
    for (size_t i = 0; i < s.templates.size(); ++i) {
        const MemeTemplate& t = s.templates[i];
        if (i % size_t(cols) != 0) ImGui::SameLine(0, kGap);
        auto it = s.thumbs.find(t.media.id);
        const std::string id = "##tpl" + t.id;
        if (GalleryTile(id.c_str(), t.name, it == s.thumbs.end() ? nullptr : &it->second, cell_w,
                        t.id == current)) {
            action.kind = MemeEditorActionKind::PickTemplate;
            action.text = t.id;
        }
    }
    if (s.templates.empty() && s.templates_request.state == ui::RequestState::kSucceeded)
        ui::MutedText("No template matches.");
    ImGui::Dummy(ImVec2(0, 8));
    if (ui::SecondaryButton("Upload an image")) action.kind = MemeEditorActionKind::PickFile;
    ImGui::SameLine(0, 8);
    if (ui::SecondaryButton("My images", 0, !s.my_images_request.in_progress()))
        action.kind = MemeEditorActionKind::ShowMyImages;
    if (s.background_texture != 0) {
        ImGui::SameLine(0, 8);
        if (ui::SecondaryButton("Back to the editor")) s.choosing_background = false;
    }
    if (s.background.failed()) ui::ErrorNote(s.background.error.message, width);
    if (s.show_my_images) {
        ImGui::Dummy(ImVec2(0, 4));
        if (s.my_images_request.in_progress()) ui::MutedText("Loading your images\xE2\x80\xA6");
        if (s.my_images_request.failed()) ui::ErrorNote(s.my_images_request.error.message, width);
        if (s.my_images_request.state == ui::RequestState::kSucceeded && s.my_images.empty())
            ui::MutedText("None of your posts has an image yet.");
        for (size_t i = 0; i < s.my_images.size(); ++i) {
            if (i % size_t(cols) != 0) ImGui::SameLine(0, kGap);
            const MediaRef& r = s.my_images[i];
            auto it = s.thumbs.find(r.id);
            const std::string id = "##mine" + std::to_string(i);
            const std::string name = "My image " + std::to_string(i + 1);
            if (GalleryTile(id.c_str(), name, it == s.thumbs.end() ? nullptr : &it->second, cell_w,
                            r.id == s.history.Current().spec.background.media_id)) {
                action.kind = MemeEditorActionKind::PickMyImage;
                action.index = i;
            }
        }
    }
    ImGui::EndChild();
}

}  // namespace skyloom::app
