// Input rules shared by the server (authoritative) and the app (live feedback).
// Each check returns per-rule status so the sign-up screen can show a live checklist.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace skyloom {

constexpr size_t kUsernameMinLength = 3;
constexpr size_t kUsernameMaxLength = 30;
constexpr size_t kPasswordMinLength = 10;
constexpr size_t kPasswordMaxLength = 256;  // argon2 cost is bounded by the input size
constexpr size_t kEmailMaxLength = 254;     // RFC 5321 path limit
constexpr size_t kPostMaxChars = 2000;      // counted in Unicode code points

struct RuleStatus {
    std::string id;     // stable id, e.g. "min_length"
    std::string label;  // e.g. "At least 10 characters"
    bool passed = false;
};

// Usernames are stored lowercase; comparison is case-insensitive.
[[nodiscard]] std::string NormalizeUsername(std::string_view username);
[[nodiscard]] std::vector<RuleStatus> CheckUsername(std::string_view username);
[[nodiscard]] bool IsValidUsername(std::string_view username);

[[nodiscard]] std::string NormalizeEmail(std::string_view email);
[[nodiscard]] bool IsValidEmail(std::string_view email);

[[nodiscard]] std::vector<RuleStatus> CheckPassword(std::string_view password,
                                                    std::string_view username);
[[nodiscard]] bool IsValidPassword(std::string_view password, std::string_view username);

[[nodiscard]] bool IsValidUtf8(std::string_view text);
[[nodiscard]] size_t CountCodePoints(std::string_view utf8);
// Post text: 1..kPostMaxChars code points, valid UTF-8, not only whitespace.
[[nodiscard]] bool IsValidPostText(std::string_view text);
// A post's text when it may carry an image: with an image the text is optional (blank or empty
// is fine), but it is still valid UTF-8 of at most kPostMaxChars code points.
[[nodiscard]] bool IsValidPostBody(std::string_view text, bool has_media);
// An image's alt text (what a screen reader says for it): valid UTF-8 of at most
// kAltTextMaxChars code points; empty means none.
constexpr size_t kAltTextMaxChars = 1000;
[[nodiscard]] bool IsValidAltText(std::string_view text);

[[nodiscard]] bool IsSixDigitCode(std::string_view code);

}  // namespace skyloom
