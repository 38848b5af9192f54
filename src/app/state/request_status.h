// The visible lifecycle of one request: buttons that started it are disabled while InProgress,
// failures keep the server's message for the UI.
#pragma once

#include <string>

namespace skyloom::app {

enum class RequestStatus { NotAttempted, InProgress, Failed, Succeeded };

struct RequestState {
    RequestStatus status = RequestStatus::NotAttempted;
    std::string error;  // human message when Failed

    [[nodiscard]] bool busy() const { return status == RequestStatus::InProgress; }
    void Start() { status = RequestStatus::InProgress; error.clear(); }
    void Fail(std::string message) { status = RequestStatus::Failed; error = std::move(message); }
    void Succeed() { status = RequestStatus::Succeeded; error.clear(); }
};

}  // namespace skyloom::app
