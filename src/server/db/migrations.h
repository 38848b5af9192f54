// Numbered SQL migrations from src/server/migrations/NNN_name.sql, embedded at build time
// (see src/server/CMakeLists.txt) so the server binary is self-contained.
#pragma once

#include <string>
#include <vector>

namespace skyloom::server {

struct Migration {
    int version;
    std::string name;
    std::string sql;
};

// Sorted by version.
const std::vector<Migration>& EmbeddedMigrations();

}  // namespace skyloom::server
