// Reading query strings and numeric ids without throwing; shared by the route files.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "http/http_types.h"
#include "util/result.h"

namespace skyloom::server {

// Parses the query string; unknown parameters are rejected (400) so typos surface.
[[nodiscard]] Result<std::map<std::string, std::string>> ParseQuery(const RequestHandle& request,
                                                                    std::set<std::string> allowed);
// A positive decimal id of at most 18 digits.
[[nodiscard]] bool ParseId(const std::string& text, int64_t& id);
// The numeric `:id` in the path, or a 404 naming `what`: ids that are not numbers never exist.
[[nodiscard]] Result<int64_t> PathId(const RouteParams& params, const char* what);

}  // namespace skyloom::server
