// What the social screens (portfolio, notifications, settings) and the bell ask the controller
// to do; one action type for the three so the controller has one entry point
// (state/controller_social.cpp and friends).
#pragma once

#include <string>

namespace skyloom::app {

enum class SocialActionKind {
    None,
    // #/u/NAME
    Subscribe,
    Unsubscribe,
    RetryProfile,
    OpenPost,  // post_id
    // #/notifications
    OpenNotification,  // id (marked read) and post_id (opened)
    MarkRead,          // id
    MarkAllRead,
    MoreNotifications,
    RetryNotifications,
    // #/settings
    SetEmailNotifications,  // value
    SetBlurSensitive,       // value
    RetrySettings,
    DeleteInference,  // id
    DeleteAllInferences,
    MoreHistory,
    RetryHistory,
};

struct SocialAction {
    SocialActionKind kind = SocialActionKind::None;
    std::string id;  // a notification or inference id
    std::string post_id;
    bool value = false;
    bool load_more = false;  // the portfolio's reader is near the end of what is loaded
};

}  // namespace skyloom::app
