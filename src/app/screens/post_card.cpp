#include "screens/post_card.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "bridge/bridge.h"
#include "imgui_internal.h"
#include "media/image_library.h"
#include "ui/fonts.h"
#include "ui/relative_time.h"  // core
#include "ui/rich_text.h"
#include "ui/selectable_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {
namespace {
constexpr float kPad = 16.0f;
constexpr float kHeaderGap = 6.0f;
constexpr float kImageGap = 10.0f;
constexpr float kImageRounding = 8.0f;
constexpr float kLabelGap = 6.0f;
constexpr float kMoreButtonWidth = 28.0f;  // the "..." menu button in the header
constexpr float kMinImageAspect = 0.5f;    // height / width: panoramas still get some height
constexpr float kMaxImageAspect = 1.25f;   // tall phone shots are cropped a little

float TextHeight(const Post& post, float width, const ui::FontSet& fonts) {
    if (post.text.empty()) return 0.0f;
    return ui::TextBlockSize(post.text, fonts.body, width - kPad * 2).y;
}

// The group a post was posted in, as a link: ui::Link, for names in any script.
bool GroupLink(const std::string& name, ImFont* font) {
    const ImVec2 size = ui::TextBlockSize(name, font, 0.0f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##group", size);
    const bool hovered = ImGui::IsItemHovered();
    const ImU32 col = hovered ? ui::color::kAccentHover : ui::color::kAccent;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ui::DrawTextBlock(dl, pos, name, font, col, 0.0f);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        dl->AddLine(pos + ImVec2(0, size.y), pos + size, col);
    }
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Link, name);
    return pressed;
}

float HeaderHeight(const ui::FontSet& fonts) {
    ImGui::PushFont(fonts.strong);
    const float h = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    return h;
}
}  // namespace

std::string LabelLine(const std::vector<MediaLabel>& labels) {
    std::string line;
    constexpr size_t kShown = 3;
    for (size_t i = 0; i < labels.size() && i < kShown; i++) {
        if (labels[i].probability < 0.01 && i > 0) break;
        line += line.empty() ? "AI labels: " : " \xC2\xB7 ";
        char percent[16];
        std::snprintf(percent, sizeof percent, " %.1f%%", labels[i].probability * 100.0);
        line += labels[i].label + percent;
    }
    return line;
}

float PostImageHeight(const MediaRef& media, float width) {
    if (media.width <= 0 || media.height <= 0) return width * 0.75f;
    const float aspect = static_cast<float>(media.height) / static_cast<float>(media.width);
    return std::round(width * std::clamp(aspect, kMinImageAspect, kMaxImageAspect));
}

float MeasurePostCard(const Post& post, float width, const ui::FontSet& fonts) {
    float h = kPad + HeaderHeight(fonts) + kHeaderGap + TextHeight(post, width, fonts) + kPad;
    if (post.media) {
        h +=
            (post.text.empty() ? 0.0f : kImageGap) + PostImageHeight(*post.media, width - kPad * 2);
        if (!post.media->labels.empty()) {
            ImGui::PushFont(fonts.small);
            h += kLabelGap + ImGui::GetTextLineHeight();
            ImGui::PopFont();
        }
    }
    return h;
}

void MirrorPostCard(const Post& post, int64_t now_wall_ms) {
    const std::string key = "post-" + post.id;
    bridge::Region article(key, "article", "@" + post.author.username, true);
    bridge::Text(key + "/author", "text", "@" + post.author.username);
    const std::optional<int64_t> created = ui::ParseRfc3339Ms(post.created_at);
    if (created)
        bridge::Text(key + "/time", "time", ui::FormatRelativeTime(*created, now_wall_ms),
                     post.created_at);
    if (!post.text.empty()) bridge::Text(key + "/text", "text", post.text);
    if (post.media) {
        std::string alt = post.media->alt.empty() ? "Image" : post.media->alt;
        if (post.sensitive) alt = "Sensitive image: " + alt;
        bridge::Text(key + "/image", "image", std::move(alt));
    }
}

