#include "http/http_types.h"

#include "model/models.h"

namespace skyloom::server {

restinio::http_status_line_t StatusLine(int status) {
    const char* reason = "Unknown";
    switch (status) {
        case 200:
            reason = "OK";
            break;
        case 201:
            reason = "Created";
            break;
        case 202:
            reason = "Accepted";
            break;
        case 204:
            reason = "No Content";
            break;
        case 304:
            reason = "Not Modified";
            break;
        case 400:
            reason = "Bad Request";
            break;
        case 401:
            reason = "Unauthorized";
            break;
        case 403:
            reason = "Forbidden";
            break;
        case 404:
            reason = "Not Found";
            break;
        case 405:
            reason = "Method Not Allowed";
            break;
        case 409:
            reason = "Conflict";
            break;
        case 413:
            reason = "Payload Too Large";
            break;
        case 415:
            reason = "Unsupported Media Type";
            break;
        case 422:
            reason = "Unprocessable Entity";
            break;
        case 429:
            reason = "Too Many Requests";
            break;
        case 500:
            reason = "Internal Server Error";
            break;
        case 502:
            reason = "Bad Gateway";
            break;
        case 503:
            reason = "Service Unavailable";
            break;
    }
    return restinio::http_status_line_t(restinio::http_status_code_t(static_cast<uint16_t>(status)),
                                        reason);
}

namespace {
std::vector<std::string>& CorsOrigins() {
    static std::vector<std::string> origins;
    return origins;
}
}  // namespace

namespace {
bool& Hsts() {
    static bool hsts = false;
    return hsts;
}
std::string& SitePolicyValue() {
    static std::string policy = SitePolicy("");
    return policy;
}
}  // namespace

void SetResponsePolicy(ResponsePolicy policy) {
    CorsOrigins() = std::move(policy.cors_origins);
    Hsts() = policy.hsts;
    if (!policy.site_policy.empty()) SitePolicyValue() = std::move(policy.site_policy);
}

const std::string& SitePolicyHeader() {
    return SitePolicyValue();
}

bool HstsEnabled() {
    return Hsts();
}
bool CorsEnabled() {
    return !CorsOrigins().empty();
}

std::string AllowedOrigin(const RequestHandle& request) {
    if (!CorsEnabled()) return {};
    const auto origin = request->header().opt_value_of(restinio::http_field::origin);
    if (!origin) return {};
    for (const std::string& allowed : CorsOrigins())
        if (*origin == allowed) return allowed;
    return {};
}

HandlerStatus SendPreflight(const RequestHandle& request, const std::string& allow_methods) {
    auto response = NewResponse(request, 204);
    if (!AllowedOrigin(request).empty()) {
        response.append_header(restinio::http_field::access_control_allow_methods, allow_methods);
        response.append_header(restinio::http_field::access_control_allow_headers,
                               "authorization, content-type, if-none-match, range");
        response.append_header(restinio::http_field::access_control_max_age, "600");
    }
    return response.done();
}

HandlerStatus SendJson(const RequestHandle& request, int status, const std::string& json_text) {
    return NewResponse(request, status)
        .append_header(restinio::http_field::content_type, "application/json; charset=utf-8")
        .append_header(restinio::http_field::cache_control, "no-store")
        .set_body(json_text)
        .done();
}

HandlerStatus SendError(const RequestHandle& request, const Error& error) {
    int status = error.http_status >= 400 ? error.http_status : 500;
    auto response = NewResponse(request, status);
    response.append_header(restinio::http_field::content_type, "application/json; charset=utf-8");
    response.append_header(restinio::http_field::cache_control, "no-store");
    if (error.retry_after > 0) {
        response.append_header(restinio::http_field::retry_after,
                               std::to_string(error.retry_after));
    }
    return response.set_body(DumpJson(ToJson(error))).done();
}

HandlerStatus SendEmpty(const RequestHandle& request, int status) {
    return NewResponse(request, status).done();
}

}  // namespace skyloom::server
