#include "services/media_service.h"

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

MediaService::MediaService(Database& db, MediaStore& store, Clock& clock)
    : m_db(db), m_store(store), m_clock(clock) {}

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
            "created_at, placeholder, thumb_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .Bind(1, id.value())
        .Bind(2, owner.id)
        .Bind(3, actual)
        .Bind(4, int64_t(info.value().width))
        .Bind(5, int64_t(info.value().height))
        .Bind(6, int64_t(bytes.size()))
        .Bind(7, m_clock.NowMs())
        .Bind(8, placeholder)
        .Bind(9, thumb_id.empty() ? id.value() : thumb_id)
        .Exec();
    // A re-upload restarts the grace period so a fresh draft is not collected under it.
    conn.Prepare("UPDATE media SET created_at = ? WHERE id = ?")
        .Bind(1, m_clock.NowMs())
        .Bind(2, id.value())
        .Exec();
    std::string url_base = "/api/v1/media/";
    return Media{id.value(),
                 url_base + id.value(),
                 actual,
                 static_cast<int>(info.value().width),
                 static_cast<int>(info.value().height),
                 static_cast<int64_t>(bytes.size()),
                 placeholder,
                 url_base + (thumb_id.empty() ? id.value() : thumb_id)};
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
