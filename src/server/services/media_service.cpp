#include "services/media_service.h"

#include <fstream>
#include <iterator>
#include <vector>

#include "image/decode.h"
#include "image/encode.h"
#include "image/pipeline.h"
#include "image/placeholder.h"
#include "image/probe.h"
#include "image/resize.h"
#include "services/errors.h"

namespace skyloom::server {
namespace {

std::string BaseMime(const std::string& content_type) {
    std::string mime = content_type.substr(0, content_type.find(';'));
    while (!mime.empty() && mime.back() == ' ') mime.pop_back();
    for (char& c : mime) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return mime;
}

}  // namespace

// Porn + Hentai + Sexy at or above this is blurred in feeds until clicked (issue 6).
constexpr double kSensitiveThreshold = 0.6;

MediaService::MediaService(Database& db, MediaStore& store, Clock& clock)
    : m_db(db), m_store(store), m_clock(clock) {}

MediaService::Classification MediaService::Classify(const image::Image& pixels) const {
    Classification out;
    if (!m_classifier) return out;
    const std::vector<float> probabilities = m_classifier->Probabilities(pixels);
    const auto& names = m_classifier->ClassNames();
    double explicit_sum = 0;
    for (size_t i = 0; i < names.size() && i < probabilities.size(); i++)
        if (names[i] == "Porn" || names[i] == "Hentai" || names[i] == "Sexy")
            explicit_sum += probabilities[i];
    out.sensitive = explicit_sum >= kSensitiveThreshold;
    for (const ml::Label& l : m_classifier->Classify(pixels))
        out.labels.push_back(MediaLabel{l.name, l.probability});
    return out;
}

Result<Media> MediaService::Upload(const AuthUser& owner, std::string_view bytes,
                                   const std::string& content_type) {
    if (!owner.verified) {
        return errors::Forbidden("email_not_verified",
                                 "Verify your email address before uploading");
    }
    std::string declared = BaseMime(content_type);
    if (declared != "image/jpeg" && declared != "image/png") {
        return Error{"unsupported_media_type",
                     "Upload JPEG or PNG bytes with Content-Type image/jpeg or image/png", 415};
    }
    Result<image::ImageInfo> info = image::ProbeImage(bytes);
    if (!info) return info.error();  // carries 413 / 415 / 422
    std::string actual = image::MimeType(info.value().format);
    if (actual != "image/jpeg" && actual != "image/png") {
        return Error{"unsupported_media_type",
                     "Only JPEG and PNG are stored; the app converts other formats first", 415};
    }
    if (actual != declared) {
        return Error{"content_type_mismatch",
                     "The bytes are " + actual + " but the request said " + declared, 415};
    }
    // Decode everything, not just the header: a file that is damaged past its header is refused
    // here instead of failing in every reader's browser. The decoded pixels give the feed its
    // placeholder and thumbnail.
    Result<image::Image> pixels = image::Decode(bytes);
    if (!pixels) return pixels.error();
    std::string placeholder = image::EncodeBlurHash(pixels.value());
    const Classification classification = Classify(pixels.value());
    std::string thumb_id;
    if (pixels.value().width > image::kThumbnailWidth) {
        image::EncodedImage thumb = image::EncodeAuto(
            image::ResizeToWidth(pixels.value(), image::kThumbnailWidth), image::kJpegQuality);
        Result<std::string> stored_thumb = m_store.Put(thumb.bytes);
        if (!stored_thumb) return stored_thumb.error();
        thumb_id = stored_thumb.value();
        image::Size size =
            image::FitWidth(pixels.value().width, pixels.value().height, image::kThumbnailWidth);
        m_db.Conn()
            .Prepare(
                "INSERT OR IGNORE INTO media(id, owner_id, mime, width, height, byte_size, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .Bind(1, thumb_id)
            .Bind(2, owner.id)
            .Bind(3, thumb.mime)
            .Bind(4, int64_t(size.width))
            .Bind(5, int64_t(size.height))
            .Bind(6, int64_t(thumb.bytes.size()))
            .Bind(7, m_clock.NowMs())
            .Exec();
    }
    Result<std::string> id = m_store.Put(bytes);
    if (!id) return id.error();
    Connection& conn = m_db.Conn();
    // INSERT OR IGNORE: the same bytes uploaded twice (by anyone) are one media row.
    conn.Prepare(
            "INSERT OR IGNORE INTO media(id, owner_id, mime, width, height, byte_size, "
            "created_at, placeholder, thumb_id, labels, sensitive) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .Bind(1, id.value())
        .Bind(2, owner.id)
        .Bind(3, actual)
        .Bind(4, int64_t(info.value().width))
        .Bind(5, int64_t(info.value().height))
        .Bind(6, int64_t(bytes.size()))
        .Bind(7, m_clock.NowMs())
        .Bind(8, placeholder)
        .Bind(9, thumb_id.empty() ? id.value() : thumb_id)
        .Bind(10, DumpJson(ToJson(classification.labels)))
        .Bind(11, int64_t(classification.sensitive ? 1 : 0))
        .Exec();
    // A re-upload restarts the grace period so a fresh draft is not collected under it.
    conn.Prepare("UPDATE media SET created_at = ? WHERE id = ?")
        .Bind(1, m_clock.NowMs())
        .Bind(2, id.value())
        .Exec();
    std::string url_base = "/api/v1/media/";
    Media media;
    media.id = id.value();
    media.url = url_base + id.value();
    media.mime = actual;
    media.width = static_cast<int>(info.value().width);
    media.height = static_cast<int>(info.value().height);
    media.byte_size = static_cast<int64_t>(bytes.size());
    media.placeholder = placeholder;
    media.thumb_url = url_base + (thumb_id.empty() ? id.value() : thumb_id);
    media.labels = classification.labels;
    media.sensitive = classification.sensitive;
    return media;
}

Result<Media> MediaService::Labels(const std::string& id) {
    if (!MediaStore::IsValidId(id)) return errors::NotFound("The image");
    Connection& conn = m_db.Conn();
    Statement& stmt = conn.Prepare(
        "SELECT mime, width, height, byte_size, placeholder, labels, sensitive FROM media "
        "WHERE id = ?");
    stmt.Bind(1, id);
    if (!stmt.Step()) return errors::NotFound("The image");
    Media media;
    media.id = id;
    media.url = "/api/v1/media/" + id;
    media.mime = stmt.Text(0);
    media.width = static_cast<int>(stmt.Int(1));
    media.height = static_cast<int>(stmt.Int(2));
    media.byte_size = stmt.Int(3);
    media.placeholder = stmt.IsNull(4) ? "" : stmt.Text(4);
    auto labels = ParseJsonText(stmt.Text(5));
    if (labels) media.labels = ParseLabels(labels.value());
    media.sensitive = stmt.Int(6) != 0;
    stmt.Reset();
    if (!media.labels.empty() || !m_classifier) return media;
    // Uploaded before a model was configured: classify the stored file now and remember it.
    std::ifstream file(m_store.PathFor(id), std::ios::binary);
    if (!file) return errors::NotFound("The image");
    const std::string bytes((std::istreambuf_iterator<char>(file)),
                            std::istreambuf_iterator<char>());
    Result<image::Image> pixels = image::Decode(bytes);
    if (!pixels) return pixels.error();
    const Classification c = Classify(pixels.value());
    media.labels = c.labels;
    media.sensitive = c.sensitive;
    conn.Prepare("UPDATE media SET labels = ?, sensitive = ? WHERE id = ?")
        .Bind(1, DumpJson(ToJson(c.labels)))
        .Bind(2, int64_t(c.sensitive ? 1 : 0))
        .Bind(3, id)
        .Exec();
    return media;
}

Result<MediaService::Stored> MediaService::Find(const std::string& id) {
    if (!MediaStore::IsValidId(id)) return errors::NotFound("The image");
    Statement& stmt = m_db.Conn().Prepare("SELECT mime, byte_size FROM media WHERE id = ?");
    stmt.Bind(1, id);
    if (!stmt.Step()) return errors::NotFound("The image");
    Stored stored{m_store.PathFor(id), stmt.Text(0), stmt.Int(1)};
    stmt.Reset();
    if (!m_store.Exists(id)) return errors::NotFound("The image");
    return stored;
}

int MediaService::CollectGarbage() {
    Connection& conn = m_db.Conn();
    std::vector<std::string> doomed;
    // Referenced: a post's image or meme background, a template's image, or the thumbnail of
    // any of those.
    static const std::string kUnreferenced =
        "NOT EXISTS (SELECT 1 FROM posts WHERE posts.media_id = media.id) AND NOT EXISTS "
        "(SELECT 1 FROM posts WHERE posts.meme_background_id = media.id) AND NOT EXISTS "
        "(SELECT 1 FROM templates WHERE templates.media_id = media.id) AND NOT EXISTS "
        "(SELECT 1 FROM media AS parent WHERE parent.thumb_id = media.id AND ("
        " EXISTS (SELECT 1 FROM posts WHERE posts.media_id = parent.id) OR"
        " EXISTS (SELECT 1 FROM posts WHERE posts.meme_background_id = parent.id) OR"
        " EXISTS (SELECT 1 FROM templates WHERE templates.media_id = parent.id)))";
    Statement& select =
        conn.Prepare("SELECT id FROM media WHERE created_at < ? AND " + kUnreferenced);
    select.Bind(1, m_clock.NowMs() - kMediaGraceMs);
    while (select.Step()) doomed.push_back(select.Text(0));
    int removed = 0;
    for (const std::string& id : doomed) {
        // Re-check inside the delete: a post may have claimed the image meanwhile.
        Statement& del = conn.Prepare("DELETE FROM media WHERE id = ? AND " + kUnreferenced);
        del.Bind(1, id);
        (void)del.Exec();
        if (conn.Changes() > 0) {
            m_store.Remove(id);
            ++removed;
        }
    }
    return removed;
}

}  // namespace skyloom::server
