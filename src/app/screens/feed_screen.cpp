// [SECTION] Scrolling (smooth wheel, touch drag and fling)
// [SECTION] Column, tabs and composer
// [SECTION] Virtualized list
// [SECTION] Delete confirmation
// [SECTION] Screens
#include "screens/feed_screen.h"
#include "screens/join_card.h"

#include <algorithm>
#include <cmath>

#include "bridge/bridge.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "input/touch_input.h"
#include "media/image_library.h"
#include "misc/cpp/imgui_stdlib.h"
#include "platform/platform.h"
#include "screens/composer.h"
#include "screens/groups_screen.h"
#include "screens/image_viewer.h"
#include "screens/post_card.h"
#include "ui/fonts.h"
#include "ui/rich_text.h"
#include "ui/text_input.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "validation/validation.h"  // core: kPostMaxChars, CountCodePoints

namespace skyloom::app {
namespace {

constexpr float kCardGap = 12.0f;
// Cards measured per frame past the ones in and near the view (see DrawList).
constexpr double kMeasureBudgetMs = 4.0;
constexpr float kEstimatedCardHeight = 160.0f;  // until any card has been measured
constexpr float kWheelStepPx = 120.0f;          // one wheel notch
constexpr float kSmoothRate = 14.0f;            // 1/s: how fast the view catches up with the wheel
constexpr size_t kMirrorAround = 25;   // posts above and below the view a screen reader reads
constexpr float kRevealMargin = 8.0f;  // a post brought into view (j/k, focus) sits this low

//-----------------------------------------------------------------------------
// [SECTION] Scrolling
//-----------------------------------------------------------------------------

void UpdateScroll(FeedScreen& s) {
    const ImGuiIO& io = ImGui::GetIO();
    const float scroll = ImGui::GetScrollY();
    const float max = ImGui::GetScrollMaxY();
    const float dt = std::fmax(io.DeltaTime, 1.0f / 240.0f);
    const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);

    // A finger on the screen scrolls it directly (input/touch_input): it wins over the wheel.
    if (TouchScrollActive()) {
        s.scroll_target = -1;
        return;
    }
    if (hovered && io.MouseWheel != 0.0f) {
        if (s.scroll_target < 0) s.scroll_target = scroll;
        s.scroll_target = std::clamp(s.scroll_target - io.MouseWheel * kWheelStepPx, 0.0f, max);
    }
    // The keys that scroll any page: PageDown / Space a screen on, PageUp / Shift+Space back,
    // Home / End to the ends, smoothed like the wheel. The feed owns them, so ImGui's keyboard
    // navigation does not also move its focus a page; not while a field or a menu has the keys.
    const ImGuiID keys_owner = ImGui::GetID("##feed-keys");
    for (ImGuiKey key : {ImGuiKey_PageDown, ImGuiKey_PageUp, ImGuiKey_Home, ImGuiKey_End})
        ImGui::SetKeyOwner(key, keys_owner);
    const bool keys_free = !io.WantTextInput && ui::FieldSync().focused_id() == 0 && !io.KeyCtrl &&
                           !io.KeyAlt && !io.KeySuper &&
                           !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (keys_free) {
        const float page = ImGui::GetWindowHeight() * 0.85f;
        float by = 0.0f;
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown) ||
            (ImGui::IsKeyPressed(ImGuiKey_Space) && !io.KeyShift))
            by = page;
        else if (ImGui::IsKeyPressed(ImGuiKey_PageUp) ||
                 (ImGui::IsKeyPressed(ImGuiKey_Space) && io.KeyShift))
            by = -page;
        else if (ImGui::IsKeyPressed(ImGuiKey_Home, false))
            by = -max - 1.0f;
        else if (ImGui::IsKeyPressed(ImGuiKey_End, false))
            by = max + 1.0f;
        if (by != 0.0f) {
            if (s.scroll_target < 0) s.scroll_target = scroll;
            s.scroll_target = std::clamp(s.scroll_target + by, 0.0f, max);
        }
    }
    if (s.scroll_target >= 0) {
        float next = scroll + (s.scroll_target - scroll) * std::fmin(1.0f, dt * kSmoothRate);
        if (std::fabs(s.scroll_target - next) < 0.5f) {
            next = s.scroll_target;
            s.scroll_target = -1;
        } else {
            platform::KeepAnimating();
        }
        ImGui::SetScrollY(next);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Column, tabs and composer
//-----------------------------------------------------------------------------

}  // namespace

