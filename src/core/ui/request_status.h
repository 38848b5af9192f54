// The status every request in the UI carries (ImHex-style), so the button that started it can
// be disabled with a spinner while it is in flight and its failure can be shown.
#pragma once

#include <string>

#include "util/result.h"

namespace skyloom::ui {

enum class RequestState { kNotAttempted, kInProgress, kFailed, kSucceeded };

struct RequestStatus {
    RequestState state = RequestState::kNotAttempted;
    Error error;  // meaningful when kFailed

    [[nodiscard]] bool in_progress() const { return state == RequestState::kInProgress; }
    [[nodiscard]] bool failed() const { return state == RequestState::kFailed; }
    void Start() {
        state = RequestState::kInProgress;
        error = {};
    }
    void Succeed() { state = RequestState::kSucceeded; }
    void Fail(Error e) {
        state = RequestState::kFailed;
        error = std::move(e);
    }
    void Reset() { *this = RequestStatus{}; }
};

}  // namespace skyloom::ui
