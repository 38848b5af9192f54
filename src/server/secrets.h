// Server secrets (JWT signing key, code-hash key): from SKYLOOM_JWT_SECRET / SKYLOOM_CODE_SECRET
// when set, otherwise generated once and kept in DATA/secrets (mode 0600) so sessions survive
// restarts.
#pragma once

#include <string>

namespace skyloom::server {

struct Secrets {
    std::string jwt_key;
    std::string code_key;
};

[[nodiscard]] Secrets LoadOrCreateSecrets(const std::string& data_dir);

}  // namespace skyloom::server
