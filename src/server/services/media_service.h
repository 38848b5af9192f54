// Image uploads: validate from the header (format, size, dimensions) before storing,
// store content-addressed, record metadata, and collect images no post uses any more.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "db/database.h"
#include "media/media_store.h"
#include "model/models.h"
#include "services/auth_service.h"
#include "util/clock.h"

namespace skyloom::server {

// Unreferenced uploads are kept this long (a draft may be posted later) before collection.
constexpr int64_t kMediaGraceMs = 24LL * 3600 * 1000;

class MediaService {
  public:
    MediaService(Database& db, MediaStore& store, Clock& clock);

    // `content_type` is the request's Content-Type; the bytes' magic decides the real format,
    // and both must agree on JPEG or PNG.
    Result<Media> Upload(const AuthUser& owner, std::string_view bytes,
                         const std::string& content_type);
    struct Stored {
        std::string path;
        std::string mime;
        int64_t byte_size = 0;
    };
    Result<Stored> Find(const std::string& id);
    // Deletes media no post references that are older than the grace period; returns how many.
    int CollectGarbage();

  private:
    Database& m_db;
    MediaStore& m_store;
    Clock& m_clock;
};

}  // namespace skyloom::server