float FeedColumn() {
    const float avail = ImGui::GetWindowWidth();
    const float margin = avail < ui::metric::kCompactWidth ? 12.0f : ui::metric::kPageMargin;
    const float width = std::fmin(ui::metric::kFeedWidth, avail - margin * 2);
    ImGui::SetCursorPosX((avail - width) * 0.5f);
    return width;
}

void DrawSectionTabs(FeedSection section, float width, FeedAction& action) {
    bridge::Region tabs("sections", "tablist", "Sections");
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight() + 8.0f;
    ImGui::GetWindowDrawList()->AddRectFilled(pos, pos + ImVec2(width, h), ui::color::kBorder,
                                              ui::metric::kFrameRounding + 2);
    ImGui::SetCursorScreenPos(pos + ImVec2(4, 4));
    const float tab_w = (width - 8) / 5.0f;
    if (ui::TabButton("Explore", section == FeedSection::kExplore, tab_w) &&
        section != FeedSection::kExplore)
        action.kind = FeedActionKind::ShowExplore;
    ImGui::SameLine(0, 0);
    if (ui::TabButton("Following", section == FeedSection::kFollowing, tab_w) &&
        section != FeedSection::kFollowing)
        action.kind = FeedActionKind::ShowFollowing;
    ImGui::SameLine(0, 0);
    if (ui::TabButton("Me", section == FeedSection::kMe, tab_w) && section != FeedSection::kMe)
        action.kind = FeedActionKind::ShowMe;
    ImGui::SameLine(0, 0);
    if (ui::TabButton("Groups", section == FeedSection::kGroups, tab_w) &&
        section != FeedSection::kGroups)
        action.kind = FeedActionKind::ShowGroups;
    ImGui::SameLine(0, 0);
    if (ui::TabButton("Chat", section == FeedSection::kChat, tab_w) &&
        section != FeedSection::kChat)
        action.kind = FeedActionKind::ShowChat;
    ImGui::SetCursorScreenPos(pos + ImVec2(0, h));
    ImGui::Dummy(ImVec2(width, kCardGap));
}

namespace {

// A centred card with a title, a line of text and an optional button (empty/error states).
}  // namespace

bool StateCard(float width, const ui::FontSet& fonts, const char* title, const std::string& text,
               const char* button, bool spinner) {
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    ui::BeginCard(width, 24.0f);
    const float inner = width - 48.0f;
    bool pressed = false;
    if (spinner) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::Spinner(p + ImVec2(inner * 0.5f, 14), 10.0f, ui::color::kAccent);
        ImGui::Dummy(ImVec2(inner, 32));
    }
    ImGui::PushFont(fonts.strong);
    ui::CenteredText(title, inner, ui::color::kText);
    ImGui::PopFont();
    if (!text.empty()) {
        const float w = std::fmin(inner, ImGui::CalcTextSize(text.c_str()).x);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - w) * 0.5f);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w + 1);
        ui::MutedText(text.c_str());
        ImGui::PopTextWrapPos();
    }
    if (button != nullptr) {
        ImGui::Dummy(ImVec2(0, 6));
        const float bw = ImGui::CalcTextSize(button).x + 28.0f;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (inner - bw) * 0.5f);
        pressed = ui::SecondaryButton(button, bw);
    }
    ui::EndCard();
    return pressed;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Virtualized list
//-----------------------------------------------------------------------------

