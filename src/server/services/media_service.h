// Image uploads: validate from the header (format, size, dimensions) before storing,
// store content-addressed, record metadata, and collect images no post uses any more.
#pragma once

#include <memory>

#include "image/image.h"    // core
#include "ml/classifier.h"  // core

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

    // The image labeller (issue 6). Without one, uploads carry no labels and nothing is
    // flagged sensitive; the client's own labels are never trusted either way.
    void SetClassifier(std::shared_ptr<const ml::Classifier> classifier) {
        m_classifier = std::move(classifier);
    }
    [[nodiscard]] bool has_classifier() const { return m_classifier != nullptr; }
    // The stored labels of an image (POST /api/v1/ai/classify), classifying it now if it was
    // uploaded before a model was configured.
    Result<Media> Labels(const std::string& id);

  private:
    struct Classification {
        std::vector<MediaLabel> labels;
        bool sensitive = false;
    };
    [[nodiscard]] Classification Classify(const image::Image& pixels) const;

    Database& m_db;
    MediaStore& m_store;
    Clock& m_clock;
    std::shared_ptr<const ml::Classifier> m_classifier;
};

}  // namespace skyloom::server
