#include "auth/jwt.h"

#include <nlohmann/json.hpp>

#include "util/crypto.h"

namespace skyloom::server {
namespace {

using Json = nlohmann::json;

constexpr const char* kHeader = R"({"alg":"HS256","typ":"JWT"})";

Error Invalid() {
    return Error{"invalid_token", "The access token is not valid; sign in again", 401};
}

}  // namespace

std::string JwtSigner::Sign(const AccessClaims& claims) const {
    Json payload = {{"sub", std::to_string(claims.user_id)},
                    {"name", claims.username},
                    {"iat", claims.issued_at},
                    {"exp", claims.expires_at},
                    {"typ", "access"}};
    std::string signing_input = Base64UrlEncode(kHeader) + "." + Base64UrlEncode(payload.dump());
    return signing_input + "." + Base64UrlEncode(HmacSha256(m_secret, signing_input));
}

Result<AccessClaims> JwtSigner::Verify(const std::string& token, int64_t now_seconds) const {
    size_t first = token.find('.');
    size_t second = first == std::string::npos ? first : token.find('.', first + 1);
    if (second == std::string::npos || token.find('.', second + 1) != std::string::npos)
        return Invalid();
    std::string header_text, payload_text, signature;
    if (!Base64UrlDecode(std::string_view(token).substr(0, first), header_text) ||
        !Base64UrlDecode(std::string_view(token).substr(first + 1, second - first - 1),
                         payload_text) ||
        !Base64UrlDecode(std::string_view(token).substr(second + 1), signature)) {
        return Invalid();
    }
    Json header = Json::parse(header_text, nullptr, false);
    if (!header.is_object()) return Invalid();
    auto alg = header.find("alg");
    if (alg == header.end() || !alg->is_string() || *alg != "HS256") return Invalid();
    std::string expected = HmacSha256(m_secret, std::string_view(token).substr(0, second));
    if (!ConstantTimeEquals(expected, signature)) return Invalid();

    Json payload = Json::parse(payload_text, nullptr, false);
    if (!payload.is_object()) return Invalid();
    auto sub = payload.find("sub");
    auto exp = payload.find("exp");
    auto typ = payload.find("typ");
    if (sub == payload.end() || !sub->is_string() || exp == payload.end() ||
        !exp->is_number_integer() || typ == payload.end() || *typ != "access") {
        return Invalid();
    }
    AccessClaims claims;
    try {
        claims.user_id = std::stoll(sub->get<std::string>());
    } catch (...) {
        return Invalid();
    }
    claims.expires_at = exp->get<int64_t>();
    claims.issued_at = payload.value("iat", int64_t{0});
    claims.username = payload.value("name", std::string());
    if (now_seconds >= claims.expires_at) {
        return Error{"token_expired", "The access token has expired", 401};
    }
    return claims;
}

}  // namespace skyloom::server
