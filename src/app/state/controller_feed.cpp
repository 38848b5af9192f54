// Controller: feed pages (cursor API through ui::FeedModel), the composer, delete, one post.
#include "platform/platform.h"
#include "state/controller.h"
#include "validation/validation.h"  // core

namespace skyloom::app {

void Controller::Handle(const FeedAction& action) {
    FeedScreen& f = m_state.feed;
    if (action.load_more && (m_state.user || !m_state.restoring)) LoadMore(m_state.feed_tab());
    switch (action.kind) {
        case FeedActionKind::None:
            break;
        case FeedActionKind::AskSignIn:
            AskSignIn(ui::Screen::kLogin);
            break;
        case FeedActionKind::AskSignUp:
            AskSignIn(ui::Screen::kSignup);
            break;
        case FeedActionKind::ShowExplore:
            Navigate({ui::Screen::kFeed, {}});
            break;
        case FeedActionKind::ShowMe:
            Navigate({ui::Screen::kMe, {}});
            break;
        case FeedActionKind::SubmitPost:
            SubmitPost();
            break;
        case FeedActionKind::Retry:
            f.Model(m_state.feed_tab()).Retry();
            platform::RequestFrames();
            break;
        case FeedActionKind::OpenPost:
            Navigate({ui::Screen::kPost, action.post_id});
            break;
        case FeedActionKind::AskDelete:
            f.confirm_delete_id = action.post_id;
            f.delete_request.Reset();
            break;
        case FeedActionKind::ConfirmDelete:
            DeletePost(action.post_id);
            break;
        case FeedActionKind::CancelDelete:
            if (!f.delete_request.in_progress()) f.confirm_delete_id.clear();
            break;
        case FeedActionKind::BackToFeed:
            Navigate({ui::Screen::kFeed, {}});
            break;
        case FeedActionKind::RetryPost:
            LoadPost(m_state.location.param);
            break;
        case FeedActionKind::PickImage:
            platform::OpenImagePicker();
            break;
        case FeedActionKind::RemoveImage:
            DiscardAttachment();
            break;
        case FeedActionKind::SelectGroup:
            SelectGroup(action.group_id);
            break;
        case FeedActionKind::OpenImage:
            f.viewer = action.media;
            break;
        case FeedActionKind::CloseImage:
            f.viewer.reset();
            break;
        case FeedActionKind::RevealImage:
            f.revealed.insert(action.post_id);
            break;
        case FeedActionKind::RemixPost:
            Navigate({ui::Screen::kMemeRemix, action.post_id});
            break;
        case FeedActionKind::CopyPostText:
            platform::CopyToClipboard(action.text);
            ShowToast("success", "Copied the post's text.");
            break;
        case FeedActionKind::CopyPostLink:
            // The server's page for the post: a chat or another site can preview it, and it
            // leads into the app (a #/post/ID link would reach no server).
            platform::CopyToClipboard(platform::ServerUrl("/p/" + action.post_id));
            ShowToast("success", "Copied the link to the post.");
            break;
        case FeedActionKind::ShowGroups:
            Navigate({ui::Screen::kGroups, {}});
            break;
        case FeedActionKind::ShowChat:
            Navigate({ui::Screen::kChat, {}});
            break;
        case FeedActionKind::OpenGroup:
            if (!action.group_id.empty()) Navigate({ui::Screen::kGroup, action.group_id});
            break;
        case FeedActionKind::DeleteGroup:
            DeleteGroup();
            break;
        case FeedActionKind::RetryGroup:
            LoadGroup(m_state.location.param);
            break;
        case FeedActionKind::CreateGroup:
            CreateGroup();
            break;
        case FeedActionKind::RetryGroups:
            LoadGroups();
            break;
        case FeedActionKind::Autofill:
            StartAutofill();
            break;
        case FeedActionKind::AcceptAutofill:
        case FeedActionKind::DismissAutofill:
            StopAutofill();
            break;
        case FeedActionKind::ConsumeGhost:
            ConsumeGhost(action.chars);
            break;
        case FeedActionKind::ToggleLabelOverlay:
            ToggleLabelOverlay();
            break;
        case FeedActionKind::ShowFollowing:
            Navigate({ui::Screen::kFollowing, {}});
            break;
        case FeedActionKind::OpenAuthor:
            if (!action.username.empty()) Navigate({ui::Screen::kUser, action.username});
            break;
    }
}

void Controller::LoadMore(FeedTab tab) {
    ui::FeedModel& model = m_state.feed.Model(tab);
    if (model.status().in_progress()) return;
    api::PostQuery query;
    query.cursor = model.BeginLoad();
    query.limit = kFeedPageSize;
    if (tab == FeedTab::kMe) query.author = *m_state.user;
    if (tab == FeedTab::kGroup) query.group = m_state.feed.group_id;
    if (tab == FeedTab::kFollowing) query.following = true;
    m_state.requests_in_flight++;
    const std::string cursor = query.cursor;
    m_client.ListPosts(query, [this, tab, cursor](Result<PostPage> result) {
        m_state.requests_in_flight--;
        ui::FeedModel& feed = m_state.feed.Model(tab);
        if (!result) {
            if (HandleSessionLost(result.error())) return;
            Error e = result.error();
            e.message = HumanMessage(e);
            feed.FailLoad(cursor, std::move(e));
            return;
        }
        feed.ApplyPage(cursor, result.value());
    });
}

void Controller::SubmitPost() {
    Composer& c = m_state.feed.composer;
    if (c.request.in_progress()) return;
    if (c.attachment.busy()) {
        c.error = "Wait a moment: the image is still uploading.";
        return;
    }
    const bool has_image = c.attachment.phase == Attachment::Phase::kReady;
    if (!IsValidPostBody(c.draft, has_image)) {
        c.error = CountCodePoints(c.draft) > kPostMaxChars
                      ? "Posts can be at most " + std::to_string(kPostMaxChars) + " characters."
                      : "Write something or add an image first.";
        return;
    }
    c.error.clear();
    SubmitPostNow();
}

void Controller::SubmitPostNow() {
    Composer& c = m_state.feed.composer;
    api::NewPost post;
    post.text = c.draft;
    if (c.attachment.phase == Attachment::Phase::kReady && c.attachment.media) {
        post.media_id = c.attachment.media->id;
        post.alt_text = c.attachment.alt_text;
    }
    post.group_id = c.group_id;
    c.request.Start();
    m_state.requests_in_flight++;
    const uint64_t token = c.attachment.token;
    m_client.CreatePost(post, [this, token](Result<Post> result) {
        m_state.requests_in_flight--;
        FeedScreen& feed = m_state.feed;
        Composer& composer = feed.composer;
        if (!result) {
            if (HandleSessionLost(result.error())) return;
            composer.request.Fail(result.error());
            // The draft and the image stay for another try.
            composer.error = HumanMessage(result.error());
            return;
        }
        composer.request.Succeed();
        composer.draft.clear();
        if (composer.attachment.token == token) DiscardAttachment();
        const Post& created = result.value();
        feed.explore.Prepend(created);
        feed.me.Prepend(created);
        if (created.group && created.group->id == feed.group_id) feed.group.Prepend(created);
        ShowToast("success", created.group ? "Posted in " + created.group->name + "." : "Posted.");
    });
}

void Controller::DeletePost(const std::string& id) {
    FeedScreen& f = m_state.feed;
    if (f.delete_request.in_progress() || id.empty()) return;
    f.delete_request.Start();
    m_state.requests_in_flight++;
    m_client.DeletePost(id, [this, id](Result<Unit> result) {
        m_state.requests_in_flight--;
        FeedScreen& feed = m_state.feed;
        if (!result && result.error().http_status != 404) {
            FailRequest(feed.delete_request, result.error());
            return;
        }
        feed.delete_request.Succeed();
        feed.confirm_delete_id.clear();
        feed.explore.Remove(id);
        feed.me.Remove(id);
        feed.group.Remove(id);
        feed.following.Remove(id);
        m_state.portfolio.posts.Remove(id);
        if (feed.post && feed.post->id == id) feed.post.reset();
        ShowToast("info", "Post deleted.");
        if (m_state.location.screen == ui::Screen::kPost) Navigate({ui::Screen::kFeed, {}});
    });
}

void Controller::LoadPost(const std::string& id) {
    FeedScreen& f = m_state.feed;
    f.post_id = id;
    if (f.post && f.post->id != id) f.post.reset();
    // Show what the feeds already hold at once; the request refreshes it.
    for (const ui::FeedModel* model : {&f.explore, &f.me, &f.following, &m_state.portfolio.posts})
        for (const Post& p : model->posts())
            if (p.id == id) f.post = p;
    f.post_request.Start();
    m_state.requests_in_flight++;
    m_client.GetPost(id, [this, id](Result<Post> result) {
        m_state.requests_in_flight--;
        FeedScreen& feed = m_state.feed;
        if (feed.post_id != id) return;  // the reader moved on
        if (!result) {
            FailRequest(feed.post_request, result.error());
            feed.post.reset();
            return;
        }
        feed.post_request.Succeed();
        feed.post = result.value();
    });
}

}  // namespace skyloom::app
