// Serves the built site (web/dist) at /: index.html for "/", precompressed .br/.gz siblings when
// the browser accepts them, immutable caching for content-hashed names, and nothing outside
// the site directory, whatever the path says.
#pragma once

#include <string>

#include "http/http_types.h"

namespace skyloom::server {

HandlerStatus ServeStaticFile(const RequestHandle& request, const std::string& site_dir);

}  // namespace skyloom::server
