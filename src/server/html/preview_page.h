// Server-rendered HTML for shared links (/p/ID, /u/NAME): Open Graph and Twitter card tags for
// link previews in chats and other social sites, the post or profile readable as plain HTML
// (no WebGL, no script), and a link into the app. Pure functions of their inputs, unit-tested
// (tests/unit/preview_page_test.cpp); the routes live in http/preview_routes.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/models.h"

namespace skyloom::server {

struct PreviewLinks {
    std::string origin;   // "https://skyloom.example": absolute og:url and og:image
    std::string app_url;  // the app's page ("https://skyloom.example/"); routes are appended
};

// Text for HTML content and double-quoted attributes: & < > " ' escaped, control characters
// other than tab and newline dropped.
[[nodiscard]] std::string HtmlEscape(std::string_view text);
// At most max_chars code points, cut at a word boundary when one is near, "…" when cut;
// newlines become spaces (a description is one line).
[[nodiscard]] std::string Excerpt(std::string_view text, size_t max_chars);

[[nodiscard]] std::string PostPreviewPage(const Post& post, const PreviewLinks& links);
[[nodiscard]] std::string ProfilePreviewPage(const UserProfile& profile,
                                             const std::vector<Post>& recent,
                                             const PreviewLinks& links);
// The pages' one inline stylesheet (its hash goes in their Content-Security-Policy).
[[nodiscard]] std::string_view PreviewPageStyle();
// The page for a post or person that is not there (deleted, never existed): no preview tags.
[[nodiscard]] std::string NotFoundPreviewPage(std::string_view message, const PreviewLinks& links);

}  // namespace skyloom::server
