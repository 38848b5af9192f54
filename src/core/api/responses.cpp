#include "api/responses.h"

namespace skyloom::api {
namespace {

bool IsSuccess(const HttpResponse& response) {
    return response.status >= 200 && response.status < 300;
}

// Parses a 2xx body and hands the object under `key` (or the whole body when key is null).
template <typename T, typename Parser>
Result<T> ParseBody(const HttpResponse& response, const char* key, Parser parse) {
    if (!IsSuccess(response)) return ErrorFromResponse(response);
    Result<Json> json = ParseJsonText(response.body);
    if (!json)
        return Error{"malformed_response", "The server sent an unreadable answer", response.status};
    const Json& body = json.value();
    if (key == nullptr) return parse(body);
    if (!body.is_object() || !body.contains(key))
        return Error{"malformed_response", "The server's answer lacks its content",
                     response.status};
    return parse(body[key]);
}

}  // namespace

Error ErrorFromResponse(const HttpResponse& response) {
    if (response.status == 0) {
        return Error{"network_error",
                     response.transport_error.empty()
                         ? "Could not reach the server. Check your connection and try again."
                         : "Could not reach the server: " + response.transport_error,
                     0};
    }
    Json body = Json::parse(response.body, nullptr, false);
    return ParseError(body.is_discarded() ? Json() : body, response.status);
}

Result<User> ParseUserResponse(const HttpResponse& response) {
    return ParseBody<User>(response, "user", ParseUser);
}

Result<AuthSession> ParseSessionResponse(const HttpResponse& response) {
    return ParseBody<AuthSession>(response, nullptr, ParseAuthSession);
}

Result<Post> ParsePostResponse(const HttpResponse& response) {
    return ParseBody<Post>(response, "post", ParsePost);
}

Result<PostPage> ParsePageResponse(const HttpResponse& response) {
    return ParseBody<PostPage>(response, nullptr, ParsePostPage);
}

Result<Media> ParseMediaResponse(const HttpResponse& response) {
    return ParseBody<Media>(response, "media", ParseMedia);
}

Result<Group> ParseGroupResponse(const HttpResponse& response) {
    return ParseBody<Group>(response, "group", ParseGroup);
}

Result<std::vector<Group>> ParseGroupListResponse(const HttpResponse& response) {
    return ParseBody<std::vector<Group>>(response, nullptr, ParseGroupList);
}

Result<Unit> ParseEmptyResponse(const HttpResponse& response) {
    if (!IsSuccess(response)) return ErrorFromResponse(response);
    return Unit{};
}

}  // namespace skyloom::api
