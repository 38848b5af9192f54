// The feed: Explore (#/feed) and Me (#/me) tabs, the composer, and an endless list of posts.
// Only the cards that intersect the view are submitted; every card's height is measured once
// from its wrapped text and cached by post id (re-measured when the column width changes).
// #/post/ID shows one post with the same card (DrawPostScreen).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "api/http.h"           // core: AbortSignal
#include "image/pipeline.h"     // core: ProcessedImage
#include "model/models.h"       // core: Post, Media, Group
#include "ui/feed_model.h"      // core
#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}
namespace skyloom::app {
class ImageLibrary;
}

namespace skyloom::app {

enum class FeedTab { kExplore, kMe, kGroup, kFollowing };

// The image attached to the draft: picked/dropped/pasted -> processed in the browser (worker)
// -> uploaded -> ready to post. Any phase can be cancelled; failures keep the draft.
struct Attachment {
    enum class Phase { kNone, kProcessing, kUploading, kReady, kFailed };
    Phase phase = Phase::kNone;
    std::string file_name;
    uint64_t original_bytes = 0;   // the file as picked
    uint64_t processed_bytes = 0;  // after resize + re-encode (what is uploaded)
    int width = 0;                 // of the processed image
    int height = 0;
    double progress = 0;  // 0..1 within the phase
    std::string stage;    // "Decoding", "Uploading", ...
    std::string error;    // kFailed: why, in words
    uint32_t preview_texture = 0;
    std::optional<Media> media;  // kReady: the uploaded image
    // AI labels computed in the browser (the image worker) while the upload runs; the server
    // computes the same from the same bytes and its answer replaces them once ready.
    std::vector<MediaLabel> local_labels;
    std::string labels_error;  // why there are none (model failed to load, ...)
    double labels_ms = 0;      // the inference in the browser
    uint32_t label_job = 0;
    // Alt text posted with the image: drafted from the labels until the author edits it.
    std::string alt_text;
    bool alt_edited = false;
    // "Show AI labels on the image" (Udagram's overlay): the labels are drawn onto the image by
    // the worker (core's caption primitive) and that version is uploaded instead; turning it
    // off uploads the clean one again (the server dedups it by hash).
    bool overlay = false;
    std::optional<image::ProcessedImage> clean;  // the processed image without the overlay
    // Controller bookkeeping for the work in flight (cancel, stale callbacks).
    uint32_t job = 0;
    std::shared_ptr<AbortSignal> upload_abort;
    uint64_t token = 0;

    [[nodiscard]] bool busy() const {
        return phase == Phase::kProcessing || phase == Phase::kUploading;
    }
};

// Autofill: the model's continuation of the draft, drawn as ghost text after the caret while
// it streams. Tab accepts it, Esc dismisses it; typing the ghost's own next characters keeps
// the rest, typing anything else dismisses it.
struct AutofillGhost {
    ui::RequestStatus request;  // the streaming call; its error is shown under the draft
    std::string base;           // the draft the ghost continues
    std::string ghost;          // streamed so far
    std::shared_ptr<AbortSignal> abort;
    uint64_t token = 0;        // tells the current stream's pieces from a dismissed one's
    bool focus_draft = false;  // the composer hands the focus back to the draft

    [[nodiscard]] bool visible(const std::string& draft) const {
        return !ghost.empty() && draft == base;
    }
};

struct Composer {
    std::string draft;          // kept on failure; cleared once the post exists
    ui::RequestStatus request;  // the create call
    std::string error;
    Attachment attachment;
    std::string group_id;  // "" = no group
    std::string group_name;
    AutofillGhost autofill;
};

struct FeedScreen {
    ui::FeedModel explore;
    ui::FeedModel me;
    ui::FeedModel group;  // #/g/ID

    // Social (issues 5/6).
    ui::FeedModel following;     // #/following: creators the user subscribes to
    bool blur_sensitive = true;  // the user's setting (issue 6): blur sensitive images

    Composer composer;
    bool dragging_file = false;      // a file is dragged over the page: show the drop target
    std::optional<MediaRef> viewer;  // the image open full size
    std::unordered_set<std::string> revealed;  // sensitive posts the reader chose to see
    // #/g/ID
    std::string group_id;
    std::optional<Group> group_info;
    ui::RequestStatus group_request;
    ui::RequestStatus group_delete;
    std::vector<Group> groups;  // for the composer's picker (and #/groups)
    ui::RequestStatus groups_request;
    // #/groups: the new-group form
    std::string new_group_name;
    std::string new_group_description;
    ui::RequestStatus group_create;
    std::string group_create_error;
    std::string confirm_delete_id;  // non-empty: the confirmation dialog is open for it
    ui::RequestStatus delete_request;
    // The keyboard asked to bring this post into view (j/k, a focused article); taken by the list.
    std::string reveal_post;
    std::string keyboard_post;   // j/k's current post (the last one they or the page focused)
    int first_visible_row = -1;  // the first card on screen
    // #/post/ID
    std::string post_id;
    std::optional<Post> post;
    ui::RequestStatus post_request;

