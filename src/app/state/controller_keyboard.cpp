// Keyboard shortcuts (core ui::ShortcutReader) and the keyboard's focus on posts: j / k move it
// through the feed, the page's mirror reports it when a screen reader or Tab lands on a post.
#include "state/controller.h"

#include "platform/platform.h"

namespace skyloom::app {
namespace {

bool IsFeedScreen(ui::Screen screen) {
    return screen == ui::Screen::kFeed || screen == ui::Screen::kMe ||
           screen == ui::Screen::kFollowing || screen == ui::Screen::kGroup;
}

}  // namespace

void Controller::RevealPost(const std::string& id) {
    m_state.feed.keyboard_post = id;
    m_state.feed.reveal_post = id;
    platform::RequestFrames();
}

void Controller::MoveKeyboardPost(int step) {
    FeedScreen& f = m_state.feed;
    const std::vector<Post>& posts = f.Model(m_state.feed_tab()).posts();
    if (posts.empty()) return;
    int at = -1;
    const std::string& current =
        m_state.location.screen == ui::Screen::kPost ? f.post_id : f.keyboard_post;
    for (size_t i = 0; i < posts.size(); i++)
        if (posts[i].id == current) at = static_cast<int>(i);
    int next = 0;
    if (at >= 0)
        next = at + step;
    else  // nothing focused yet: start from the first post on screen
        next = std::max(0, f.first_visible_row) + (step < 0 ? -1 : 0);
    if (next < 0 || next >= static_cast<int>(posts.size())) return;
    const std::string& id = posts[next].id;
    if (m_state.location.screen == ui::Screen::kPost) {  // reading one post: open the next
        f.keyboard_post = id;
        Navigate({ui::Screen::kPost, id});
        return;
    }
    RevealPost(id);
    m_state.page_focus_request = "post-" + id;  // the mirror's article: read out, Enter opens
    if (next + 1 >= static_cast<int>(posts.size())) LoadMore(m_state.feed_tab());
}

void Controller::OnShortcut(ui::Shortcut shortcut) {
    const ui::Screen screen = m_state.location.screen;
    switch (shortcut) {
        case ui::Shortcut::kNone:
            return;
        case ui::Shortcut::kNextPost:
        case ui::Shortcut::kPreviousPost:
            if (IsFeedScreen(screen) || screen == ui::Screen::kPost)
                MoveKeyboardPost(shortcut == ui::Shortcut::kNextPost ? 1 : -1);
            break;
        case ui::Shortcut::kNewPost:
            if (!m_state.user) {
                AskSignIn(ui::Screen::kLogin);
                break;
            }
            if (!IsFeedScreen(screen)) Navigate({ui::Screen::kFeed, {}});
            m_state.feed.composer.autofill.focus_draft = true;  // the composer takes the focus
            break;
        case ui::Shortcut::kMakeMeme:
            Handle(TopBarAction::MakeMeme);
            break;
        case ui::Shortcut::kGoHome:
            Handle(TopBarAction::Home);
            break;
        case ui::Shortcut::kGoNotifications:
            Handle(TopBarAction::Notifications);
            break;
        case ui::Shortcut::kGoPortfolio:
            if (m_state.user)
                Handle(TopBarAction::MyPortfolio);
            else
                AskSignIn(ui::Screen::kLogin);
            break;
        case ui::Shortcut::kShowHelp:
            m_state.show_shortcuts = true;
            m_state.page_focus_request = "dialog-shortcuts";  // a screen reader lands in it
            break;
    }
    platform::RequestFrames();
}

}  // namespace skyloom::app
