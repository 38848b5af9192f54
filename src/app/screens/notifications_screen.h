// #/notifications: what happened to creators the user follows ("ada posted a new meme"),
// newest first, unread ones marked; a click opens the post (and marks it read), with
// "Mark read" per item and "Mark all as read". The top bar's bell shows the unread count,
// which the controller polls (state/controller_notifications.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/social.h"  // core: Notification
#include "screens/social_action.h"
#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

struct NotificationsScreen {
    std::vector<Notification> items;  // the first page (refreshed by polls) plus older pages
    int64_t unread = 0;               // over all notifications, for the bell
    std::string next_cursor;          // "" = no more pages
    bool loaded_once = false;
    ui::RequestStatus list_request;  // a poll or the first page
    ui::RequestStatus more_request;  // an older page
    ui::RequestStatus mark_request;  // mark read (one or all)
    std::string marking_id;          // the item being marked ("" = all)
    double last_poll_ms = -1e18;     // platform::NowMs() of the last poll started
    int polls = 0;                   // polls started this session (tests tell them from idle)
};

[[nodiscard]] SocialAction DrawNotificationsScreen(const NotificationsScreen& screen,
                                                   const ui::FontSet& fonts, int64_t now_wall_ms);

}  // namespace skyloom::app