void PrefetchPostCard(const Post& post, float width, const ui::FontSet& fonts) {
    if (!post.text.empty())
        ui::PrefetchTextBlock(post.text, fonts.body, ui::color::kText, width - kPad * 2);
}

PostCardAction DrawPostCard(const Post& post, float width, float height, bool own, bool revealed,
                            const ui::FontSet& fonts, ImageLibrary& images, int64_t now_wall_ms) {
    PostCardAction action = PostCardAction::None;
    // The mirror's article: author, time link, text and image with its alt text, in that order.
    bridge::Region article("post-" + post.id, "article", "@" + post.author.username, true);
    ImGui::PushID(post.id.c_str());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max = origin + ImVec2(width, height);
    dl->AddRectFilled(origin + ImVec2(0, 2), max + ImVec2(0, 2), IM_COL32(20, 24, 40, 8),
                      ui::metric::kCardRounding);
    dl->AddRectFilled(origin, max, ui::color::kSurface, ui::metric::kCardRounding);
    dl->AddRect(origin, max, ui::color::kBorder, ui::metric::kCardRounding);

    // Header: @author · time ............ Delete
    ImGui::PushFont(fonts.strong);
    const std::string handle = "@" + post.author.username;
    ImVec2 pos = origin + ImVec2(kPad, kPad);
    // The author's name links to their portfolio: drawn as before, underlined on hover.
    const ImVec2 handle_size = ImGui::CalcTextSize(handle.c_str());
    ImGui::SetCursorScreenPos(pos);
    if (ImGui::InvisibleButton("##author", handle_size)) action = PostCardAction::OpenAuthor;
    const bool author_hovered = ImGui::IsItemHovered();
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Link, handle);
    const ImU32 handle_col = author_hovered ? ui::color::kAccent : ui::color::kText;
    dl->AddText(pos, handle_col, handle.c_str());
    if (author_hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        dl->AddLine(pos + ImVec2(0, handle_size.y), pos + handle_size, handle_col);
    }
    const float header_h = ImGui::GetTextLineHeight();
    pos.x += handle_size.x;
    ImGui::PopFont();

    const std::optional<int64_t> created = ui::ParseRfc3339Ms(post.created_at);
    const std::string when = created ? ui::FormatRelativeTime(*created, now_wall_ms) : "";
    ImGui::PushFont(fonts.body);
    const float body_line = ImGui::GetTextLineHeight();
    const float baseline_fix = (header_h - body_line) * 0.5f;
    dl->AddText(pos + ImVec2(6, baseline_fix), ui::color::kTextMuted, "\xC2\xB7");
    ImGui::SetCursorScreenPos(pos + ImVec2(16, baseline_fix));
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kTextMuted);
    if (!when.empty() && ui::Link((when + "##open").c_str())) action = PostCardAction::Open;
    ImGui::PopStyleColor();
    if (post.group) {
        ImGui::SameLine(0, 6);
        ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kTextMuted);
        ImGui::TextUnformatted("in");
        ImGui::PopStyleColor();
        ImGui::SameLine(0, 4);
        if (GroupLink(post.group->name, fonts.body)) action = PostCardAction::OpenGroup;
    }
    float right = origin.x + width - kPad;  // header links stack leftwards from the edge
    // "More": a menu with Copy text and Copy link (a phone has no text selection shortcut).
    {
        const ImVec2 size(kMoreButtonWidth, header_h);
        right -= size.x;
        ImGui::SetCursorScreenPos(ImVec2(right, origin.y + kPad));
        if (ImGui::InvisibleButton("##more", size)) ImGui::OpenPopup("##post-menu");
        bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Button, "More");
        const ImU32 dots = ImGui::IsItemHovered() ? ui::color::kAccent : ui::color::kTextMuted;
        const ImVec2 c = ImGui::GetItemRectMin() + size * 0.5f;
        for (float dx : {-6.0f, 0.0f, 6.0f}) dl->AddCircleFilled(c + ImVec2(dx, 0), 2.0f, dots);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::BeginPopup("##post-menu")) {
            if (!post.text.empty() && ImGui::Selectable("Copy text"))
                action = PostCardAction::CopyText;
            if (ImGui::Selectable("Copy link")) action = PostCardAction::CopyLink;
            ImGui::EndPopup();
        }
        right -= 12.0f;
    }
    if (own) {
        const float w = ImGui::CalcTextSize("Delete").x;
        right -= w;
        ImGui::SetCursorScreenPos(ImVec2(right, origin.y + kPad + baseline_fix));
        if (ui::Link("Delete##delete")) action = PostCardAction::Delete;
        right -= 14.0f;
    }
    if (post.meme) {
        const float w = ImGui::CalcTextSize("Remix").x;
        right -= w;
        ImGui::SetCursorScreenPos(ImVec2(right, origin.y + kPad + baseline_fix));
        if (ui::Link("Remix##remix")) action = PostCardAction::Remix;
    }

    // Body text, wrapped at the card's inner width.
    const ImVec2 text_pos = origin + ImVec2(kPad, kPad + header_h + kHeaderGap);
    ui::DrawTextBlock(dl, text_pos, post.text, fonts.body, ui::color::kText, width - kPad * 2);
    // Selectable and copyable like text on any page (a transparent DOM copy over it).
    ui::SelectableText("post-" + post.id, text_pos, post.text, ImGui::GetFont(), width - kPad * 2);
    if (!post.text.empty()) bridge::Text("post-" + post.id + "/text", "text", post.text);
    ImGui::PopFont();

    if (post.media) {
        const float inner = width - kPad * 2;
        const float text_h = TextHeight(post, width, fonts);
        const ImVec2 image_min =
            text_pos + ImVec2(0, text_h + (post.text.empty() ? 0.0f : kImageGap));
        const ImVec2 image_size(inner, PostImageHeight(*post.media, inner));
        // Not a button: a button would capture the press and stop a touch drag that starts
        // on the image from scrolling the feed. A tap is a release without a drag.
        const ImRect bb(image_min, image_min + image_size);
        const ImGuiID image_id = ImGui::GetID("##image");
        const bool blurred = post.sensitive && !revealed;
        if (ImGui::ItemAdd(bb, image_id)) {
            // The author's alt text is what assistive tech (and the bridge) reads for it.
            std::string label =
                (blurred ? "Sensitive image by @" : "Image by @") + post.author.username;
            if (!post.media->alt.empty()) label += ": " + post.media->alt;
            bridge::Annotate(image_id, bridge::ItemKind::Image, std::move(label));
            const ImGuiIO& io = ImGui::GetIO();
            if (ImGui::IsItemHovered()) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                    bb.Contains(io.MouseClickedPos[ImGuiMouseButton_Left]) &&
                    io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 36.0f)
                    action = blurred ? PostCardAction::RevealImage : PostCardAction::OpenImage;
            }
        }
        if (blurred) {
            images.DrawPlaceholder(*post.media, image_min, image_min + image_size, kImageRounding);
            const char* note = "Sensitive image \xE2\x80\x94 click to show";
            ImGui::PushFont(fonts.strong);
            const ImVec2 size = ImGui::CalcTextSize(note);
            const ImVec2 centre = image_min + image_size * 0.5f;
            dl->AddRectFilled(centre - size * 0.5f - ImVec2(14, 9),
                              centre + size * 0.5f + ImVec2(14, 9), IM_COL32(20, 24, 40, 200),
                              10.0f);
            dl->AddText(centre - size * 0.5f, IM_COL32_WHITE, note);
            ImGui::PopFont();
        } else {
            images.Draw(*post.media, image_min, image_min + image_size, kImageRounding);
        }
        const std::string labels = LabelLine(post.media->labels);
        if (!labels.empty()) {
            ImGui::PushFont(fonts.small);
            dl->AddText(image_min + ImVec2(0, image_size.y + kLabelGap), ui::color::kTextMuted,
                        labels.c_str());
            ImGui::PopFont();
        }
    }

    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
    ImGui::PopID();
    return action;
}

}  // namespace skyloom::app
