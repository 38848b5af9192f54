// [SECTION] Header (name, counts, Subscribe)
// [SECTION] Grid of tiles (virtualized by rows)
// [SECTION] Screen
#include "screens/portfolio_screen.h"

#include <algorithm>
#include <cmath>

#include "bridge/bridge.h"
#include "imgui.h"
#include "media/image_library.h"
#include "screens/feed_screen.h"  // FeedColumn, StateCard
#include "ui/fonts.h"
#include "ui/rich_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {
namespace {

constexpr float kTileGap = 8.0f;
constexpr float kTileRounding = 10.0f;
constexpr float kTilePad = 12.0f;
constexpr int kColumns = 3;
constexpr int kCompactColumns = 2;

//-----------------------------------------------------------------------------
// [SECTION] Header
//-----------------------------------------------------------------------------

// "12 posts": the number in the strong face, its noun muted.
void Count(const ui::FontSet& fonts, int64_t n, const char* one, const char* many) {
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted(std::to_string(n).c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 5);
    ui::MutedText(n == 1 ? one : many);
}

void DrawHeader(PortfolioScreen& s, const std::string& user, float width, const ui::FontSet& fonts,
                SocialAction& action) {
    const UserProfile& profile = *s.profile;
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    ui::BeginCard(width, 24.0f);
    const float inner = ui::ContentWidth();
    const ImVec2 title_pos = ImGui::GetCursorScreenPos();
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(("@" + profile.user.username).c_str());
    const float title_h = ImGui::GetTextLineHeight();
    ImGui::PopFont();

    // Subscribe / Unsubscribe at the title line's right; your own portfolio has none.
    const bool own = profile.user.username == user;
    if (!own) {
        ImGui::PushFont(fonts.strong);
        const float bh = ui::PrimaryButtonHeight();
        const float bw = ImGui::CalcTextSize("Unsubscribe").x + 36.0f;
        const ImVec2 keep = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(
            ImVec2(title_pos.x + inner - bw, title_pos.y + (title_h - bh) * 0.5f));
        const bool busy = s.subscribe_request.in_progress();
        if (profile.subscribed) {
            if (ui::SecondaryButton("Unsubscribe", bw, !busy, bh))
                action.kind = SocialActionKind::Unsubscribe;
        } else if (ui::PrimaryButton("Subscribe", bw, busy)) {
            action.kind = SocialActionKind::Subscribe;
        }
        ImGui::PopFont();
        ImGui::SetCursorScreenPos(keep);
    }
    ImGui::Dummy(ImVec2(0, 2));
    Count(fonts, profile.post_count, "post", "posts");
    ImGui::SameLine(0, 18);
    Count(fonts, profile.meme_count, "meme", "memes");
    ImGui::SameLine(0, 18);
    Count(fonts, profile.subscriber_count, "subscriber", "subscribers");
    if (own) {
        ImGui::PushFont(fonts.small);
        ui::MutedText("This is your portfolio: everything you post shows here.");
        ImGui::PopFont();
    } else if (profile.subscribed) {
        ImGui::PushFont(fonts.small);
        ui::MutedText(
            "You get a notification (and an email, unless you turned it off in "
            "Settings) when they post a meme.");
        ImGui::PopFont();
    }
    if (s.subscribe_request.failed()) ui::ErrorNote(s.subscribe_request.error.message, inner);
    ui::EndCard();
    ImGui::Dummy(ImVec2(width, 12.0f));
}

//-----------------------------------------------------------------------------
// [SECTION] Grid
//-----------------------------------------------------------------------------

// Tiles load the server's thumbnail (<= 320 px wide) under its own cache key, so a tile never
// holds the full-size texture the post page uses.
MediaRef Thumbnail(const MediaRef& media) {
    if (media.thumb_url.empty() || media.thumb_url == media.url || media.width <= 320) return media;
    MediaRef thumb = media;
    thumb.id = media.id + ":thumb";
    thumb.url = media.thumb_url;
    thumb.height = std::max(1, media.height * 320 / media.width);
    thumb.width = 320;
    return thumb;
}

// A small dark chip in the tile's corner ("MEME", "Sensitive").
void Chip(ImDrawList* dl, ImVec2 at, const char* text) {
    const ImVec2 size = ImGui::CalcTextSize(text);
    dl->AddRectFilled(at, at + size + ImVec2(12, 4), IM_COL32(20, 24, 40, 190), 6.0f);
    dl->AddText(at + ImVec2(6, 2), IM_COL32_WHITE, text);
}

bool DrawTile(const Post& post, ImVec2 min, float size, bool blur, const ui::FontSet& fonts,
              ImageLibrary& images) {
    ImGui::PushID(post.id.c_str());
    ImGui::SetCursorScreenPos(min);
    const bool pressed = ImGui::InvisibleButton("##tile", ImVec2(size, size));
    const bool hovered = ImGui::IsItemHovered();
    bridge::Annotate(ImGui::GetItemID(),
                     post.media ? bridge::ItemKind::Image : bridge::ItemKind::Link,
                     "Open post " + post.id);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max = min + ImVec2(size, size);
    dl->AddRectFilled(min, max, ui::color::kSurface, kTileRounding);
    ImGui::PushFont(fonts.small);
    if (post.media) {
        const MediaRef thumb = Thumbnail(*post.media);
        const bool blurred = post.sensitive && blur;
        if (blurred)
            images.DrawPlaceholder(thumb, min, max, kTileRounding);
        else
            images.Draw(thumb, min, max, kTileRounding);
        if (blurred) Chip(dl, min + ImVec2(8, 8), "Sensitive");
    } else {
        // Text-only posts: their words on the card, clipped to the tile.
        const float wrap = size - kTilePad * 2;
        dl->PushClipRect(min + ImVec2(kTilePad, kTilePad), max - ImVec2(kTilePad, kTilePad), true);
        ui::DrawTextBlock(dl, min + ImVec2(kTilePad, kTilePad), post.text, fonts.body,
                          ui::color::kText, wrap);
        dl->PopClipRect();
    }
    if (post.meme) Chip(dl, ImVec2(min.x + 8, max.y - ImGui::GetTextLineHeight() - 12), "MEME");
    ImGui::PopFont();
    dl->AddRect(min, max, hovered ? ui::color::kAccent : ui::color::kBorder, kTileRounding, 0,
                hovered ? 2.0f : 1.0f);
    ImGui::PopID();
    return pressed;
}

void DrawGrid(PortfolioScreen& s, float width, bool blur, const ui::FontSet& fonts,
              ImageLibrary& images, SocialAction& action) {
    const std::vector<Post>& posts = s.posts.posts();
    const int columns = width < ui::metric::kCompactWidth ? kCompactColumns : kColumns;
    const float tile = std::floor((width - kTileGap * (columns - 1)) / columns);
    const float pitch = tile + kTileGap;
    const int rows = (static_cast<int>(posts.size()) + columns - 1) / columns;
    const float left = (ImGui::GetWindowWidth() - width) * 0.5f;
    const float top = ImGui::GetCursorPosY();
    // Only the rows in view are submitted (portfolios can hold thousands of posts).
    const float view_top = ImGui::GetScrollY() - top;
    const float view_bottom = view_top + ImGui::GetWindowHeight();
    const int first_row = std::max(0, static_cast<int>(std::floor(view_top / pitch)));
    int last_visible = posts.empty() ? -1 : 0;
    for (int row = first_row; row < rows && row * pitch < view_bottom; row++) {
        for (int col = 0; col < columns; col++) {
            const size_t i = static_cast<size_t>(row * columns + col);
            if (i >= posts.size()) break;
            ImGui::SetCursorPos(ImVec2(left + col * pitch, top + row * pitch));
            const ImVec2 min = ImGui::GetCursorScreenPos();
            if (DrawTile(posts[i], min, tile, blur, fonts, images)) {
                action.kind = SocialActionKind::OpenPost;
                action.post_id = posts[i].id;
            }
            last_visible = static_cast<int>(i);
        }
    }
    s.last_visible = last_visible;
    ImGui::SetCursorPos(ImVec2(left, top + rows * pitch));
    ImGui::Dummy(ImVec2(width, 0));
    action.load_more = s.posts.WantsMore(last_visible);
}

void DrawFooter(const PortfolioScreen& s, float width, const ui::FontSet& fonts,
                SocialAction& action) {
    const ui::FeedModel& posts = s.posts;
    if (posts.status().failed()) {
        if (StateCard(width, fonts, "Couldn't load posts", posts.status().error.message, "Retry",
                      false))
            action.kind = SocialActionKind::RetryProfile;
    } else if (posts.status().in_progress() || !posts.loaded_once()) {
        ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::Spinner(p + ImVec2(width * 0.5f, 18), 9.0f, ui::color::kAccent);
        ImGui::Dummy(ImVec2(width, 36));
    } else if (posts.posts().empty()) {
        (void)StateCard(width, fonts, "No posts yet",
                        "Posts and memes by @" + s.username + " show up here.", nullptr, false);
    }
    ImGui::Dummy(ImVec2(width, 32));
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Screen
//-----------------------------------------------------------------------------

SocialAction DrawPortfolioScreen(PortfolioScreen& s, const std::string& user, bool blur_sensitive,
                                 const ui::FontSet& fonts, ImageLibrary& images) {
    SocialAction action;
    ImGui::Dummy(ImVec2(0, 16));
    const float width = FeedColumn();
    if (!s.profile) {
        if (s.profile_request.failed()) {
            if (StateCard(width, fonts, "Couldn't load this portfolio",
                          s.profile_request.error.message, "Retry", false))
                action.kind = SocialActionKind::RetryProfile;
        } else {
            (void)StateCard(width, fonts, "Loading the portfolio\xE2\x80\xA6", "", nullptr, true);
        }
        return action;
    }
    DrawHeader(s, user, width, fonts, action);
    DrawGrid(s, width, blur_sensitive, fonts, images, action);
    DrawFooter(s, width, fonts, action);
    return action;
}

}  // namespace skyloom::app
