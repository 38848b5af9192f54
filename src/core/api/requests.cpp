#include "api/requests.h"

#include "model/models.h"

namespace skyloom::api {
namespace {

HttpRequest JsonRequest(const char* method, std::string path, const Json& body) {
    HttpRequest request;
    request.method = method;
    request.path = std::string(kApiPrefix) + path;
    request.body = DumpJson(body);
    request.headers.emplace_back("Content-Type", "application/json");
    return request;
}

HttpRequest BodylessRequest(const char* method, std::string path) {
    HttpRequest request;
    request.method = method;
    request.path = std::string(kApiPrefix) + path;
    return request;
}

}  // namespace

HttpRequest Signup(const std::string& username, const std::string& email,
                   const std::string& password) {
    return JsonRequest("POST", "/auth/signup",
                       {{"username", username}, {"email", email}, {"password", password}});
}

HttpRequest Verify(const std::string& username, const std::string& code) {
    return JsonRequest("POST", "/auth/verify", {{"username", username}, {"code", code}});
}

HttpRequest Resend(const std::string& username) {
    return JsonRequest("POST", "/auth/resend", {{"username", username}});
}

HttpRequest Login(const std::string& username_or_email, const std::string& password) {
    return JsonRequest("POST", "/auth/login",
                       {{"username", username_or_email}, {"password", password}});
}

HttpRequest Refresh(const std::string& refresh_token) {
    return JsonRequest("POST", "/auth/refresh", {{"refresh_token", refresh_token}});
}

HttpRequest Logout(const std::string& refresh_token) {
    return JsonRequest("POST", "/auth/logout", {{"refresh_token", refresh_token}});
}

HttpRequest Forgot(const std::string& email) {
    return JsonRequest("POST", "/auth/forgot", {{"email", email}});
}

HttpRequest Reset(const std::string& email, const std::string& code,
                  const std::string& new_password) {
    return JsonRequest("POST", "/auth/reset",
                       {{"email", email}, {"code", code}, {"new_password", new_password}});
}

HttpRequest GetMe() {
    return BodylessRequest("GET", "/me");
}
HttpRequest DeleteMe() {
    return BodylessRequest("DELETE", "/me");
}

HttpRequest ListPosts(const PostQuery& query) {
    std::string path = "/posts?limit=" + std::to_string(query.limit);
    if (!query.author.empty()) path += "&author=" + UrlEncode(query.author);
    if (!query.group.empty()) path += "&group=" + UrlEncode(query.group);
    if (query.following) path += "&following=1";
    if (!query.cursor.empty()) path += "&cursor=" + UrlEncode(query.cursor);
    return BodylessRequest("GET", path);
}

HttpRequest CreatePost(const std::string& text) {
    return JsonRequest("POST", "/posts", {{"text", text}});
}

HttpRequest CreatePost(const NewPost& post) {
    Json body = {{"text", post.text}};
    if (!post.media_id.empty()) body["media_id"] = post.media_id;
    if (!post.group_id.empty()) body["group_id"] = post.group_id;
    if (post.meme) body["meme"] = ToJson(*post.meme);
    if (!post.alt_text.empty()) body["alt_text"] = post.alt_text;
    return JsonRequest("POST", "/posts", body);
}

HttpRequest UploadMedia(std::string bytes, const std::string& mime) {
    HttpRequest request;
    request.method = "POST";
    request.path = std::string(kApiPrefix) + "/media";
    request.body = std::move(bytes);
    request.headers.emplace_back("Content-Type", mime);
    return request;
}

HttpRequest ListGroups() {
    return BodylessRequest("GET", "/groups");
}

HttpRequest CreateGroup(const std::string& name, const std::string& description) {
    return JsonRequest("POST", "/groups", {{"name", name}, {"description", description}});
}

HttpRequest GetGroup(const std::string& id) {
    return BodylessRequest("GET", "/groups/" + UrlEncode(id));
}

HttpRequest DeleteGroup(const std::string& id) {
    return BodylessRequest("DELETE", "/groups/" + UrlEncode(id));
}

HttpRequest GetPost(const std::string& id) {
    return BodylessRequest("GET", "/posts/" + UrlEncode(id));
}

HttpRequest DeletePost(const std::string& id) {
    return BodylessRequest("DELETE", "/posts/" + UrlEncode(id));
}

void Authorize(HttpRequest& request, const std::string& access_token) {
    for (auto& header : request.headers) {
        if (header.first == "Authorization") {
            header.second = "Bearer " + access_token;
            return;
        }
    }
    request.headers.emplace_back("Authorization", "Bearer " + access_token);
}

std::string UrlEncode(const std::string& text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

}  // namespace skyloom::api
