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

HandlerStatus SendJson(const RequestHandle& request, int status, const std::string& json_text) {
    return request->create_response(StatusLine(status))
        .append_header(restinio::http_field::content_type, "application/json; charset=utf-8")
        .append_header(restinio::http_field::cache_control, "no-store")
        .set_body(json_text)
        .done();
}

HandlerStatus SendError(const RequestHandle& request, const Error& error) {
    int status = error.http_status >= 400 ? error.http_status : 500;
    auto response = request->create_response(StatusLine(status));
    response.append_header(restinio::http_field::content_type, "application/json; charset=utf-8");
    response.append_header(restinio::http_field::cache_control, "no-store");
    if (error.retry_after > 0) {
        response.append_header(restinio::http_field::retry_after,
                               std::to_string(error.retry_after));
    }
    return response.set_body(DumpJson(ToJson(error))).done();
}

HandlerStatus SendEmpty(const RequestHandle& request, int status) {
    return request->create_response(StatusLine(status)).done();
}

}  // namespace skyloom::server
