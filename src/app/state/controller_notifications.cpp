// Controller: the notification bell. One poll (the first page, which carries the unread count)
// at sign-in, every kNotificationPollMs while signed in, on focus, and when the list opens.
// The timer only posts work to the main loop, so an idle page renders one frame per poll and a
// hidden page none until it shows again.
#include <algorithm>

#include "platform/platform.h"
#include "state/controller.h"

namespace skyloom::app {

void Controller::StartNotificationPolling() {
    const uint64_t generation = ++m_poll_generation;
    PollNotifications();
    // A chain of one-shot timers; a new session or sign-out bumps the generation and ends it.
    struct Tick {
        Controller* self;
        uint64_t generation;
        void operator()() const {
            if (self->m_poll_generation != generation || !self->m_state.user) return;
            self->PollNotifications();
            platform::SetTimeout(kNotificationPollMs, Tick{self, generation});
        }
    };
    platform::SetTimeout(kNotificationPollMs, Tick{this, generation});
}

void Controller::OnFocus() {
    if (!m_state.user) return;
    if (platform::NowMs() - m_state.notifications.last_poll_ms < kFocusPollMinMs) return;
    PollNotifications();
}

void Controller::PollNotifications() {
    NotificationsScreen& n = m_state.notifications;
    if (!m_state.user || n.list_request.in_progress()) return;
    n.list_request.Start();
    n.last_poll_ms = platform::NowMs();
    n.polls++;
    m_state.requests_in_flight++;
    const std::string user = *m_state.user;
    api::NotificationQuery query;
    m_client.ListNotifications(query, [this, user](Result<NotificationPage> result) {
        m_state.requests_in_flight--;
        NotificationsScreen& list = m_state.notifications;
        if (!m_state.user || *m_state.user != user) return;  // another session now
        if (!result) {
            FailRequest(list.list_request, result.error());
            return;
        }
        list.list_request.Succeed();
        NotificationPage& page = result.value();
        list.unread = page.unread_count;
        // The first page replaces the newest items; older pages already loaded stay below.
        std::vector<Notification> older;
        if (list.loaded_once && !page.items.empty()) {
            // Ids are decimal and increasing: shorter means smaller, else compare as text.
            const std::string& oldest_new = page.items.back().id;
            auto keep = std::find_if(list.items.begin(), list.items.end(), [&](const auto& item) {
                return item.id.size() < oldest_new.size() ||
                       (item.id.size() == oldest_new.size() && item.id < oldest_new);
            });
            older.assign(keep, list.items.end());
        }
        if (older.empty()) list.next_cursor = page.next_cursor;
        list.items = std::move(page.items);
        list.items.insert(list.items.end(), older.begin(), older.end());
        list.loaded_once = true;
    });
}

void Controller::LoadMoreNotifications() {
    NotificationsScreen& n = m_state.notifications;
    if (n.more_request.in_progress() || n.next_cursor.empty()) return;
    n.more_request.Start();
    m_state.requests_in_flight++;
    api::NotificationQuery query;
    query.cursor = n.next_cursor;
    m_client.ListNotifications(query, [this](Result<NotificationPage> result) {
        m_state.requests_in_flight--;
        NotificationsScreen& list = m_state.notifications;
        if (!result) {
            FailRequest(list.more_request, result.error());
            return;
        }
        list.more_request.Succeed();
        list.unread = result.value().unread_count;
        for (Notification& item : result.value().items) {
            const bool present = std::any_of(list.items.begin(), list.items.end(),
                                             [&](const auto& i) { return i.id == item.id; });
            if (!present) list.items.push_back(std::move(item));
        }
        list.next_cursor = result.value().next_cursor;
    });
}

void Controller::MarkNotificationsRead(const std::string& id) {
    NotificationsScreen& n = m_state.notifications;
    if (n.mark_request.in_progress()) return;
    if (!id.empty()) {
        auto it = std::find_if(n.items.begin(), n.items.end(),
                               [&](const Notification& item) { return item.id == id; });
        if (it != n.items.end() && it->read) return;  // nothing to tell the server
    }
    n.mark_request.Start();
    n.marking_id = id;
    m_state.requests_in_flight++;
    auto done = [this, id](Result<int64_t> result) {
        m_state.requests_in_flight--;
        NotificationsScreen& list = m_state.notifications;
        list.marking_id.clear();
        if (!result) {
            FailRequest(list.mark_request, result.error());
            return;
        }
        list.mark_request.Succeed();
        list.unread = result.value();
        for (Notification& item : list.items)
            if (id.empty() || item.id == id) item.read = true;
    };
    if (id.empty())
        m_client.MarkAllNotificationsRead(done);
    else
        m_client.MarkNotificationsRead({id}, done);
}

}  // namespace skyloom::app
