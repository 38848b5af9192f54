// Pure builders for every API v1 request: no I/O, no state. Tested natively.
#pragma once

#include <optional>
#include <string>

#include "api/http.h"
#include "meme/meme_spec.h"

namespace skyloom::api {

constexpr const char* kApiPrefix = "/api/v1";

struct PostQuery {
    std::string author;  // username filter, empty: everyone
    std::string cursor;  // from the previous page's next_cursor
    int limit = 20;
    std::string group;       // group id filter, empty: all groups
    bool following = false;  // only creators the caller subscribes to (needs a session)
};

[[nodiscard]] HttpRequest Signup(const std::string& username, const std::string& email,
                                 const std::string& password);
[[nodiscard]] HttpRequest Verify(const std::string& username, const std::string& code);
[[nodiscard]] HttpRequest Resend(const std::string& username);
[[nodiscard]] HttpRequest Login(const std::string& username_or_email, const std::string& password);
[[nodiscard]] HttpRequest Refresh(const std::string& refresh_token);
[[nodiscard]] HttpRequest Logout(const std::string& refresh_token);
[[nodiscard]] HttpRequest Forgot(const std::string& email);
[[nodiscard]] HttpRequest Reset(const std::string& email, const std::string& code,
                                const std::string& new_password);
[[nodiscard]] HttpRequest GetMe();
[[nodiscard]] HttpRequest DeleteMe();
[[nodiscard]] HttpRequest ListPosts(const PostQuery& query);
[[nodiscard]] HttpRequest CreatePost(const std::string& text);

struct NewPost {
    std::string text;
    std::string media_id;            // empty: no image
    std::string group_id;            // empty: no group
    std::optional<MemeSpec> meme{};  // a meme post: media_id is its rendering
    std::string alt_text{};          // the image's description; empty: none
};
[[nodiscard]] HttpRequest CreatePost(const NewPost& post);
// Raw image bytes; mime is "image/jpeg" or "image/png".
[[nodiscard]] HttpRequest UploadMedia(std::string bytes, const std::string& mime);
[[nodiscard]] HttpRequest ListGroups();
[[nodiscard]] HttpRequest CreateGroup(const std::string& name, const std::string& description);
[[nodiscard]] HttpRequest GetGroup(const std::string& id);
[[nodiscard]] HttpRequest DeleteGroup(const std::string& id);
[[nodiscard]] HttpRequest GetPost(const std::string& id);
[[nodiscard]] HttpRequest DeletePost(const std::string& id);

// Adds "Authorization: Bearer <token>".
void Authorize(HttpRequest& request, const std::string& access_token);

// Percent-encodes a query or path component (RFC 3986 unreserved kept).
[[nodiscard]] std::string UrlEncode(const std::string& text);

}  // namespace skyloom::api
