#include "ui/feed_model.h"

#include <algorithm>

namespace skyloom::ui {

bool FeedModel::WantsMore(int last_visible_row) const {
    if (m_status.in_progress() || m_status.failed() || m_reached_end) return false;
    if (!m_loaded_once) return true;
    return last_visible_row >= static_cast<int>(m_posts.size()) - kPrefetchRows;
}

std::string FeedModel::BeginLoad() {
    m_status.Start();
    m_loading_cursor = m_loaded_once ? m_next_cursor : std::string();
    return m_loading_cursor;
}

void FeedModel::ApplyPage(const std::string& cursor, const PostPage& page) {
    if (!m_status.in_progress() || cursor != m_loading_cursor) return;  // stale answer
    for (const Post& post : page.items) {
        if (!Contains(post.id)) m_posts.push_back(post);
    }
    m_next_cursor = page.next_cursor;
    m_reached_end = page.next_cursor.empty();
    m_loaded_once = true;
    m_status.Succeed();
}

void FeedModel::FailLoad(const std::string& cursor, Error error) {
    if (!m_status.in_progress() || cursor != m_loading_cursor) return;
    m_status.Fail(std::move(error));
}

void FeedModel::Retry() {
    if (m_status.failed()) m_status.Reset();
}

void FeedModel::Prepend(const Post& post) {
    if (Contains(post.id)) return;
    m_posts.insert(m_posts.begin(), post);
}

void FeedModel::Remove(const std::string& post_id) {
    m_posts.erase(std::remove_if(m_posts.begin(), m_posts.end(),
                                 [&](const Post& post) { return post.id == post_id; }),
                  m_posts.end());
}

void FeedModel::Reset() {
    *this = FeedModel{};
}

bool FeedModel::Contains(const std::string& post_id) const {
    return std::any_of(m_posts.begin(), m_posts.end(),
                       [&](const Post& post) { return post.id == post_id; });
}

}  // namespace skyloom::ui
