// RESTinio types used across the HTTP layer, and helpers that write JSON answers.
#pragma once

#include <restinio/all.hpp>

#include <functional>
#include <string>

#include "util/result.h"

namespace skyloom::server {

using Router = restinio::router::express_router_t<>;
using RequestHandle = restinio::request_handle_t;
using RouteParams = restinio::router::route_params_t;
using HandlerStatus = restinio::request_handling_status_t;
using RouteHandler = std::function<HandlerStatus(const RequestHandle&, RouteParams)>;

struct ServerTraits : public restinio::default_traits_t {
    using request_handler_t = Router;
};

[[nodiscard]] restinio::http_status_line_t StatusLine(int status);

// Writes `json_text` with the given status and Content-Type: application/json.
HandlerStatus SendJson(const RequestHandle& request, int status, const std::string& json_text);
// Writes {"error": {...}} with error.http_status (500 if unset) and Retry-After when known.
HandlerStatus SendError(const RequestHandle& request, const Error& error);
HandlerStatus SendEmpty(const RequestHandle& request, int status);

}  // namespace skyloom::server
