#include "services/notification_service.h"

#include <chrono>
#include <cstdio>

#include "services/errors.h"
#include "services/id_cursor.h"

namespace skyloom::server {
namespace {

constexpr char kCursorPrefix = 'n';
// After a database fault the worker pauses this long before retrying its job.
constexpr std::chrono::seconds kRetryPause{1};
constexpr size_t kMailExcerptChars = 280;  // bytes of the post text quoted in the email

Notification ReadNotification(const Statement& stmt) {
    Notification n;
    n.id = std::to_string(stmt.Int(0));
    n.kind = stmt.Text(1);
    n.actor = stmt.Text(2);
    n.post_id = stmt.IsNull(3) ? "" : std::to_string(stmt.Int(3));
    n.created_at = FormatRfc3339(stmt.Int(4));
    n.read = !stmt.IsNull(5);
    if (!stmt.IsNull(6)) n.thumb_url = "/api/v1/media/" + stmt.Text(6);
    n.text = n.actor + " posted a new meme";
    return n;
}

// Cuts at a UTF-8 boundary so the excerpt stays valid text.
std::string Excerpt(const std::string& text) {
    if (text.size() <= kMailExcerptChars) return text;
    size_t cut = kMailExcerptChars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "...";
}

MailMessage MemeMail(const std::string& to, const std::string& actor, const std::string& text,
                     int64_t post_id) {
    MailMessage mail;
    mail.to = to;
    mail.subject = actor + " posted a new meme on Skyloom";
    mail.body = actor + " just posted a new meme (post " + std::to_string(post_id) + ")";
    mail.body += text.empty() ? ".\n" : ":\n\n    " + Excerpt(text) + "\n";
    mail.body += "\nYou get this email because you subscribe to " + actor +
                 ". To stop these emails, turn off email notifications in your Skyloom settings.\n";
    return mail;
}

}  // namespace

NotificationService::NotificationService(Database& db, Clock& clock, MailQueue& mail)
    : m_db(db), m_clock(clock), m_mail(mail), m_thread([this] { Run(); }) {}

NotificationService::~NotificationService() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void NotificationService::Wake() {
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

void NotificationService::Run() {
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || m_pending; });
            if (m_stopping) return;
            m_pending = false;
        }
        try {
            for (;;) {
                {
                    std::lock_guard lock(m_mutex);
                    if (m_stopping) return;
                }
                if (!RunBatch()) break;
            }
        } catch (const std::exception& e) {
            // Disk full, lock timeout...: the job is still queued; try again shortly.
            std::fprintf(stderr, "notifications: fan-out failed, retrying: %s\n", e.what());
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, kRetryPause, [this] { return m_stopping; });
            m_pending = true;
        }
    }
}

bool NotificationService::RunBatch() {
    Connection& conn = m_db.Conn();
    Statement& next = conn.Prepare(
        "SELECT j.post_id, j.next_subscriber, p.author_id, u.username, p.text, p.created_at "
        "FROM fanout_jobs j JOIN posts p ON p.id = j.post_id JOIN users u ON u.id = p.author_id "
        "ORDER BY j.created_at, j.post_id LIMIT 1");
    if (!next.Step()) return false;
    Job job{next.Int(0), next.Int(1)};
    const int64_t author_id = next.Int(2);
    const std::string actor = next.Text(3);
    const std::string text = next.Text(4);
    const int64_t posted_at = next.Int(5);
    next.Reset();

    struct Subscriber {
        int64_t id;
        std::string email;
        bool mail;  // verified address and email notifications on
    };
    std::vector<Subscriber> batch;
    std::vector<MailMessage> mails;
    const int64_t now = m_clock.NowMs();
    {
        Transaction tx(conn);
        // Subscribers from before the post only: subscribing later does not notify of it.
        Statement& subs = conn.Prepare(
            "SELECT s.subscriber_id, u.email, u.verified, COALESCE(st.email_notifications, 1) "
            "FROM subscriptions s JOIN users u ON u.id = s.subscriber_id "
            "LEFT JOIN user_settings st ON st.user_id = s.subscriber_id "
            "WHERE s.creator_id = ? AND s.subscriber_id > ? AND s.created_at <= ? "
            "ORDER BY s.subscriber_id LIMIT ?");
        subs.Bind(1, author_id).Bind(2, job.next_subscriber).Bind(3, posted_at);
        subs.Bind(4, int64_t(kFanoutBatch));
        while (subs.Step()) {
            batch.push_back(
                Subscriber{subs.Int(0), subs.Text(1), subs.Int(2) != 0 && subs.Int(3) != 0});
        }
        Statement& insert = conn.Prepare(
            "INSERT OR IGNORE INTO notifications(user_id, kind, actor_id, post_id, created_at) "
            "VALUES (?, 'new_meme', ?, ?, ?)");
        for (const Subscriber& s : batch) {
            insert.Bind(1, s.id).Bind(2, author_id).Bind(3, job.post_id).Bind(4, now).Exec();
            // Only a row written now gets mail: a replayed batch never mails anyone twice.
            if (conn.Changes() > 0 && s.mail) {
                mails.push_back(MemeMail(s.email, actor, text, job.post_id));
            }
        }
        if (static_cast<int>(batch.size()) < kFanoutBatch) {
            conn.Prepare("DELETE FROM fanout_jobs WHERE post_id = ?").Bind(1, job.post_id).Exec();
        } else {
            conn.Prepare("UPDATE fanout_jobs SET next_subscriber = ? WHERE post_id = ?")
                .Bind(1, batch.back().id)
                .Bind(2, job.post_id)
                .Exec();
        }
        tx.Commit();
    }
    for (MailMessage& mail : mails) m_mail.Enqueue(std::move(mail));
    return true;
}

