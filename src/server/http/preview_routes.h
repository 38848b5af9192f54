// Shared links that reach the server (GET /p/{id}, GET /u/{name}): a small HTML page with Open
// Graph / Twitter card tags and the content as plain HTML, for link previews, crawlers and
// anyone without WebGL; it links into the app at RouteContext::app_url. The app's hash routes
// (#/post/ID) never reach a server, which is why these exist. Pages: html/preview_page.h.
#pragma once

#include <memory>
#include <vector>

#include "http/routes.h"

namespace skyloom::server {

[[nodiscard]] std::vector<RouteSpec> PreviewRoutes(const std::shared_ptr<RouteContext>& ctx);

// "http(s)://HOST" of this request as the client named it (Host, X-Forwarded-Proto behind a
// proxy); "http://localhost" when the Host header is missing or not a plain host[:port].
[[nodiscard]] std::string RequestOrigin(const RequestHandle& request);

}  // namespace skyloom::server