void DrawList(FeedScreen& s, const ui::FeedModel& model, float width, const std::string& user,
              const ui::FontSet& fonts, ImageLibrary& images, int64_t now_wall_ms,
              FeedAction& action) {
    const std::vector<Post>& posts = model.posts();
    ImGui::PushFont(fonts.body);
    const float font_size = ImGui::GetFontSize();
    ImGui::PopFont();
    // Browser-laid-out text changes size when its fonts arrive (ui/rich_text.h).
    const uint64_t text_generation = ui::TextLayoutGeneration();
    if (s.heights_width != width || s.heights_font_size != font_size ||
        s.heights_text_generation != text_generation) {
        s.heights.clear();
        s.heights_width = width;
        s.heights_font_size = font_size;
        s.heights_text_generation = text_generation;
    }
    const float top = ImGui::GetCursorPosY();
    const float view_top = ImGui::GetScrollY() - top;
    const float view_bottom = view_top + ImGui::GetWindowHeight();

    // Offsets of every card: cached heights make this a cheap pass even for thousands of posts.
    // Measuring lays the text out (in the browser, for most scripts): the costliest part of a
    // first frame (~40 ms for a page of 20 posts). Every card down to a screen past the view is
    // measured at once; the rest, within kMeasureBudgetMs a frame, stand on the mean measured
    // height until then. Nothing at or above the view is ever estimated, so replacing an
    // estimate moves nothing on screen.
    s.offsets.resize(posts.size() + 1);
    const double deadline = platform::NowMs() + kMeasureBudgetMs;
    const float must_measure_to = view_bottom + ImGui::GetWindowHeight();
    float y = 0;
    float measured_sum = 0;
    size_t measured_count = 0;
    bool estimated = false;
    for (size_t i = 0; i < posts.size(); i++) {
        s.offsets[i] = y;
        auto it = s.heights.find(posts[i].id);
        if (it == s.heights.end() && (y < must_measure_to || platform::NowMs() < deadline))
            it = s.heights.emplace(posts[i].id, MeasurePostCard(posts[i], width, fonts)).first;
        if (it == s.heights.end()) {
            estimated = true;
            y += (measured_count ? measured_sum / float(measured_count) : kEstimatedCardHeight) +
                 kCardGap;
            continue;
        }
        measured_sum += it->second;
        measured_count++;
        y += it->second + kCardGap;
    }
    s.offsets[posts.size()] = y;
    if (estimated) platform::KeepAnimating();  // the next frame measures more
    // First card whose bottom is below the view's top, then submit until past the bottom.
    const auto first_it = std::upper_bound(s.offsets.begin(), s.offsets.end() - 1, view_top);
    size_t first = first_it == s.offsets.begin() ? 0 : size_t(first_it - s.offsets.begin()) - 1;
    const float x = (ImGui::GetWindowWidth() - width) * 0.5f;
    // A post brought into view by the keyboard (j/k, a focused article in the mirror): only
    // scrolled to when it is not wholly in view already.
    if (!s.reveal_post.empty()) {
        for (size_t i = 0; i < posts.size(); i++) {
            if (posts[i].id != s.reveal_post) continue;
            const bool in_view = s.offsets[i] >= view_top && s.offsets[i + 1] <= view_bottom;
            if (!in_view) {
                s.scroll_target =
                    std::clamp(top + s.offsets[i] - kRevealMargin, 0.0f, ImGui::GetScrollMaxY());
                platform::KeepAnimating();
            }
            break;
        }
        s.reveal_post.clear();
    }
    bridge::Region feed("feed", "feed", "Posts");
    for (size_t i = first > kMirrorAround ? first - kMirrorAround : 0; i < first; i++)
        MirrorPostCard(posts[i], now_wall_ms);
    int last_visible = posts.empty() ? -1 : 0;
    size_t end = first;
    for (size_t i = first; i < posts.size() && s.offsets[i] < view_bottom; i++) {
        end = i + 1;
        const float h = s.offsets[i + 1] - s.offsets[i] - kCardGap;
        ImGui::SetCursorPos(ImVec2(x, top + s.offsets[i]));
        const bool own = posts[i].author.username == user;
        const bool revealed = s.Revealed(posts[i]);
        switch (DrawPostCard(posts[i], width, h, own, revealed, fonts, images, now_wall_ms)) {
            case PostCardAction::None:
                break;
            case PostCardAction::OpenImage:
                action.kind = FeedActionKind::OpenImage;
                action.media = posts[i].media;
                break;
            case PostCardAction::RevealImage:
                action = PostAction(FeedActionKind::RevealImage, posts[i].id);
                break;
            case PostCardAction::OpenGroup:
                action.kind = FeedActionKind::OpenGroup;
                action.group_id = posts[i].group ? posts[i].group->id : "";
                break;
            case PostCardAction::Open:
                action = PostAction(FeedActionKind::OpenPost, posts[i].id);
                break;
            case PostCardAction::Delete:
                action = PostAction(FeedActionKind::AskDelete, posts[i].id);
                break;
            case PostCardAction::Remix:
                action = PostAction(FeedActionKind::RemixPost, posts[i].id);
                break;
            case PostCardAction::OpenAuthor:
                action.kind = FeedActionKind::OpenAuthor;
                action.username = posts[i].author.username;
                break;
            case PostCardAction::CopyText:
                action.kind = FeedActionKind::CopyPostText;
                action.text = posts[i].text;
                break;
            case PostCardAction::CopyLink:
                action = PostAction(FeedActionKind::CopyPostLink, posts[i].id);
                break;
        }
        last_visible = static_cast<int>(i);
    }
    for (size_t i = end; i < posts.size() && i < end + kMirrorAround; i++)
        MirrorPostCard(posts[i], now_wall_ms);
    s.last_visible_row = last_visible;
    s.first_visible_row = posts.empty() ? -1 : static_cast<int>(first);
    // Images one screen below (and a little above) start loading before they scroll in.
    const float view_h = ImGui::GetWindowHeight();
    for (size_t i = first; i < posts.size() && s.offsets[i] < view_bottom + view_h; i++) {
        if (s.offsets[i] < view_bottom) continue;
        if (posts[i].media) images.Prefetch(*posts[i].media);
        PrefetchPostCard(posts[i], width, fonts);
    }
    for (size_t i = first; i-- > 0 && s.offsets[i + 1] > view_top - view_h * 0.5f;)
        if (posts[i].media) images.Prefetch(*posts[i].media);
    ImGui::SetCursorPos(ImVec2(x, top + y));
    ImGui::Dummy(ImVec2(width, 0));
    action.load_more = model.WantsMore(last_visible);
}