int64_t NotificationService::UnreadCount(int64_t user_id) {
    Statement& stmt = m_db.Conn().Prepare(
        "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL");
    stmt.Bind(1, user_id);
    int64_t count = stmt.Step() ? stmt.Int(0) : 0;
    stmt.Reset();
    return count;
}

Result<NotificationPage> NotificationService::Page(const AuthUser& user, const std::string& cursor,
                                                   int limit) {
    int64_t before_id = INT64_MAX;
    if (!cursor.empty() && !DecodeIdCursor(kCursorPrefix, cursor, before_id)) {
        return errors::BadRequest("invalid_cursor", "The cursor is not one this server issued");
    }
    if (limit < 1 || limit > kMaxNotificationLimit) {
        return errors::BadRequest("invalid_limit", "limit must be between 1 and 100");
    }
    Statement& stmt = m_db.Conn().Prepare(
        "SELECT n.id, n.kind, a.username, n.post_id, n.created_at, n.read_at, m.thumb_id "
        "FROM notifications n LEFT JOIN users a ON a.id = n.actor_id "
        "LEFT JOIN posts p ON p.id = n.post_id LEFT JOIN media m ON m.id = p.media_id "
        "WHERE n.user_id = ? AND n.id < ? ORDER BY n.id DESC LIMIT ?");
    stmt.Bind(1, user.id).Bind(2, before_id).Bind(3, int64_t(limit + 1));
    NotificationPage page;
    while (stmt.Step()) page.items.push_back(ReadNotification(stmt));
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next_cursor = EncodeIdCursor(kCursorPrefix, std::stoll(page.items.back().id));
    }
    page.unread_count = UnreadCount(user.id);
    return page;
}

Result<int64_t> NotificationService::MarkRead(const AuthUser& user,
                                              const std::vector<std::string>& ids) {
    if (ids.size() > kMaxMarkReadIds) {
        return errors::Unprocessable("too_many_ids", "Mark at most 500 notifications at once");
    }
    Connection& conn = m_db.Conn();
    {
        Transaction tx(conn);
        Statement& update = conn.Prepare(
            "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS "
            "NULL");
        const int64_t now = m_clock.NowMs();
        for (const std::string& id : ids) {
            int64_t value = 0;
            if (!DecodeDecimalId(id, value)) continue;  // ids that are not numbers never exist
            update.Bind(1, now).Bind(2, value).Bind(3, user.id).Exec();
        }
        tx.Commit();
    }
    return UnreadCount(user.id);
}

Result<int64_t> NotificationService::MarkAllRead(const AuthUser& user) {
    m_db.Conn()
        .Prepare("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
        .Bind(1, m_clock.NowMs())
        .Bind(2, user.id)
        .Exec();
    return UnreadCount(user.id);
}

}  // namespace skyloom::server
