// Pure parsers turning an HttpResponse into a typed value or a typed Error.
// Transport failures map to code "network_error"; non-2xx answers to the server's error shape.
#pragma once

#include "api/http.h"
#include "model/models.h"

namespace skyloom::api {

[[nodiscard]] Result<User> ParseUserResponse(const HttpResponse& response);  // {user}
[[nodiscard]] Result<AuthSession> ParseSessionResponse(const HttpResponse& response);
[[nodiscard]] Result<Post> ParsePostResponse(const HttpResponse& response);  // {post}
[[nodiscard]] Result<PostPage> ParsePageResponse(const HttpResponse& response);
[[nodiscard]] Result<Media> ParseMediaResponse(const HttpResponse& response);  // {media}
[[nodiscard]] Result<Group> ParseGroupResponse(const HttpResponse& response);  // {group}
[[nodiscard]] Result<std::vector<Group>> ParseGroupListResponse(const HttpResponse& response);
// For answers with no useful body (202, 204, verify's 200).
[[nodiscard]] Result<Unit> ParseEmptyResponse(const HttpResponse& response);

// The Error for a failed response (transport failure or non-2xx); used by the parsers above.
[[nodiscard]] Error ErrorFromResponse(const HttpResponse& response);

}  // namespace skyloom::api