    // Layout caches (not data): measured card heights by post id, valid for one width/font.
    std::unordered_map<std::string, float> heights;
    float heights_width = 0;
    float heights_font_size = 0;
    // ui::TextLayoutGeneration() they were measured at (browser-laid-out text may change size).
    uint64_t heights_text_generation = 0;
    std::vector<float> offsets;  // scratch: each card's top within the list
    float scroll_target = -1;    // smooth wheel scrolling: where the list is heading
    int last_visible_row = -1;   // for tests and prefetch

    [[nodiscard]] ui::FeedModel& Model(FeedTab tab) {
        return tab == FeedTab::kMe          ? me
               : tab == FeedTab::kGroup     ? group
               : tab == FeedTab::kFollowing ? following
                                            : explore;
    }
    [[nodiscard]] const ui::FeedModel& Model(FeedTab tab) const {
        return const_cast<FeedScreen*>(this)->Model(tab);
    }
    // Whether a post's image shows: not sensitive, blur turned off, or clicked to reveal.
    [[nodiscard]] bool Revealed(const Post& post) const {
        return !blur_sensitive || revealed.count(post.id) > 0;
    }
};

enum class FeedActionKind {
    None,
    AskSignIn,  // a visitor's "Sign in" / "Sign up" (the join card): then back here
    AskSignUp,
    ShowExplore,
    ShowMe,
    SubmitPost,
    Retry,
    OpenPost,
    AskDelete,
    ConfirmDelete,
    CancelDelete,
    BackToFeed,
    RetryPost,
    PickImage,    // open the file chooser
    RemoveImage,  // cancel the processing/upload, or drop the attached image
    SelectGroup,  // group_id ("" = none)
    OpenImage,    // media: show full size
    CloseImage,
    ShowGroups,   // #/groups
    ShowChat,     // #/chat
    OpenGroup,    // group_id
    DeleteGroup,  // the group page's owner action
    RetryGroup,
    RevealImage,  // post_id: show a sensitive image the feed blurs
    CreateGroup,  // from the form on #/groups
    RetryGroups,
    Autofill,            // continue the draft with the AI (streams ghost text)
    AcceptAutofill,      // the screen appended the ghost to the draft (Tab)
    DismissAutofill,     // Esc, or the draft changed under the ghost
    ConsumeGhost,        // the reader typed the ghost's next characters: `chars` bytes of it
    ToggleLabelOverlay,  // draw the AI labels onto the attached image (or take them off)
    RemixPost,           // post_id: open the meme editor on this meme (#/meme/remix/ID)
    ShowFollowing,       // #/following
    OpenAuthor,          // username: the author's portfolio
    CopyPostText,        // text: to the clipboard
    CopyPostLink,        // post_id: a link to it, to the clipboard
};

struct FeedAction {
    FeedActionKind kind = FeedActionKind::None;
    std::string post_id;
    std::string group_id;
    std::optional<MediaRef> media;
    std::string username;    // OpenAuthor
    bool load_more = false;  // the reader is near the end of what is loaded
    size_t chars = 0;        // ConsumeGhost: bytes of the ghost now in the draft
    std::string text;        // CopyPostText
};

// An action about one post (open, delete, ...).
[[nodiscard]] inline FeedAction PostAction(FeedActionKind kind, std::string post_id) {
    FeedAction action;
    action.kind = kind;
    action.post_id = std::move(post_id);
    return action;
}

// Shared by the feed, group and groups screens.
enum class FeedSection { kExplore, kMe, kFollowing, kGroups, kChat };
// Positions the cursor at the content column's left edge and returns its width.
[[nodiscard]] float FeedColumn();
void DrawSectionTabs(FeedSection section, float width, FeedAction& action);
// A centred card with a title, a line of text and an optional button (empty/error states);
// true when the button is pressed.
bool StateCard(float width, const ui::FontSet& fonts, const char* title, const std::string& text,
               const char* button, bool spinner);

// Call inside a window created with ImGuiWindowFlags_NoScrollWithMouse: the feed scrolls itself
// (smoothed wheel, touch drag with fling).
// Explore, Me and a group's page (tab kGroup: its header instead of the tabs).
[[nodiscard]] FeedAction DrawFeedScreen(FeedScreen& screen, FeedTab tab, const std::string& user,
                                        const ui::FontSet& fonts, ImageLibrary& images,
                                        int64_t now_wall_ms);
[[nodiscard]] FeedAction DrawPostScreen(FeedScreen& screen, const std::string& user,
                                        const ui::FontSet& fonts, ImageLibrary& images,
                                        int64_t now_wall_ms);

}  // namespace skyloom::app
