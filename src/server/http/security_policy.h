// The Content-Security-Policy of each kind of answer. The site's policy is written once, in
// web/content-security-policy (embedded at build time), and shared with scripts/deploy-s3 and
// the Amplify and CloudFront configs.
#pragma once

#include <string>
#include <string_view>

namespace skyloom::server {

// web/content-security-policy as a header value: comments dropped, directives joined with
// "; ", and {api} replaced by " " + api_origin (nothing when api_origin is empty).
[[nodiscard]] std::string SitePolicy(std::string_view policy_file, std::string_view api_origin);
[[nodiscard]] std::string SitePolicy(std::string_view api_origin);  // the embedded file

// The origin ("https://api.example:8443") of config.json's api_base when it is an absolute
// http(s) URL, "" when it is relative or empty (the site's own origin) or not valid JSON.
[[nodiscard]] std::string ApiOriginOfConfig(std::string_view config_json);

// Answers that are not pages (JSON, media, errors): nothing may load or frame them.
inline constexpr const char* kLockedDownPolicy = "default-src 'none'; frame-ancestors 'none'";

// The server's own preview pages (/p/ID): their one inline stylesheet, by hash, and images
// from this server; no script at all.
[[nodiscard]] std::string PreviewPagePolicy(std::string_view inline_style);

}  // namespace skyloom::server
