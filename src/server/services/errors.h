// Domain errors with their HTTP status, so handlers stay thin: a service returns Error values
// built here and the HTTP layer writes them as {"error": {...}} with error.http_status.
#pragma once

#include <string>

#include "util/result.h"

namespace skyloom::server::errors {

inline Error BadRequest(std::string code, std::string message) {
    return Error{std::move(code), std::move(message), 400};
}
inline Error Unauthorized(std::string code, std::string message) {
    return Error{std::move(code), std::move(message), 401};
}
inline Error Forbidden(std::string code, std::string message) {
    return Error{std::move(code), std::move(message), 403};
}
inline Error NotFound(std::string what) {
    return Error{"not_found", std::move(what) + " was not found", 404};
}
inline Error Conflict(std::string code, std::string message) {
    return Error{std::move(code), std::move(message), 409};
}
inline Error Unprocessable(std::string code, std::string message) {
    return Error{std::move(code), std::move(message), 422};
}
inline Error TooMany(std::string code, std::string message, int retry_after_s) {
    return Error{std::move(code), std::move(message), 429, retry_after_s};
}

}  // namespace skyloom::server::errors