void DrawListFooter(const ui::FeedModel& model, FeedTab tab, float width, const ui::FontSet& fonts,
                    FeedAction& action) {
    if (model.status().failed()) {
        if (StateCard(width, fonts, "Couldn't load posts", model.status().error.message, "Retry",
                      false))
            action.kind = FeedActionKind::Retry;
    } else if (model.posts().empty() && (model.status().in_progress() || !model.loaded_once())) {
        (void)StateCard(width, fonts, "Loading posts\xE2\x80\xA6", "", nullptr, true);
    } else if (model.status().in_progress()) {
        ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::Spinner(p + ImVec2(width * 0.5f, 18), 9.0f, ui::color::kAccent);
        ImGui::Dummy(ImVec2(width, 36));
    } else if (model.posts().empty()) {
        if (tab == FeedTab::kMe)
            (void)StateCard(width, fonts, "You haven't posted yet",
                            "Write your first post above; it shows up here.", nullptr, false);
        else if (tab == FeedTab::kFollowing)
            (void)StateCard(width, fonts, "You don't follow anyone yet",
                            "Click a name on any post, then Subscribe on their portfolio.", nullptr,
                            false);
        else
            (void)StateCard(width, fonts, "Nothing here yet", "Be the first: write a post above.",
                            nullptr, false);
    } else if (model.reached_end()) {
        ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
        ImGui::PushFont(fonts.small);
        ui::CenteredText("You're all caught up.", width, ui::color::kTextMuted);
        ImGui::PopFont();
    }
    ImGui::Dummy(ImVec2(width, 32));
}

//-----------------------------------------------------------------------------
// [SECTION] Delete confirmation
//-----------------------------------------------------------------------------

void DrawDeleteDialog(FeedScreen& s, const ui::FontSet& fonts, FeedAction& action) {
    constexpr const char* kId = "##confirm-delete";
    if (!s.confirm_delete_id.empty() && !ImGui::IsPopupOpen(kId)) ImGui::OpenPopup(kId);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    const float w = std::fmin(360.0f, vp->Size.x - 32.0f);
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(22, 20));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui::metric::kCardRounding);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::BeginPopupModal(kId, nullptr, flags)) {
        bridge::Region dialog("dialog-delete", "dialog", "Delete this post?");
        if (s.confirm_delete_id.empty()) ImGui::CloseCurrentPopup();
        ImGui::PushFont(fonts.strong);
        ImGui::TextUnformatted("Delete this post?");
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0.0f);
        ui::MutedText("It disappears from every feed. This can't be undone.");
        ImGui::PopTextWrapPos();
        if (s.delete_request.failed()) {
            ui::ErrorNote(s.delete_request.error.message, ImGui::GetContentRegionAvail().x);
        }
        ImGui::Dummy(ImVec2(0, 8));
        const float bw = (ImGui::GetContentRegionAvail().x - 10) * 0.5f;
        ImGui::PushFont(fonts.strong);
        const float bh = ui::PrimaryButtonHeight();
        ImGui::PopFont();
        if (ui::SecondaryButton("Cancel", bw, !s.delete_request.in_progress(), bh))
            action.kind = FeedActionKind::CancelDelete;
        ImGui::SameLine(0, 10);
        ImGui::PushFont(fonts.strong);
        if (ui::DangerButton("Delete post", bw, s.delete_request.in_progress()))
            action = PostAction(FeedActionKind::ConfirmDelete, s.confirm_delete_id);
        ImGui::PopFont();
        if (ImGui::IsKeyPressed(ImGuiKey_Escape) && !s.delete_request.in_progress())
            action.kind = FeedActionKind::CancelDelete;
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(3);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Screens
//-----------------------------------------------------------------------------

