// RESTinio types used across the HTTP layer, and helpers that write JSON answers.
#pragma once

#include <restinio/all.hpp>

#include <functional>
#include <string>
#include <vector>

#include "http/security_policy.h"
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

// ---- Headers every response carries ------------------------------------------------------
// Set once at start-up (from ServerConfig), read by every response.
struct ResponsePolicy {
    std::vector<std::string> cors_origins;  // origins granted CORS ("https://app.example")
    bool hsts = false;                      // Strict-Transport-Security (behind TLS only)
    std::string site_policy;                // the CSP of the site's files (SitePolicy)
};
void SetResponsePolicy(ResponsePolicy policy);
[[nodiscard]] bool HstsEnabled();
[[nodiscard]] bool CorsEnabled();
// The Content-Security-Policy for web/dist's files, as set at start-up.
[[nodiscard]] const std::string& SitePolicyHeader();
// The request's Origin when it is one of the configured CORS origins, else "".
[[nodiscard]] std::string AllowedOrigin(const RequestHandle& request);

// Adds what every answer carries: X-Content-Type-Options: nosniff, a Referrer-Policy, a
// Content-Security-Policy (`csp`: locked down unless the answer is a page), HSTS when on, and
// for an allowed origin the CORS grant (Access-Control-Allow-Origin, Vary: Origin and the
// headers the app reads). Call on every response builder, errors and media included.
template <typename Builder>
Builder& WithCommonHeaders(const RequestHandle& request, Builder& response,
                           std::string_view csp = kLockedDownPolicy);

// request->create_response(StatusLine(status)) with the common headers.
template <typename Output = restinio::restinio_controlled_output_t>
[[nodiscard]] restinio::response_builder_t<Output> NewResponse(
    const RequestHandle& request, int status, std::string_view csp = kLockedDownPolicy) {
    auto response = request->create_response<Output>(StatusLine(status));
    WithCommonHeaders(request, response, csp);
    return response;
}

// Answers a CORS preflight (OPTIONS) for a path serving `allow_methods` ("GET, POST"): 204, and
// for an allowed origin the methods, the request headers the app sends and a Max-Age.
HandlerStatus SendPreflight(const RequestHandle& request, const std::string& allow_methods);

template <typename Builder>
Builder& WithCommonHeaders(const RequestHandle& request, Builder& response, std::string_view csp) {
    response.append_header("X-Content-Type-Options", "nosniff");
    response.append_header("Referrer-Policy", "strict-origin-when-cross-origin");
    response.append_header("Content-Security-Policy", std::string(csp));
    if (HstsEnabled())
        response.append_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    const std::string origin = AllowedOrigin(request);
    if (!origin.empty()) {
        response.append_header(restinio::http_field::access_control_allow_origin, origin);
        response.append_header("Access-Control-Expose-Headers",
                               "Retry-After, ETag, Content-Range, Content-Length");
    }
    // Answers differ by Origin whenever any origin is granted: caches must keep them apart.
    if (CorsEnabled()) response.append_header(restinio::http_field::vary, "Origin");
    return response;
}

// Writes `json_text` with the given status and Content-Type: application/json.
HandlerStatus SendJson(const RequestHandle& request, int status, const std::string& json_text);
// Writes {"error": {...}} with error.http_status (500 if unset) and Retry-After when known.
HandlerStatus SendError(const RequestHandle& request, const Error& error);
HandlerStatus SendEmpty(const RequestHandle& request, int status);

}  // namespace skyloom::server
