// Meme templates: a gallery searched by name (keyset-paginated, newest first) and publishing
// one of your own uploaded images with a default text-box layout.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "model/social.h"
#include "services/auth_service.h"
#include "util/clock.h"

namespace skyloom::server {

constexpr int kDefaultTemplateLimit = 30;
constexpr int kMaxTemplateLimit = 100;
constexpr size_t kTemplateNameMax = 80;    // code points
constexpr size_t kTemplateSearchMax = 80;  // code points of `q`

struct TemplateQuery {
    std::string q;       // name contains (case-insensitive for ASCII); empty: all
    std::string cursor;  // from next_cursor
    int limit = kDefaultTemplateLimit;
};

class TemplateService {
  public:
    TemplateService(Database& db, Clock& clock) : m_db(db), m_clock(clock) {}

    Result<TemplatePage> Page(const TemplateQuery& query);
    Result<MemeTemplate> Get(int64_t id);
    // `media_id` must be an image `owner` uploaded; no boxes: DefaultMemeBoxes().
    Result<MemeTemplate> Create(const AuthUser& owner, const std::string& name,
                                const std::string& media_id,
                                const std::optional<std::vector<MemeBox>>& boxes);
    [[nodiscard]] bool Empty();

  private:
    Database& m_db;
    Clock& m_clock;
};

}  // namespace skyloom::server
