// Controller: the meme editor (issue 5). Opens #/meme/new and #/meme/remix/ID (the remixed
// post's background and boxes), loads the template gallery and my images, sets the background
// (template, my image, or a picked/dropped/pasted file through the image worker and an upload),
// and posts: the worker renders the boxes onto the background with core's meme renderer,
// resizes to <= 1000 px and encodes JPEG q85; the result is uploaded with progress and the post
// is created with its media_id and the meme spec.
#include "image/probe.h"  // core: kMaxFileBytes
#include "state/controller.h"

namespace skyloom::app {
namespace {

constexpr int kTemplatePageSize = 60;
constexpr int kMyImagesPageSize = 50;
constexpr double kRenderShare = 0.3;  // of the Post progress bar; the upload fills the rest
constexpr int kExportJpegQuality = 85;

bool AllEmpty(const std::vector<MemeBox>& boxes) {
    for (const MemeBox& b : boxes)
        if (!b.text.empty()) return false;
    return true;
}

}  // namespace

void Controller::OpenMemeEditor(const ui::Route& location) {
    ResetMemeEditor();
    MemeEditorScreen& m = m_state.meme;
    meme::EditState initial;
    initial.spec.boxes = DefaultMemeBoxes();
    initial.selected = 0;
    m.history.Reset(initial);
    if (location.screen == ui::Screen::kMemeRemix) {
        m.remix_of = location.param;
        m.choosing_background = false;
        m.background.Start();
        m.background_stage = "Loading the meme";
        const uint64_t token = m.background_token;
        m_state.requests_in_flight++;
        m_client.GetPost(location.param, [this, token](Result<Post> post) {
            m_state.requests_in_flight--;
            MemeEditorScreen& cur = m_state.meme;
            if (cur.background_token != token) return;
            if (!post) return FailRequest(cur.background, post.error());
            if (!post.value().meme) {
                cur.background.Fail(Error{"not_a_meme", "That post is not a meme.", 0});
                return;
            }
            const MemeSpec& spec = *post.value().meme;
            meme::EditState state;
            state.spec = spec;
            state.selected = spec.boxes.empty() ? -1 : 0;
            cur.history.Reset(state);
            if (!spec.background.media_id.empty()) {
                SetMemeBackgroundUrl(platform::ApiBase() + "/api/v1/media/" +
                                     spec.background.media_id);
            } else {
                m_pending_template = spec.background.template_id;
                ApplyPendingTemplate();
            }
        });
    }
    LoadTemplates("");
    platform::RequestFrames();
}

void Controller::ResetMemeEditor() {
    MemeEditorScreen& m = m_state.meme;
    for (const auto& [id, thumb] : m.thumbs) platform::DeleteTexture(thumb.texture);
    ++m_meme_session;  // thumbnails still loading belong to the old session
    if (m.background_job != 0) platform::CancelImageJob(m.background_job);
    if (m.background_abort) m.background_abort->Abort();
    if (m.export_job != 0) platform::CancelImageJob(m.export_job);
    if (m.upload_abort) m.upload_abort->Abort();
    if (m.background_texture != 0) platform::DeleteTexture(m.background_texture);
    const uint64_t next_token = m.background_token + 1;
    const uint64_t next_post = m.post_token + 1;
    m = MemeEditorScreen{};
    m.background_token = next_token;
    m.post_token = next_post;
    m_pending_template.clear();
}

void Controller::LoadTemplates(const std::string& query) {
    MemeEditorScreen& m = m_state.meme;
    m.templates_request.Start();
    m.templates_query = query;
    api::TemplateQuery q;
    q.q = query;
    q.limit = kTemplatePageSize;
    m_state.requests_in_flight++;
    m_client.ListTemplates(q, [this, query](Result<TemplatePage> page) {
        m_state.requests_in_flight--;
        MemeEditorScreen& cur = m_state.meme;
        if (cur.templates_query != query) return;  // a newer search is under way
        if (!page) return FailRequest(cur.templates_request, page.error());
        cur.templates_request.Succeed();
        cur.templates = std::move(page.value().items);
        for (const MemeTemplate& t : cur.templates) LoadMemeThumb(t.media);
        ApplyPendingTemplate();
        // A visitor picked this template, then signed in: the editor opens with it.
        if (m_state.user && !m_visitor_template.empty())
            PickTemplate(std::exchange(m_visitor_template, std::string()));
        platform::RequestFrames();
    });
}

// A remix of a template meme knows only the template's id; its image comes with the gallery.
void Controller::ApplyPendingTemplate() {
    if (m_pending_template.empty()) return;
    for (const MemeTemplate& t : m_state.meme.templates) {
        if (t.id != m_pending_template) continue;
        m_pending_template.clear();
        SetMemeBackgroundUrl(platform::ApiBase() + t.media.url);
        return;
    }
    if (m_state.meme.templates_request.state == ui::RequestState::kSucceeded &&
        m_state.meme.templates_query.empty()) {
        m_pending_template.clear();
        m_state.meme.background.Fail(
            Error{"template_gone", "The template of this meme is no longer available.", 0});
    }
}

void Controller::PickTemplate(const std::string& id) {
    for (const MemeTemplate& t : m_state.meme.templates) {
        if (t.id != id) continue;
        meme::EditState next = m_state.meme.history.Current();
        next.spec.background = MemeBackground{};
        next.spec.background.template_id = t.id;
        // Keep what was typed; an untouched layout takes the template's own boxes.
        if (AllEmpty(next.spec.boxes) && !t.boxes.empty()) next.spec.boxes = t.boxes;
        next.selected = next.spec.boxes.empty() ? -1 : 0;
        m_state.meme.history.Reset(next);
        m_state.meme.choosing_background = false;
        SetMemeBackgroundUrl(platform::ApiBase() + t.media.url);
        return;
    }
}

void Controller::PickMyImage(size_t index) {
    if (index >= m_state.meme.my_images.size()) return;
    const MediaRef media = m_state.meme.my_images[index];
    meme::EditState next = m_state.meme.history.Current();
    next.spec.background = MemeBackground{};
    next.spec.background.media_id = media.id;
    m_state.meme.history.Reset(next);
    m_state.meme.choosing_background = false;
    SetMemeBackgroundUrl(platform::ApiBase() + media.url);
}

void Controller::LoadMyImages() {
    MemeEditorScreen& m = m_state.meme;
    m.show_my_images = true;
    if (m.my_images_request.in_progress() || !m_state.user) return;
    m.my_images_request.Start();
    api::PostQuery q;
    q.author = *m_state.user;
    q.limit = kMyImagesPageSize;
    m_state.requests_in_flight++;
    m_client.ListPosts(q, [this](Result<PostPage> page) {
        m_state.requests_in_flight--;
        MemeEditorScreen& cur = m_state.meme;
        if (!page) return FailRequest(cur.my_images_request, page.error());
        cur.my_images_request.Succeed();
        cur.my_images.clear();
        for (const Post& p : page.value().items) {
            if (!p.media) continue;
            bool seen = false;
            for (const MediaRef& r : cur.my_images) seen = seen || r.id == p.media->id;
            if (!seen) cur.my_images.push_back(*p.media);
        }
        for (const MediaRef& r : cur.my_images) LoadMemeThumb(r);
        platform::RequestFrames();
    });
}

// A gallery thumbnail (the media's 320 px version), loaded once per editor visit.
void Controller::LoadMemeThumb(const MediaRef& media) {
    MemeEditorScreen& m = m_state.meme;
    if (media.id.empty() || m.thumbs.count(media.id) > 0) return;
    m.thumbs[media.id] = MemeEditorScreen::Thumb{};  // loading
    const std::string url = media.thumb_url.empty() ? media.url : media.thumb_url;
    const uint64_t session = m_meme_session;
    platform::LoadTextureFromUrl(
        platform::ApiBase() + url, [this, session, id = media.id](Result<platform::Texture> t) {
            if (!t) return;  // the name alone still shows
            if (m_meme_session != session) {
                platform::DeleteTexture(t.value().handle);
                return;
            }
            m_state.meme.thumbs[id] =
                MemeEditorScreen::Thumb{t.value().handle, t.value().width, t.value().height};
            platform::RequestFrames();
        });
}

// Shows `url` as the background (template or an uploaded image); export fetches it again in
// the worker, from the browser's cache.
void Controller::SetMemeBackgroundUrl(const std::string& url) {
    MemeEditorScreen& m = m_state.meme;
    if (m.background_job != 0) platform::CancelImageJob(m.background_job);
    if (m.background_abort) m.background_abort->Abort();
    m.background_job = 0;
    m.background_url = url;
    m.background_bytes.clear();
    m.background_mime.clear();
    m.background.Start();
    m.background_stage = "Loading the image";
    const uint64_t token = ++m.background_token;
    LabelMemeBackground(token, "", url);
    platform::LoadTextureFromUrl(url, [this, token](Result<platform::Texture> texture) {
        MemeEditorScreen& cur = m_state.meme;
        if (cur.background_token != token) {
            if (texture) platform::DeleteTexture(texture.value().handle);
            return;
        }
        if (!texture) return cur.background.Fail(texture.error());
        SetMemeBackgroundTexture(texture.value());
    });
    platform::RequestFrames();
}

void Controller::LabelMemeBackground(uint64_t token, std::string bytes, const std::string& url) {
    MemeEditorScreen& m = m_state.meme;
    if (m.label_job != 0) platform::CancelImageJob(m.label_job);
    m.labels.clear();
    auto done = [this, token](Result<platform::ImageLabels> labels) {
        MemeEditorScreen& cur = m_state.meme;
        if (cur.background_token != token) return;
        cur.label_job = 0;
        // Without labels (model unavailable) the editor simply shows none.
        if (labels) cur.labels = std::move(labels.value().labels);
        platform::RequestFrames();
    };
    m.label_job = bytes.empty() ? platform::ClassifyImageUrl(url, std::move(done))
                                : platform::ClassifyImage(std::move(bytes), std::move(done));
}

void Controller::SetMemeBackgroundTexture(const platform::Texture& texture) {
    MemeEditorScreen& m = m_state.meme;
    if (m.background_texture != 0) platform::DeleteTexture(m.background_texture);
    m.background_texture = texture.handle;
    m.background_width = texture.width;
    m.background_height = texture.height;
    m.background.Succeed();
    m.background_stage.clear();
    platform::RequestFrames();
}

// A picked, dropped or pasted file: processed by the image worker like a composer image,
// shown at once, and uploaded so the meme spec can name it (background.media_id).
void Controller::StartMemeBackgroundFile(platform::PickedFile file) {
    MemeEditorScreen& m = m_state.meme;
    if (file.size > image::kMaxFileBytes || file.bytes.empty() ||
        !(file.mime.empty() || file.mime.rfind("image/", 0) == 0)) {
        m.background.Fail(Error{"bad_file",
                                file.bytes.empty() ? "The file could not be read (too large or "
                                                     "empty)."
                                                   : "That file is not an image.",
                                0});
        platform::RequestFrames();
        return;
    }
    if (m.background_job != 0) platform::CancelImageJob(m.background_job);
    if (m.background_abort) m.background_abort->Abort();
    m.choosing_background = false;
    m.background.Start();
    m.background_stage = "Processing";
    const uint64_t token = ++m.background_token;
    m.background_job = platform::ProcessImage(
        std::move(file.bytes), image::ProcessOptions{},
        [this, token](platform::ImageJobProgress p) {
            if (m_state.meme.background_token != token) return;
            m_state.meme.background_stage = p.stage;
            platform::RequestFrames();
        },
        [this, token](Result<image::ProcessedImage> result) {
            MemeEditorScreen& cur = m_state.meme;
            if (cur.background_token != token) return;
            cur.background_job = 0;
            if (!result) return cur.background.Fail(result.error());
            image::ProcessedImage processed = std::move(result.value());
            cur.background_bytes = processed.bytes;
            cur.background_mime = processed.mime;
            cur.background_url.clear();
            cur.background_stage = "Uploading";
            LabelMemeBackground(token, processed.bytes, "");
            platform::LoadTextureFromBytes(processed.bytes, processed.mime,
                                           [this, token](Result<platform::Texture> t) {
                                               MemeEditorScreen& now = m_state.meme;
                                               if (now.background_token != token) {
                                                   if (t) platform::DeleteTexture(t.value().handle);
                                                   return;
                                               }
                                               if (!t) return now.background.Fail(t.error());
                                               if (now.background_texture != 0)
                                                   platform::DeleteTexture(now.background_texture);
                                               now.background_texture = t.value().handle;
                                               now.background_width = t.value().width;
                                               now.background_height = t.value().height;
                                               platform::RequestFrames();
                                           });
            cur.background_abort = std::make_shared<AbortSignal>();
            ApiClient::UploadOptions options;
            options.abort = cur.background_abort;
            m_state.requests_in_flight++;
            m_client.UploadMedia(std::move(processed.bytes), processed.mime, std::move(options),
                                 [this, token](Result<Media> media) {
                                     m_state.requests_in_flight--;
                                     MemeEditorScreen& now = m_state.meme;
                                     if (now.background_token != token) return;
                                     now.background_abort.reset();
                                     if (!media) return FailRequest(now.background, media.error());
                                     meme::EditState next = now.history.Current();
                                     next.spec.background = MemeBackground{};
                                     next.spec.background.media_id = media.value().id;
                                     now.history.Reset(next);
                                     now.background.Succeed();
                                     now.background_stage.clear();
                                     platform::RequestFrames();
                                 });
        });
    platform::RequestFrames();
}

void Controller::PostMeme() {
    MemeEditorScreen& m = m_state.meme;
    if (m.post.in_progress() || m.background_texture == 0 || m.background.in_progress()) return;
    const MemeSpec spec = m.history.Current().spec;
    m.post.Start();
    m.post_progress = 0;
    m.post_stage = "Rendering";
    const uint64_t token = ++m.post_token;
    platform::MemeJob job;
    job.bytes = m.background_bytes;
    job.url = m.background_bytes.empty() ? m.background_url : "";
    job.boxes_json = ToJson(spec).at("boxes").dump();
    job.jpeg_quality = kExportJpegQuality;
    m.export_job = platform::ProcessMeme(
        std::move(job),
        [this, token](platform::ImageJobProgress p) {
            if (m_state.meme.post_token != token) return;
            m_state.meme.post_progress = p.fraction * kRenderShare;
            platform::RequestFrames();
        },
        [this, token, spec](Result<image::ProcessedImage> result) {
            MemeEditorScreen& cur = m_state.meme;
            if (cur.post_token != token) return;
            cur.export_job = 0;
            if (!result) return FailRequest(cur.post, result.error());
            cur.post_stage = "Uploading";
            cur.post_progress = kRenderShare;
            cur.upload_abort = std::make_shared<AbortSignal>();
            ApiClient::UploadOptions options;
            options.abort = cur.upload_abort;
            options.progress = [this, token](uint64_t sent, uint64_t total) {
                if (m_state.meme.post_token != token || total == 0) return;
                m_state.meme.post_progress =
                    kRenderShare + (1 - kRenderShare) * double(sent) / double(total);
                platform::RequestFrames();
            };
            m_state.requests_in_flight++;
            const std::string mime = result.value().mime;
            m_client.UploadMedia(std::move(result.value().bytes), mime, std::move(options),
                                 [this, token, spec](Result<Media> media) {
                                     m_state.requests_in_flight--;
                                     MemeEditorScreen& now = m_state.meme;
                                     if (now.post_token != token) return;
                                     now.upload_abort.reset();
                                     if (!media) return FailRequest(now.post, media.error());
                                     now.post_stage = "Posting";
                                     api::NewPost post;
                                     post.text = now.caption;
                                     post.media_id = media.value().id;
                                     post.meme = spec;
                                     m_state.requests_in_flight++;
                                     m_client.CreatePost(post, [this, token](Result<Post> created) {
                                         m_state.requests_in_flight--;
                                         MemeEditorScreen& done = m_state.meme;
                                         if (done.post_token != token) return;
                                         if (!created)
                                             return FailRequest(done.post, created.error());
                                         done.post.Succeed();
                                         done.posted_id = created.value().id;
                                         m_state.feed.explore.Prepend(created.value());
                                         m_state.feed.me.Prepend(created.value());
                                         ShowToast("success", "Your meme is posted.");
                                         Navigate({ui::Screen::kFeed, {}});
                                     });
                                 });
        });
    platform::RequestFrames();
}

void Controller::CancelMemePost() {
    MemeEditorScreen& m = m_state.meme;
    if (m.export_job != 0) platform::CancelImageJob(m.export_job);
    if (m.upload_abort) m.upload_abort->Abort();
    m.export_job = 0;
    m.upload_abort.reset();
    ++m.post_token;
    m.post.Reset();
    platform::RequestFrames();
}

void Controller::Handle(const MemeEditorAction& action) {
    // A visitor browses the template gallery; making a meme is a member's, so it signs in
    // first and comes back to the gallery (with the template picked, if one was).
    const bool member_action = action.kind == MemeEditorActionKind::PickTemplate ||
                               action.kind == MemeEditorActionKind::ShowMyImages ||
                               action.kind == MemeEditorActionKind::PickMyImage ||
                               action.kind == MemeEditorActionKind::PickFile ||
                               action.kind == MemeEditorActionKind::Post;
    if (!m_state.user && member_action) {
        if (action.kind == MemeEditorActionKind::PickTemplate) m_visitor_template = action.text;
        AskSignIn(ui::Screen::kLogin);
        return;
    }
    switch (action.kind) {
        case MemeEditorActionKind::None:
            break;
        case MemeEditorActionKind::SearchTemplates:
            LoadTemplates(action.text);
            break;
        case MemeEditorActionKind::PickTemplate:
            PickTemplate(action.text);
            break;
        case MemeEditorActionKind::ShowMyImages:
            LoadMyImages();
            break;
        case MemeEditorActionKind::PickMyImage:
            PickMyImage(action.index);
            break;
        case MemeEditorActionKind::PickFile:
            platform::OpenImagePicker();
            break;
        case MemeEditorActionKind::Post:
            PostMeme();
            break;
        case MemeEditorActionKind::Cancel:
            CancelMemePost();
            break;
        case MemeEditorActionKind::Close:
            Navigate({ui::Screen::kFeed, {}});
            break;
    }
}

}  // namespace skyloom::app
