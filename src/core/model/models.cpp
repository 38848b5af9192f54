#include "model/models.h"

#include "model/json_read.h"

namespace skyloom {
namespace {

using json_read::Malformed;
using json_read::ReadBool;
using json_read::ReadInt;
using json_read::ReadString;

}  // namespace

Json ToJson(const User& user) {
    Json j = {{"id", user.id},
              {"username", user.username},
              {"verified", user.verified},
              {"created_at", user.created_at}};
    if (!user.email.empty()) j["email"] = user.email;
    return j;
}

Json ToJson(const std::vector<MediaLabel>& labels) {
    Json out = Json::array();
    for (const MediaLabel& l : labels)
        out.push_back({{"label", l.label}, {"probability", l.probability}});
    return out;
}

std::vector<MediaLabel> ParseLabels(const Json& j) {
    std::vector<MediaLabel> labels;
    if (!j.is_array()) return labels;
    for (const Json& item : j) {
        MediaLabel l;
        if (!item.is_object() || !ReadString(item, "label", l.label)) continue;
        auto p = item.find("probability");
        if (p != item.end() && p->is_number()) l.probability = p->get<double>();
        labels.push_back(std::move(l));
    }
    return labels;
}

Json ToJson(const Post& post) {
    Json j{{"id", post.id},
           {"author", {{"username", post.author.username}}},
           {"text", post.text},
           {"sensitive", post.sensitive},
           {"created_at", post.created_at}};
    if (post.media) {
        j["media"] = {{"id", post.media->id},
                      {"url", post.media->url},
                      {"width", post.media->width},
                      {"height", post.media->height},
                      {"placeholder", post.media->placeholder},
                      {"thumb_url", post.media->thumb_url},
                      {"labels", ToJson(post.media->labels)},
                      {"alt", post.media->alt}};
    }
    if (post.group) j["group"] = {{"id", post.group->id}, {"name", post.group->name}};
    if (post.meme) j["meme"] = ToJson(*post.meme);
    return j;
}

Json ToJson(const Group& group) {
    Json j{{"id", group.id},
           {"name", group.name},
           {"description", group.description},
           {"post_count", group.post_count},
           {"created_at", group.created_at}};
    j["owner"] = group.owner.empty() ? Json(nullptr) : Json({{"username", group.owner}});
    return j;
}

Json ToJson(const Media& media) {
    return Json{{"id", media.id},
                {"url", media.url},
                {"mime", media.mime},
                {"width", media.width},
                {"height", media.height},
                {"byte_size", media.byte_size},
                {"placeholder", media.placeholder},
                {"thumb_url", media.thumb_url},
                {"labels", ToJson(media.labels)},
                {"sensitive", media.sensitive}};
}

Json ToJson(const PostPage& page) {
    Json items = Json::array();
    for (const Post& post : page.items) items.push_back(ToJson(post));
    Json j = {{"items", std::move(items)}};
    j["next_cursor"] = page.next_cursor.empty() ? Json(nullptr) : Json(page.next_cursor);
    return j;
}

Json ToJson(const AuthSession& session) {
    return Json{{"access_token", session.access_token},
                {"refresh_token", session.refresh_token},
                {"expires_in", session.expires_in},
                {"token_type", "Bearer"},
                {"user", ToJson(session.user)}};
}

Json ToJson(const Error& error) {
    Json body = {{"code", error.code}, {"message", error.message}};
    if (error.retry_after > 0) body["retry_after"] = error.retry_after;
    return Json{{"error", std::move(body)}};
}

Result<User> ParseUser(const Json& j) {
    User user;
    if (!j.is_object() || !ReadString(j, "id", user.id) ||
        !ReadString(j, "username", user.username)) {
        return Malformed("user");
    }
    ReadString(j, "email", user.email);
    ReadBool(j, "verified", user.verified);
    ReadString(j, "created_at", user.created_at);
    return user;
}

Result<Post> ParsePost(const Json& j) {
    Post post;
    if (!j.is_object() || !ReadString(j, "id", post.id) || !ReadString(j, "text", post.text)) {
        return Malformed("post");
    }
    auto author = j.find("author");
    if (author == j.end() || !author->is_object() ||
        !ReadString(*author, "username", post.author.username)) {
        return Malformed("post author");
    }
    ReadBool(j, "sensitive", post.sensitive);
    ReadString(j, "created_at", post.created_at);
    auto media = j.find("media");
    if (media != j.end() && media->is_object()) {
        MediaRef ref;
        int64_t width = 0, height = 0;
        if (!ReadString(*media, "id", ref.id) || !ReadString(*media, "url", ref.url) ||
            !ReadInt(*media, "width", width) || !ReadInt(*media, "height", height)) {
            return Malformed("post image");
        }
        ref.width = static_cast<int>(width);
        ref.height = static_cast<int>(height);
        ReadString(*media, "placeholder", ref.placeholder);
        ReadString(*media, "thumb_url", ref.thumb_url);
        if (auto labels = media->find("labels"); labels != media->end())
            ref.labels = ParseLabels(*labels);
        ReadString(*media, "alt", ref.alt);
        post.media = std::move(ref);
    }
    auto group = j.find("group");
    if (group != j.end() && group->is_object()) {
        GroupRef ref;
        if (!ReadString(*group, "id", ref.id) || !ReadString(*group, "name", ref.name))
            return Malformed("post group");
        post.group = std::move(ref);
    }
    // A meme this client cannot read (a newer server's fields) leaves the post a plain image
    // post instead of failing the whole feed page.
    auto meme = j.find("meme");
    if (meme != j.end() && meme->is_object()) {
        Result<MemeSpec> spec = ParseMemeSpec(*meme);
        if (spec) post.meme = std::move(spec).value();
    }
    return post;
}

Result<Group> ParseGroup(const Json& j) {
    Group group;
    if (!j.is_object() || !ReadString(j, "id", group.id) || !ReadString(j, "name", group.name))
        return Malformed("group");
    ReadString(j, "description", group.description);
    ReadInt(j, "post_count", group.post_count);
    ReadString(j, "created_at", group.created_at);
    auto owner = j.find("owner");
    if (owner != j.end() && owner->is_object()) ReadString(*owner, "username", group.owner);
    return group;
}

Result<std::vector<Group>> ParseGroupList(const Json& j) {
    auto items = j.is_object() ? j.find("items") : j.end();
    if (!j.is_object() || items == j.end() || !items->is_array()) return Malformed("group list");
    std::vector<Group> groups;
    for (const Json& item : *items) {
        Result<Group> group = ParseGroup(item);
        if (!group) return group.error();
        groups.push_back(std::move(group).value());
    }
    return groups;
}

Result<Media> ParseMedia(const Json& j) {
    Media media;
    int64_t width = 0, height = 0;
    if (!j.is_object() || !ReadString(j, "id", media.id) || !ReadString(j, "url", media.url) ||
        !ReadInt(j, "width", width) || !ReadInt(j, "height", height)) {
        return Malformed("image");
    }
    media.width = static_cast<int>(width);
    media.height = static_cast<int>(height);
    ReadString(j, "mime", media.mime);
    ReadInt(j, "byte_size", media.byte_size);
    ReadString(j, "placeholder", media.placeholder);
    ReadString(j, "thumb_url", media.thumb_url);
    if (auto labels = j.find("labels"); labels != j.end()) media.labels = ParseLabels(*labels);
    ReadBool(j, "sensitive", media.sensitive);
    return media;
}

Result<PostPage> ParsePostPage(const Json& j) {
    auto items = j.is_object() ? j.find("items") : j.end();
    if (!j.is_object() || items == j.end() || !items->is_array()) return Malformed("page");
    PostPage page;
    page.items.reserve(items->size());
    for (const Json& item : *items) {
        Result<Post> post = ParsePost(item);
        if (!post) return post.error();
        page.items.push_back(std::move(post).value());
    }
    ReadString(j, "next_cursor", page.next_cursor);  // null or absent: last page
    return page;
}

Result<AuthSession> ParseAuthSession(const Json& j) {
    AuthSession session;
    if (!j.is_object() || !ReadString(j, "access_token", session.access_token) ||
        !ReadString(j, "refresh_token", session.refresh_token) ||
        !ReadInt(j, "expires_in", session.expires_in) || !j.contains("user")) {
        return Malformed("session");
    }
    Result<User> user = ParseUser(j["user"]);
    if (!user) return user.error();
    session.user = std::move(user).value();
    return session;
}

Result<UserProfile> ParseUserProfile(const Json& j) {
    if (!j.is_object() || !j.contains("user")) return Malformed("profile");
    Result<User> user = ParseUser(j["user"]);
    if (!user) return user.error();
    UserProfile profile;
    profile.user = std::move(user).value();
    ReadInt(j, "post_count", profile.post_count);
    ReadInt(j, "meme_count", profile.meme_count);
    ReadInt(j, "subscriber_count", profile.subscriber_count);
    ReadBool(j, "subscribed", profile.subscribed);
    return profile;
}

Error ParseError(const Json& j, int http_status) {
    Error error{"http_" + std::to_string(http_status),
                "The server answered with status " + std::to_string(http_status), http_status};
    if (j.is_object()) {
        auto e = j.find("error");
        if (e != j.end() && e->is_object()) {
            ReadString(*e, "code", error.code);
            ReadString(*e, "message", error.message);
            int64_t retry_after = 0;
            if (ReadInt(*e, "retry_after", retry_after)) error.retry_after = int(retry_after);
        }
    }
    return error;
}

Result<Json> ParseJsonText(const std::string& text) {
    Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Error{"malformed_json", "The body is not valid JSON", 0};
    return j;
}

std::string DumpJson(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace skyloom
