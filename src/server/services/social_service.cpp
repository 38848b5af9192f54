#include "services/social_service.h"

#include "services/errors.h"
#include "validation/validation.h"

namespace skyloom::server {
namespace {

constexpr const char* kProfileSql =
    "SELECT u.id, u.username, u.verified, u.created_at, "
    "(SELECT COUNT(*) FROM posts p WHERE p.author_id = u.id), "
    "(SELECT COUNT(*) FROM posts p WHERE p.author_id = u.id AND p.meme IS NOT NULL), "
    "(SELECT COUNT(*) FROM subscriptions s WHERE s.creator_id = u.id), "
    "EXISTS (SELECT 1 FROM subscriptions s WHERE s.creator_id = u.id AND s.subscriber_id = ?) "
    "FROM users u WHERE u.username = ?";

}  // namespace

Result<UserProfile> SocialService::Profile(const std::string& username, int64_t viewer_id) {
    Statement& stmt = m_db.Conn().Prepare(kProfileSql);
    stmt.Bind(1, viewer_id).Bind(2, NormalizeUsername(username));
    if (!stmt.Step()) return errors::NotFound("The user");
    UserProfile profile;
    profile.user.id = std::to_string(stmt.Int(0));
    profile.user.username = stmt.Text(1);
    profile.user.verified = stmt.Int(2) != 0;
    profile.user.created_at = FormatRfc3339(stmt.Int(3));
    profile.post_count = stmt.Int(4);
    profile.meme_count = stmt.Int(5);
    profile.subscriber_count = stmt.Int(6);
    profile.subscribed = stmt.Int(7) != 0;
    stmt.Reset();
    return profile;
}

Result<int64_t> SocialService::Creator(const AuthUser& subscriber, const std::string& username) {
    Statement& stmt = m_db.Conn().Prepare("SELECT id FROM users WHERE username = ?");
    stmt.Bind(1, NormalizeUsername(username));
    if (!stmt.Step()) return errors::NotFound("The user");
    int64_t id = stmt.Int(0);
    stmt.Reset();
    if (id == subscriber.id) {
        return errors::Unprocessable("cannot_subscribe_to_self",
                                     "You cannot subscribe to yourself");
    }
    return id;
}

Result<Unit> SocialService::Subscribe(const AuthUser& subscriber, const std::string& creator) {
    Result<int64_t> creator_id = Creator(subscriber, creator);
    if (!creator_id) return creator_id.error();
    // OR IGNORE: subscribing twice is the same as once (PUT is idempotent) and keeps the
    // original date, which decides which memes notify.
    m_db.Conn()
        .Prepare(
            "INSERT OR IGNORE INTO subscriptions(subscriber_id, creator_id, created_at) "
            "VALUES (?, ?, ?)")
        .Bind(1, subscriber.id)
        .Bind(2, creator_id.value())
        .Bind(3, m_clock.NowMs())
        .Exec();
    return Unit{};
}

Result<Unit> SocialService::Unsubscribe(const AuthUser& subscriber, const std::string& creator) {
    Result<int64_t> creator_id = Creator(subscriber, creator);
    if (!creator_id) return creator_id.error();
    m_db.Conn()
        .Prepare("DELETE FROM subscriptions WHERE subscriber_id = ? AND creator_id = ?")
        .Bind(1, subscriber.id)
        .Bind(2, creator_id.value())
        .Exec();
    return Unit{};
}

Result<UserSettings> SocialService::Settings(int64_t user_id) {
    Statement& stmt = m_db.Conn().Prepare(
        "SELECT email_notifications, blur_sensitive FROM user_settings WHERE user_id = ?");
    stmt.Bind(1, user_id);
    UserSettings settings;
    if (stmt.Step()) {
        settings.email_notifications = stmt.Int(0) != 0;
        settings.blur_sensitive = stmt.Int(1) != 0;
        stmt.Reset();
    }
    return settings;
}

Result<UserSettings> SocialService::UpdateSettings(int64_t user_id, bool email_notifications) {
    return UpdateSettings(user_id, email_notifications, std::nullopt);
}

Result<UserSettings> SocialService::UpdateSettings(int64_t user_id,
                                                   std::optional<bool> email_notifications,
                                                   std::optional<bool> blur_sensitive) {
    // COALESCE keeps a field the caller did not send (NULL) at its stored value; a new row
    // starts from the column defaults.
    auto value = [](std::optional<bool> b) { return b ? int64_t(*b ? 1 : 0) : int64_t(-1); };
    m_db.Conn()
        .Prepare(
            "INSERT INTO user_settings(user_id, email_notifications, blur_sensitive) "
            "VALUES (?1, CASE WHEN ?2 < 0 THEN 1 ELSE ?2 END, CASE WHEN ?3 < 0 THEN 1 ELSE ?3 END) "
            "ON CONFLICT(user_id) DO UPDATE SET "
            "email_notifications = CASE WHEN ?2 < 0 THEN email_notifications ELSE ?2 END, "
            "blur_sensitive = CASE WHEN ?3 < 0 THEN blur_sensitive ELSE ?3 END")
        .Bind(1, user_id)
        .Bind(2, value(email_notifications))
        .Bind(3, value(blur_sensitive))
        .Exec();
    return Settings(user_id);
}

}  // namespace skyloom::server
