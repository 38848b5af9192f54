#include "model/social.h"

#include "model/json_read.h"

namespace skyloom {
namespace {

using json_read::Malformed;
using json_read::ReadBool;
using json_read::ReadInt;
using json_read::ReadString;

Json CursorJson(const std::string& cursor) {
    return cursor.empty() ? Json(nullptr) : Json(cursor);
}

template <typename T, typename Parser>
Result<std::vector<T>> ParseItems(const Json& j, const char* what, Parser parse) {
    auto items = j.is_object() ? j.find("items") : j.end();
    if (!j.is_object() || items == j.end() || !items->is_array()) return Malformed(what);
    std::vector<T> out;
    out.reserve(items->size());
    for (const Json& item : *items) {
        Result<T> value = parse(item);
        if (!value) return value.error();
        out.push_back(std::move(value).value());
    }
    return out;
}

}  // namespace

Json ToJson(const MediaRef& media) {
    return Json{{"id", media.id},
                {"url", media.url},
                {"width", media.width},
                {"height", media.height},
                {"placeholder", media.placeholder},
                {"thumb_url", media.thumb_url}};
}

Json ToJson(const MemeTemplate& tmpl) {
    Json boxes = Json::array();
    for (const MemeBox& box : tmpl.boxes) boxes.push_back(ToJson(box));
    Json j{{"id", tmpl.id},
           {"name", tmpl.name},
           {"media", ToJson(tmpl.media)},
           {"boxes", std::move(boxes)},
           {"created_at", tmpl.created_at}};
    j["owner"] = tmpl.owner.empty() ? Json(nullptr) : Json({{"username", tmpl.owner}});
    return j;
}

Json ToJson(const TemplatePage& page) {
    Json items = Json::array();
    for (const MemeTemplate& tmpl : page.items) items.push_back(ToJson(tmpl));
    return Json{{"items", std::move(items)}, {"next_cursor", CursorJson(page.next_cursor)}};
}

Json ToJson(const Notification& n) {
    Json j{{"id", n.id},
           {"kind", n.kind},
           {"actor", {{"username", n.actor}}},
           {"post_id", n.post_id},
           {"text", n.text},
           {"read", n.read},
           {"created_at", n.created_at}};
    j["thumb_url"] = n.thumb_url.empty() ? Json(nullptr) : Json(n.thumb_url);
    return j;
}

Json ToJson(const NotificationPage& page) {
    Json items = Json::array();
    for (const Notification& n : page.items) items.push_back(ToJson(n));
    return Json{{"items", std::move(items)},
                {"unread_count", page.unread_count},
                {"next_cursor", CursorJson(page.next_cursor)}};
}

Json ToJson(const UserSettings& settings) {
    return Json{{"email_notifications", settings.email_notifications},
                {"blur_sensitive", settings.blur_sensitive}};
}

Json ToJson(const UserProfile& profile) {
    // `user` for clients written against DESIGN.md, the flat fields for the portfolio screen.
    return Json{
        {"user", ToJson(profile.user)},          {"username", profile.user.username},
        {"created_at", profile.user.created_at}, {"post_count", profile.post_count},
        {"meme_count", profile.meme_count},      {"subscriber_count", profile.subscriber_count},
        {"subscribed", profile.subscribed}};
}

Result<MediaRef> ParseMediaRef(const Json& j) {
    MediaRef ref;
    int64_t width = 0, height = 0;
    if (!j.is_object() || !ReadString(j, "id", ref.id) || !ReadString(j, "url", ref.url) ||
        !ReadInt(j, "width", width) || !ReadInt(j, "height", height)) {
        return Malformed("image");
    }
    ref.width = static_cast<int>(width);
    ref.height = static_cast<int>(height);
    ReadString(j, "placeholder", ref.placeholder);
    ReadString(j, "thumb_url", ref.thumb_url);
    return ref;
}

Result<MemeTemplate> ParseTemplate(const Json& j) {
    MemeTemplate tmpl;
    if (!j.is_object() || !ReadString(j, "id", tmpl.id) || !ReadString(j, "name", tmpl.name) ||
        !j.contains("media") || !j.contains("boxes")) {
        return Malformed("template");
    }
    Result<MediaRef> media = ParseMediaRef(j["media"]);
    if (!media) return media.error();
    tmpl.media = std::move(media).value();
    Result<std::vector<MemeBox>> boxes = ParseMemeBoxes(j["boxes"]);
    if (!boxes) return Malformed("template layout");
    tmpl.boxes = std::move(boxes).value();
    auto owner = j.find("owner");
    if (owner != j.end() && owner->is_object()) ReadString(*owner, "username", tmpl.owner);
    ReadString(j, "created_at", tmpl.created_at);
    return tmpl;
}

Result<TemplatePage> ParseTemplatePage(const Json& j) {
    auto items = ParseItems<MemeTemplate>(j, "template list", ParseTemplate);
    if (!items) return items.error();
    TemplatePage page;
    page.items = std::move(items).value();
    ReadString(j, "next_cursor", page.next_cursor);
    return page;
}

Result<Notification> ParseNotification(const Json& j) {
    Notification n;
    if (!j.is_object() || !ReadString(j, "id", n.id) || !ReadString(j, "kind", n.kind)) {
        return Malformed("notification");
    }
    auto actor = j.find("actor");
    if (actor != j.end() && actor->is_object()) ReadString(*actor, "username", n.actor);
    ReadString(j, "post_id", n.post_id);
    ReadString(j, "text", n.text);
    ReadString(j, "thumb_url", n.thumb_url);
    ReadBool(j, "read", n.read);
    ReadString(j, "created_at", n.created_at);
    return n;
}

Result<NotificationPage> ParseNotificationPage(const Json& j) {
    auto items = ParseItems<Notification>(j, "notification list", ParseNotification);
    if (!items) return items.error();
    NotificationPage page;
    page.items = std::move(items).value();
    ReadInt(j, "unread_count", page.unread_count);
    ReadString(j, "next_cursor", page.next_cursor);
    return page;
}

Result<UserSettings> ParseUserSettings(const Json& j) {
    UserSettings settings;
    if (!j.is_object() || !ReadBool(j, "email_notifications", settings.email_notifications)) {
        return Malformed("settings");
    }
    // Optional: a server from before migration 011 does not send it (the default stays on).
    if (j.contains("blur_sensitive") && !ReadBool(j, "blur_sensitive", settings.blur_sensitive))
        return Malformed("settings");
    return settings;
}

}  // namespace skyloom
