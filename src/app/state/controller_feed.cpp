// Controller: feed pages (cursor API through ui::FeedModel), the composer, delete, one post.
#include "platform/platform.h"
#include "state/controller.h"
#include "validation/validation.h"  // core

namespace skyloom::app {

void Controller::Handle(const FeedAction& action) {
    FeedScreen& f = m_state.feed;
    if (action.load_more && m_state.user) LoadMore(m_state.feed_tab());
    switch (action.kind) {
        case FeedActionKind::None:
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
    }
}

void Controller::LoadMore(FeedTab tab) {
    ui::FeedModel& model = m_state.feed.Model(tab);
    if (model.status().in_progress()) return;
    api::PostQuery query;
    query.cursor = model.BeginLoad();
    query.limit = kFeedPageSize;
    if (tab == FeedTab::kMe) query.author = *m_state.user;
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
    if (!IsValidPostText(c.draft)) {
        c.error = CountCodePoints(c.draft) > kPostMaxChars
                      ? "Posts can be at most " + std::to_string(kPostMaxChars) + " characters."
                      : "Write something first.";
        return;
    }
    c.error.clear();
    c.request.Start();
    m_state.requests_in_flight++;
    m_client.CreatePost(c.draft, [this](Result<Post> result) {
        m_state.requests_in_flight--;
        Composer& composer = m_state.feed.composer;
        if (!result) {
            if (HandleSessionLost(result.error())) return;
            composer.request.Fail(result.error());
            composer.error = HumanMessage(result.error());  // the draft stays for another try
            return;
        }
        composer.request.Succeed();
        composer.draft.clear();
        m_state.feed.explore.Prepend(result.value());
        m_state.feed.me.Prepend(result.value());
        ShowToast("success", "Posted.");
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
            if (HandleSessionLost(result.error())) return;
            Error e = result.error();
            e.message = HumanMessage(e);
            feed.delete_request.Fail(std::move(e));
            return;
        }
        feed.delete_request.Succeed();
        feed.confirm_delete_id.clear();
        feed.explore.Remove(id);
        feed.me.Remove(id);
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
    for (const ui::FeedModel* model : {&f.explore, &f.me})
        for (const Post& p : model->posts())
            if (p.id == id) f.post = p;
    f.post_request.Start();
    m_state.requests_in_flight++;
    m_client.GetPost(id, [this, id](Result<Post> result) {
        m_state.requests_in_flight--;
        FeedScreen& feed = m_state.feed;
        if (feed.post_id != id) return;  // the reader moved on
        if (!result) {
            if (HandleSessionLost(result.error())) return;
            Error e = result.error();
            e.message = HumanMessage(e);
            feed.post_request.Fail(std::move(e));
            feed.post.reset();
            return;
        }
        feed.post_request.Succeed();
        feed.post = result.value();
    });
}

}  // namespace skyloom::app
