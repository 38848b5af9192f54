// API v1 models of the social side (issue 5): meme templates, notifications and the caller's
// settings, with their JSON mapping. Profiles (UserProfile) and posts' `meme` live in
// models.h. Parsing never throws: every Parse* returns Result.
#pragma once

#include <string>
#include <vector>

#include "meme/meme_spec.h"
#include "model/models.h"

namespace skyloom {

// A published meme template: an image and its default text boxes.
struct MemeTemplate {
    std::string id;
    std::string name;
    MediaRef media;
    std::vector<MemeBox> boxes;
    std::string owner;  // username; empty when the publisher deleted their account
    std::string created_at;
};

struct TemplatePage {
    std::vector<MemeTemplate> items;
    std::string next_cursor;  // empty: no more pages
};

// "new_meme": `actor` posted the meme `post_id` (a creator the user subscribes to).
struct Notification {
    std::string id;
    std::string kind;
    std::string actor;  // username
    std::string post_id;
    std::string text;       // one line for people, e.g. "ada posted a new meme"
    std::string thumb_url;  // the post's image thumbnail, may be empty
    bool read = false;
    std::string created_at;
};

struct NotificationPage {
    std::vector<Notification> items;
    int64_t unread_count = 0;  // over all of the user's notifications, not just this page
    std::string next_cursor;
};

struct UserSettings {
    bool email_notifications = true;  // mail me when a creator I follow posts a meme
    bool blur_sensitive = true;       // blur sensitive images in feeds until clicked (issue 6)
};

[[nodiscard]] Json ToJson(const MediaRef& media);
[[nodiscard]] Json ToJson(const MemeTemplate& tmpl);
[[nodiscard]] Json ToJson(const TemplatePage& page);
[[nodiscard]] Json ToJson(const Notification& notification);
[[nodiscard]] Json ToJson(const NotificationPage& page);
[[nodiscard]] Json ToJson(const UserSettings& settings);
[[nodiscard]] Json ToJson(const UserProfile& profile);

[[nodiscard]] Result<MediaRef> ParseMediaRef(const Json& j);
[[nodiscard]] Result<MemeTemplate> ParseTemplate(const Json& j);
[[nodiscard]] Result<TemplatePage> ParseTemplatePage(const Json& j);
[[nodiscard]] Result<Notification> ParseNotification(const Json& j);
[[nodiscard]] Result<NotificationPage> ParseNotificationPage(const Json& j);
[[nodiscard]] Result<UserSettings> ParseUserSettings(const Json& j);

}  // namespace skyloom