namespace {

// After the page: the full-size image floats above everything.
void DrawOverlays(const FeedScreen& s, const ui::FontSet& fonts, ImageLibrary& images,
                  FeedAction& action) {
    if (s.viewer) DrawImageViewer(*s.viewer, fonts, images, action);
}

}  // namespace

FeedAction DrawFeedScreen(FeedScreen& s, FeedTab tab, const std::string& user,
                          const ui::FontSet& fonts, ImageLibrary& images, int64_t now_wall_ms) {
    FeedAction action;
    if (!s.viewer) UpdateScroll(s);
    ImGui::Dummy(ImVec2(0, 16));
    const float width = FeedColumn();
    if (tab == FeedTab::kGroup) {
        DrawGroupHeader(s, user, width, fonts, action);
    } else {
        DrawSectionTabs(tab == FeedTab::kMe          ? FeedSection::kMe
                        : tab == FeedTab::kFollowing ? FeedSection::kFollowing
                                                     : FeedSection::kExplore,
                        width, action);
    }
    if (user.empty())  // a visitor: what joining gives instead of the composer
        DrawJoinCard(width, fonts, "Post, make memes, follow creators and chat with Loom.", action);
    else
        DrawComposer(s.composer, s.groups, width, fonts, action);
    ImGui::Dummy(ImVec2(width, kCardGap));
    FeedAction list_action;
    const ui::FeedModel& model = s.Model(tab);
    DrawList(s, model, width, user, fonts, images, now_wall_ms, list_action);
    DrawListFooter(model, tab, width, fonts, action);
    if (list_action.kind != FeedActionKind::None) {
        action.kind = list_action.kind;
        action.post_id = list_action.post_id;
        action.group_id = list_action.group_id;
        action.media = list_action.media;
        action.username = list_action.username;
        action.text = list_action.text;
    }
    action.load_more = list_action.load_more;
    DrawDeleteDialog(s, fonts, action);
    DrawOverlays(s, fonts, images, action);
    return action;
}

FeedAction DrawPostScreen(FeedScreen& s, const std::string& user, const ui::FontSet& fonts,
                          ImageLibrary& images, int64_t now_wall_ms) {
    FeedAction action;
    if (!s.viewer) UpdateScroll(s);
    ImGui::Dummy(ImVec2(0, 16));
    const float width = FeedColumn();
    if (ui::Link("\xE2\x80\xB9 Back to the feed")) action.kind = FeedActionKind::BackToFeed;
    ImGui::Dummy(ImVec2(0, 8));
    if (s.post && s.post->id == s.post_id) {
        ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
        const float h = MeasurePostCard(*s.post, width, fonts);
        switch (DrawPostCard(*s.post, width, h, s.post->author.username == user,
                             s.Revealed(*s.post), fonts, images, now_wall_ms)) {
            case PostCardAction::OpenAuthor:
                action.kind = FeedActionKind::OpenAuthor;
                action.username = s.post->author.username;
                break;
            case PostCardAction::Delete:
                action = PostAction(FeedActionKind::AskDelete, s.post->id);
                break;
            case PostCardAction::OpenImage:
                action.kind = FeedActionKind::OpenImage;
                action.media = s.post->media;
                break;
            case PostCardAction::RevealImage:
                action = PostAction(FeedActionKind::RevealImage, s.post->id);
                break;
            case PostCardAction::OpenGroup:
                action.kind = FeedActionKind::OpenGroup;
                action.group_id = s.post->group ? s.post->group->id : "";
                break;
            case PostCardAction::Remix:
                action = PostAction(FeedActionKind::RemixPost, s.post->id);
                break;
            case PostCardAction::CopyText:
                action.kind = FeedActionKind::CopyPostText;
                action.text = s.post->text;
                break;
            case PostCardAction::CopyLink:
                action = PostAction(FeedActionKind::CopyPostLink, s.post->id);
                break;
            default:
                break;
        }
    } else if (s.post_request.failed()) {
        if (StateCard(width, fonts, "Couldn't load this post", s.post_request.error.message,
                      "Retry", false))
            action.kind = FeedActionKind::RetryPost;
    } else {
        (void)StateCard(width, fonts, "Loading the post\xE2\x80\xA6", "", nullptr, true);
    }
    DrawDeleteDialog(s, fonts, action);
    DrawOverlays(s, fonts, images, action);
    return action;
}

}  // namespace skyloom::app
