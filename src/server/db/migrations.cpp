#include "db/migrations.h"

#include <cstdlib>
#include <utility>

namespace skyloom::server {

// Generated from src/server/migrations/*.sql.
const std::vector<std::pair<std::string, std::string>>& EmbeddedMigrationFiles();

const std::vector<Migration>& EmbeddedMigrations() {
    static const std::vector<Migration> migrations = [] {
        std::vector<Migration> out;
        for (const auto& [file, sql] : EmbeddedMigrationFiles()) {
            // "001_init.sql" -> version 1, name "init"
            size_t underscore = file.find('_');
            size_t dot = file.rfind('.');
            out.push_back(Migration{std::atoi(file.substr(0, underscore).c_str()),
                                    file.substr(underscore + 1, dot - underscore - 1), sql});
        }
        return out;
    }();
    return migrations;
}

}  // namespace skyloom::server
