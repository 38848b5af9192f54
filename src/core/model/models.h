// The API v1 data model shared by the server and the app, with its JSON mapping.
// Parsing never throws (the wasm build has no exceptions): every Parse* returns Result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "meme/meme_spec.h"
#include "util/result.h"

namespace skyloom {

using Json = nlohmann::json;

struct User {
    std::string id;
    std::string username;
    std::string email;  // only present for the user themself (GET /me, login)
    bool verified = false;
    std::string created_at;  // RFC 3339 UTC
};

struct PostAuthor {
    std::string username;
};

// One AI label of an image: a class of the classifier and its probability (0..1).
struct MediaLabel {
    std::string label;
    double probability = 0;
};

struct MediaRef {
    std::string id;   // SHA-256 of the bytes
    std::string url;  // "/api/v1/media/<id>", relative to the API base
    int width = 0;
    int height = 0;
    std::string placeholder;         // BlurHash, may be empty
    std::string thumb_url;           // at most 320 px wide; equals url for small images
    std::vector<MediaLabel> labels;  // the server's classifier, most probable first
    std::string alt;                 // the author's description for screen readers; may be empty
};

struct GroupRef {
    std::string id;
    std::string name;
};

struct Post {
    std::string id;
    PostAuthor author;
    std::string text;
    bool sensitive = false;
    std::string created_at;  // RFC 3339 UTC
    std::optional<MediaRef> media;
    std::optional<GroupRef> group;
    std::optional<MemeSpec> meme{};  // set when the post is a meme (its image is the rendering)
};

struct Group {
    std::string id;
    std::string name;
    std::string description;
    std::string owner;  // username, empty when the owner deleted their account
    int64_t post_count = 0;
    std::string created_at;
};

struct Media {
    std::string id;
    std::string url;
    std::string mime;
    int width = 0;
    int height = 0;
    int64_t byte_size = 0;
    std::string placeholder;
    std::string thumb_url;
    std::vector<MediaLabel> labels;  // top-5 of the server's classifier (empty: no model)
    bool sensitive = false;          // blurred in feeds until clicked
};

struct PostPage {
    std::vector<Post> items;
    std::string next_cursor;  // empty: no more pages
};

struct AuthSession {
    std::string access_token;
    std::string refresh_token;
    int64_t expires_in = 0;  // seconds until the access token expires
    User user;
};

// GET /users/{username}: a creator's portfolio header (see model/social.h for ToJson).
struct UserProfile {
    User user;  // id, username, created_at (never the email)
    int64_t post_count = 0;
    int64_t meme_count = 0;
    int64_t subscriber_count = 0;
    bool subscribed = false;  // by the caller; false when signed out
};

[[nodiscard]] Json ToJson(const User& user);
[[nodiscard]] Json ToJson(const Post& post);
[[nodiscard]] Json ToJson(const PostPage& page);
[[nodiscard]] Json ToJson(const AuthSession& session);
[[nodiscard]] Json ToJson(const Error& error);  // {"error": {"code", "message"}}
[[nodiscard]] Json ToJson(const Group& group);
[[nodiscard]] Json ToJson(const Media& media);
// [{"label": "Neutral", "probability": 0.92}, ...]; unreadable items are skipped.
[[nodiscard]] Json ToJson(const std::vector<MediaLabel>& labels);
[[nodiscard]] std::vector<MediaLabel> ParseLabels(const Json& j);

[[nodiscard]] Result<User> ParseUser(const Json& j);
[[nodiscard]] Result<Post> ParsePost(const Json& j);
[[nodiscard]] Result<PostPage> ParsePostPage(const Json& j);
[[nodiscard]] Result<AuthSession> ParseAuthSession(const Json& j);
[[nodiscard]] Result<UserProfile> ParseUserProfile(const Json& j);
[[nodiscard]] Result<Group> ParseGroup(const Json& j);
[[nodiscard]] Result<std::vector<Group>> ParseGroupList(const Json& j);  // {items: [...]}
[[nodiscard]] Result<Media> ParseMedia(const Json& j);
// Reads {"error": {...}}; falls back to a generic error naming the status.
[[nodiscard]] Error ParseError(const Json& j, int http_status);

// Parses text without throwing; a discarded value becomes a "malformed_json" error.
[[nodiscard]] Result<Json> ParseJsonText(const std::string& text);

// Serializes without throwing even if a string holds invalid UTF-8 (replaced by U+FFFD).
[[nodiscard]] std::string DumpJson(const Json& j);

}  // namespace skyloom
