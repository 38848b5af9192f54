#include "http/security_policy.h"

#include <sodium.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <utility>
#include <vector>

namespace skyloom::server {

const std::vector<std::pair<std::string, std::string>>& EmbeddedSecurityPolicyFiles();

std::string SitePolicy(std::string_view policy_file, std::string_view api_origin) {
    std::istringstream lines{std::string(policy_file)};
    std::string line;
    std::string policy;
    const std::string api = api_origin.empty() ? "" : " " + std::string(api_origin);
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') continue;
        for (auto at = line.find("{api}"); at != std::string::npos; at = line.find("{api}"))
            line.replace(at, 5, api);
        if (!policy.empty()) policy += "; ";
        policy += line;
    }
    return policy;
}

std::string SitePolicy(std::string_view api_origin) {
    return SitePolicy(EmbeddedSecurityPolicyFiles().at(0).second, api_origin);
}

std::string ApiOriginOfConfig(std::string_view config_json) {
    const auto config = nlohmann::json::parse(config_json, nullptr, /*allow_exceptions=*/false);
    if (!config.is_object() || !config.contains("api_base") || !config["api_base"].is_string())
        return "";
    // scheme://host[:port], the part a CSP source names; a path after it does not matter.
    static const std::regex kOrigin(R"(^(https?://[A-Za-z0-9.\-]+(:[0-9]+)?)(/.*)?$)");
    std::smatch match;
    const std::string base = config["api_base"];
    return std::regex_match(base, match, kOrigin) ? match[1].str() : "";
}

std::string PreviewPagePolicy(std::string_view inline_style) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(inline_style.data()),
                       inline_style.size());
    char
        base64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(base64, sizeof base64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
    return "default-src 'none'; style-src 'sha256-" + std::string(base64) +
           "'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

}  // namespace skyloom::server
