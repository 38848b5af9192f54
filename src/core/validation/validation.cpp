#include "validation/validation.h"

#include <algorithm>
#include <array>
#include <set>

namespace skyloom {
namespace {

char ToLowerAscii(char c) {
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// A short list of passwords that pass the length rule yet top every breach corpus.
constexpr std::array<std::string_view, 16> kCommonPasswords = {
    "1234567890", "12345678910", "0123456789",  "qwertyuiop", "password123", "password1234",
    "1q2w3e4r5t", "iloveyou12",  "qwerty1234",  "abcdefghij", "passw0rd123", "letmein123",
    "1111111111", "0000000000",  "football123", "welcome123"};

constexpr size_t kMinDistinctPasswordChars = 5;

}  // namespace

std::string NormalizeUsername(std::string_view username) {
    std::string out(username);
    std::transform(out.begin(), out.end(), out.begin(), ToLowerAscii);
    return out;
}

std::vector<RuleStatus> CheckUsername(std::string_view username) {
    bool charset_ok =
        !username.empty() && std::all_of(username.begin(), username.end(), [](char c) {
            c = ToLowerAscii(c);
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        });
    return {
        {"length", "3 to 30 characters",
         username.size() >= kUsernameMinLength && username.size() <= kUsernameMaxLength},
        {"charset", "Only letters, digits and _", charset_ok},
    };
}

bool IsValidUsername(std::string_view username) {
    auto rules = CheckUsername(username);
    return std::all_of(rules.begin(), rules.end(), [](const RuleStatus& r) { return r.passed; });
}

std::string NormalizeEmail(std::string_view email) {
    // Domains are case-insensitive; local parts are kept as typed except for case, which every
    // real provider ignores, so "Ada@X.org" and "ada@x.org" are one account.
    std::string out(email);
    std::transform(out.begin(), out.end(), out.begin(), ToLowerAscii);
    return out;
}

bool IsValidEmail(std::string_view email) {
    if (email.size() < 3 || email.size() > kEmailMaxLength) return false;
    size_t at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at > 64 || email.find('@', at + 1) != email.npos)
        return false;
    std::string_view local = email.substr(0, at);
    std::string_view domain = email.substr(at + 1);
    for (char c : local) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' ||
            c == ';' || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\')
            return false;
    }
    if (local.front() == '.' || local.back() == '.') return false;
    // Domain: dot-separated labels of letters, digits and inner hyphens; at least two labels.
    if (domain.empty() || domain.find('.') == domain.npos) return false;
    size_t start = 0;
    while (start <= domain.size()) {
        size_t dot = domain.find('.', start);
        std::string_view label =
            domain.substr(start, dot == domain.npos ? domain.npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label) {
            c = ToLowerAscii(c);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
        }
        if (dot == domain.npos) break;
        start = dot + 1;
    }
    return true;
}

std::vector<RuleStatus> CheckPassword(std::string_view password, std::string_view username) {
    const size_t length = CountCodePoints(password);
    std::string lowered = NormalizeUsername(password);
    bool equals_username = !username.empty() && lowered == NormalizeUsername(username);
    bool common = std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lowered) !=
                  kCommonPasswords.end();
    std::set<char> distinct(password.begin(), password.end());
    return {
        {"min_length", "At least 10 characters", length >= kPasswordMinLength},
        {"max_length", "At most 256 characters", password.size() <= kPasswordMaxLength},
        {"not_username", "Not your username", !equals_username},
        {"not_common", "Not a well-known password", !common},
        {"varied", "At least 5 different characters", distinct.size() >= kMinDistinctPasswordChars},
    };
}

bool IsValidPassword(std::string_view password, std::string_view username) {
    auto rules = CheckPassword(password, username);
    return std::all_of(rules.begin(), rules.end(), [](const RuleStatus& r) { return r.passed; });
}

bool IsValidUtf8(std::string_view text) {
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        size_t extra;
        uint32_t cp;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= n) return false;
        for (size_t k = 1; k <= extra; ++k) {
            unsigned char cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Reject overlong forms, surrogates and values past U+10FFFF.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) ||
            (extra == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

size_t CountCodePoints(std::string_view utf8) {
    return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool IsValidPostText(std::string_view text) {
    if (!IsValidUtf8(text)) return false;
    size_t count = CountCodePoints(text);
    if (count == 0 || count > kPostMaxChars) return false;
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return !(c == ' ' || c == '\n' || c == '\t' || c == '\r'); });
}

bool IsValidPostBody(std::string_view text, bool has_media) {
    if (!has_media) return IsValidPostText(text);
    return IsValidUtf8(text) && CountCodePoints(text) <= kPostMaxChars;
}

bool IsValidAltText(std::string_view text) {
    return IsValidUtf8(text) && CountCodePoints(text) <= kAltTextMaxChars;
}

bool IsSixDigitCode(std::string_view code) {
    return code.size() == 6 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace skyloom
