// Groups (categories): anyone verified creates one with a unique name; the owner deletes it
// while it has no posts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/models.h"
#include "services/auth_service.h"
#include "util/clock.h"

namespace skyloom::server {

constexpr size_t kGroupNameMin = 2;
constexpr size_t kGroupNameMax = 50;
constexpr size_t kGroupDescriptionMax = 500;

class GroupService {
  public:
    GroupService(Database& db, Clock& clock) : m_db(db), m_clock(clock) {}
    Result<std::vector<Group>> List();
    Result<Group> Get(int64_t id);
    Result<Group> Create(const AuthUser& owner, const std::string& name,
                         const std::string& description);
    Result<Unit> Delete(const AuthUser& user, int64_t id);

  private:
    Database& m_db;
    Clock& m_clock;
};

}  // namespace skyloom::server
