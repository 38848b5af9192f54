#include "model/models.h"

namespace skyloom {
namespace {

// Non-throwing field readers: each returns false when the field is missing or mistyped.
bool ReadString(const Json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return false;
    out = it->get_ref<const std::string&>();
    return true;
}

bool ReadInt(const Json& j, const char* key, int64_t& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return false;
    out = it->get<int64_t>();
    return true;
}

bool ReadBool(const Json& j, const char* key, bool& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_boolean()) return false;
    out = it->get<bool>();
    return true;
}

Error Malformed(const char* what) {
    return Error{"malformed_response", std::string("The server sent an unreadable ") + what, 0};
}

}  // namespace

Json ToJson(const User& user) {
    Json j = {{"id", user.id},
              {"username", user.username},
              {"verified", user.verified},
              {"created_at", user.created_at}};
    if (!user.email.empty()) j["email"] = user.email;
    return j;
}

Json ToJson(const Post& post) {
    return Json{{"id", post.id},
                {"author", {{"username", post.author.username}}},
                {"text", post.text},
                {"sensitive", post.sensitive},
                {"created_at", post.created_at}};
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
    return post;
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
