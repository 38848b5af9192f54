#include "secrets.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "util/crypto.h"

namespace skyloom::server {

Secrets LoadOrCreateSecrets(const std::string& data_dir) {
    namespace fs = std::filesystem;
    fs::path file = fs::path(data_dir) / "secrets";
    Secrets secrets;
    std::ifstream in(file);
    if (!(in >> secrets.jwt_key >> secrets.code_key)) {
        secrets.jwt_key = RandomToken(32);
        secrets.code_key = RandomToken(32);
        fs::path temp = fs::path(data_dir) / ".secrets.tmp";
        {
            std::ofstream out(temp, std::ios::trunc);
            out << secrets.jwt_key << "\n" << secrets.code_key << "\n";
            if (!out) throw std::runtime_error("cannot write " + temp.string());
        }
        ::chmod(temp.c_str(), 0600);
        fs::rename(temp, file);
    }
    if (const char* jwt = std::getenv("SKYLOOM_JWT_SECRET"); jwt && *jwt) secrets.jwt_key = jwt;
    if (const char* code = std::getenv("SKYLOOM_CODE_SECRET"); code && *code)
        secrets.code_key = code;
    return secrets;
}

}  // namespace skyloom::server
