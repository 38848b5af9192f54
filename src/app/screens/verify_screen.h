// Verify: the 6-digit code from the sign-up email. A code pasted anywhere on the screen fills
// the field and submits; Resend shows the server's cooldown as a live countdown.
#pragma once

#include <string>

#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

constexpr int kCodeDigits = 6;
// The server's resend cooldown after a code was mailed; a 429's retry_after overrides it.
constexpr double kResendCooldownMs = 60000.0;

struct VerifyScreen {
    std::string username;  // whose code; asked for when unknown (page reloaded)
    std::string email;     // shown in the subtitle when known
    std::string code;
    bool focus_code = true;
    bool pasted = false;  // a paste filled the code this frame: drop ImGui's own copy
    std::string username_error;
    std::string code_error;     // inline, under the field
    ui::RequestStatus request;  // verify (and the sign-in that follows it)
    ui::RequestStatus resend;
    double resend_at_ms = 0;  // platform::NowMs() when Resend becomes possible
    std::string notice;       // "We sent a new code ..." (success note)
    float card_height = 0;
};

enum class VerifyAction { None, Submit, Resend, GoToSignIn };

// Keeps only digits, at most kCodeDigits: "123 456" and "Your code: 123456." both give "123456".
// Inline so the controller (and its native unit tests) need nothing that draws.
[[nodiscard]] inline std::string ExtractCode(const std::string& text) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') digits += c;
        if (digits.size() == static_cast<size_t>(kCodeDigits)) break;
    }
    return digits;
}

[[nodiscard]] VerifyAction DrawVerifyScreen(VerifyScreen& screen, const ui::FontSet& fonts,
                                            double now_ms);

}  // namespace skyloom::app
