// The meme editor (#/meme/new, #/meme/remix/POST_ID; issue 5): a background from the template
// gallery, one of my images or a file (picker, drop, paste); text boxes dragged and resized on
// the image, edited in a side panel (text, font, colours, alignment, caps); undo/redo, arrow
// nudging, a visible safe area; Post renders, encodes and uploads in the browser.
// State lives in MemeEditorScreen; DrawMemeEditorScreen draws it, edits the spec through
// core's meme::EditorHistory, and returns what needs the controller (network, worker).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/http.h"           // core: AbortSignal
#include "meme/editor_state.h"  // core
#include "model/social.h"       // core: MemeTemplate
#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

class MemeLayers;

struct MemeEditorScreen {
    std::string remix_of;  // the post being remixed; empty for #/meme/new

    // ---- background
    std::string background_url;    // absolute URL of a template or my image
    std::string background_bytes;  // a picked file after the image worker (JPEG/PNG)
    std::string background_mime;
    uint32_t background_texture = 0;  // GL texture of the preview, 0 while loading
    int background_width = 0;         // of the texture (the image's pixels)
    int background_height = 0;
    ui::RequestStatus background;   // loading / processing / uploading the background
    std::string background_stage;   // "Decoding", "Uploading", ... while in progress
    uint64_t background_token = 0;  // tells the current background's callbacks from stale ones
    uint32_t background_job = 0;
    std::shared_ptr<AbortSignal> background_abort;
    std::vector<MediaLabel> labels;  // the background's AI labels, computed in the browser
    uint32_t label_job = 0;

    // ---- the edit: spec (background ids + boxes) and selection, with undo/redo
    meme::EditorHistory history;

    // ---- pickers: a gallery fills the main area until a background is chosen, and again
    // after "Change background"
    bool choosing_background = true;
    struct Thumb {
        uint32_t texture = 0;
        int width = 0, height = 0;
    };
    std::map<std::string, Thumb> thumbs;  // by media id: template and my-image thumbnails
    std::vector<MemeTemplate> templates;
    ui::RequestStatus templates_request;
    std::string template_search;      // the gallery's search field
    std::string templates_query;      // what the loaded list was searched for
    std::vector<MediaRef> my_images;  // images of my posts
    ui::RequestStatus my_images_request;
    bool show_my_images = false;

    // ---- interaction (screen-owned)
    meme::Hit drag;                 // the box and part being dragged, box -1 when none
    bool box_text_focused = false;  // a run of typing is one undo step until focus leaves
    MemeBox drag_start;             // the box as it was when the drag began
    float drag_origin_x = 0;        // mouse position then, in image-display pixels
    float drag_origin_y = 0;
    // Where the image was drawn last frame, in CSS pixels (for the bridge and tests).
    float canvas_x = 0, canvas_y = 0, canvas_w = 0, canvas_h = 0;
    // Text layers rendered so far and the last one's CPU time (a drag must render none).
    int layer_renders = 0;
    double last_layer_ms = 0;

    // ---- posting
    std::string caption;  // the post's text
    ui::RequestStatus post;
    double post_progress = 0;  // 0..1 over render + upload
    std::string post_stage;
    uint32_t export_job = 0;
    std::shared_ptr<AbortSignal> upload_abort;
    uint64_t post_token = 0;
    std::string posted_id;  // the last post made from here
};

enum class MemeEditorActionKind {
    None,
    SearchTemplates,  // text: the query
    PickTemplate,     // id: template id
    ShowMyImages,
    PickMyImage,  // index into my_images
    PickFile,     // open the file chooser
    Post,
    Cancel,  // stop posting
    Close,   // back to the feed
};

struct MemeEditorAction {
    MemeEditorActionKind kind = MemeEditorActionKind::None;
    std::string text;
    size_t index = 0;
};

[[nodiscard]] MemeEditorAction DrawMemeEditorScreen(MemeEditorScreen& screen,
                                                    const ui::FontSet& fonts, MemeLayers& layers);

}  // namespace skyloom::app
