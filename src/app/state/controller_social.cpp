// Controller: portfolios (#/u/NAME) and subscriptions; also the one entry point for every
// SocialAction (the notification and settings ones are performed in their own files).
#include "platform/platform.h"
#include "state/controller.h"

namespace skyloom::app {

void Controller::Handle(const SocialAction& action) {
    // Called every frame a social screen draws: no action must cost nothing (no extra frames).
    if (action.kind == SocialActionKind::None && !action.load_more) return;
    if (action.load_more && (m_state.user || !m_state.restoring) &&
        m_state.location.screen == ui::Screen::kUser && !m_state.portfolio.username.empty())
        LoadPortfolioPage();
    switch (action.kind) {
        case SocialActionKind::None:
            break;
        case SocialActionKind::Subscribe:
            if (!m_state.user) {
                AskSignIn();  // and back to this portfolio to subscribe
                break;
            }
            SetSubscribed(true);
            break;
        case SocialActionKind::Unsubscribe:
            SetSubscribed(false);
            break;
        case SocialActionKind::RetryProfile:
            m_state.portfolio.posts.Retry();
            LoadProfile(m_state.portfolio.username);
            break;
        case SocialActionKind::OpenPost:
            Navigate({ui::Screen::kPost, action.post_id});
            break;
        case SocialActionKind::OpenNotification:
            if (!action.id.empty()) MarkNotificationsRead(action.id);
            if (!action.post_id.empty()) Navigate({ui::Screen::kPost, action.post_id});
            break;
        case SocialActionKind::MarkRead:
            MarkNotificationsRead(action.id);
            break;
        case SocialActionKind::MarkAllRead:
            MarkNotificationsRead("");
            break;
        case SocialActionKind::MoreNotifications:
            LoadMoreNotifications();
            break;
        case SocialActionKind::RetryNotifications:
            PollNotifications();
            break;
        case SocialActionKind::SetEmailNotifications:
            SaveSetting(true, action.value);
            break;
        case SocialActionKind::SetBlurSensitive:
            SaveSetting(false, action.value);
            break;
        case SocialActionKind::RetrySettings:
            LoadSettings();
            break;
        case SocialActionKind::DeleteInference:
            DeleteHistory(action.id);
            break;
        case SocialActionKind::DeleteAllInferences:
            DeleteHistory("");
            break;
        case SocialActionKind::MoreHistory:
            LoadHistory(true);
            break;
        case SocialActionKind::RetryHistory:
            LoadHistory(false);
            break;
    }
    if (action.kind != SocialActionKind::None) platform::RequestFrames();
}

void Controller::LoadProfile(const std::string& username) {
    PortfolioScreen& p = m_state.portfolio;
    if (p.username != username) {
        p = PortfolioScreen{};  // another creator: nothing of the last one shows
        p.username = username;
    } else {
        p.posts.Reset();  // the same creator again: their newest posts, not the old list
    }
    p.profile_request.Start();
    m_state.requests_in_flight++;
    m_client.GetProfile(username, [this, username](Result<UserProfile> result) {
        m_state.requests_in_flight--;
        PortfolioScreen& portfolio = m_state.portfolio;
        if (portfolio.username != username) return;  // the reader moved on
        if (!result) {
            FailRequest(portfolio.profile_request, result.error());
            return;
        }
        portfolio.profile_request.Succeed();
        portfolio.profile = result.value();
    });
    if (!p.posts.loaded_once() && !p.posts.status().in_progress()) LoadPortfolioPage();
}

void Controller::LoadPortfolioPage() {
    PortfolioScreen& p = m_state.portfolio;
    if (p.posts.status().in_progress() || p.posts.reached_end()) return;
    api::PostQuery query;
    query.cursor = p.posts.BeginLoad();
    query.limit = kPortfolioPageSize;
    query.author = p.username;
    const std::string cursor = query.cursor;
    const std::string username = p.username;
    m_state.requests_in_flight++;
    m_client.ListPosts(query, [this, cursor, username](Result<PostPage> result) {
        m_state.requests_in_flight--;
        PortfolioScreen& portfolio = m_state.portfolio;
        if (portfolio.username != username) return;
        if (!result) {
            if (HandleSessionLost(result.error())) return;
            Error e = result.error();
            e.message = HumanMessage(e);
            portfolio.posts.FailLoad(cursor, std::move(e));
            return;
        }
        portfolio.posts.ApplyPage(cursor, result.value());
    });
}

void Controller::SetSubscribed(bool subscribed) {
    PortfolioScreen& p = m_state.portfolio;
    if (p.subscribe_request.in_progress() || !p.profile || p.username.empty()) return;
    p.subscribe_request.Start();
    m_state.requests_in_flight++;
    const std::string username = p.username;
    auto done = [this, username, subscribed](Result<Unit> result) {
        m_state.requests_in_flight--;
        PortfolioScreen& portfolio = m_state.portfolio;
        if (portfolio.username != username) return;
        if (!result) {
            FailRequest(portfolio.subscribe_request, result.error());
            return;
        }
        portfolio.subscribe_request.Succeed();
        if (portfolio.profile && portfolio.profile->subscribed != subscribed) {
            portfolio.profile->subscribed = subscribed;
            portfolio.profile->subscriber_count += subscribed ? 1 : -1;
        }
        // The Following feed changes with every subscription: reload it next time it shows.
        m_state.feed.following.Reset();
        ShowToast("success", subscribed ? "Subscribed to @" + username + "."
                                        : "Unsubscribed from @" + username + ".");
    };
    if (subscribed)
        m_client.Subscribe(username, done);
    else
        m_client.Unsubscribe(username, done);
}

}  // namespace skyloom::app
