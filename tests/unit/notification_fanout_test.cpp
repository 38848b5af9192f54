// NotificationService's fan-out in process: a job left by a "crashed" server is resumed at
// start, runs in batches past kFanoutBatch, mails only subscribers with a verified address and
// email on, and a replayed job writes no second row and sends no second mail.
#include "services/notification_service.h"

#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "server_fixture.h"

namespace skyloom::server {
namespace {

using testing::ServiceFixture;

struct MailLog {
    std::mutex mutex;
    std::map<std::string, int> per_address;
    int total = 0;
};

class CountingMailer final : public Mailer {
  public:
    explicit CountingMailer(std::shared_ptr<MailLog> log) : m_log(std::move(log)) {}
    Result<Unit> Send(const MailMessage& message) override {
        std::lock_guard lock(m_log->mutex);
        ++m_log->per_address[message.to];
        ++m_log->total;
        return Unit{};
    }

  private:
    std::shared_ptr<MailLog> m_log;
};

int64_t Count(Database& db, const std::string& sql) {
    Statement& stmt = db.Conn().Prepare(sql);
    int64_t n = stmt.Step() ? stmt.Int(0) : -1;
    stmt.Reset();
    return n;
}

// Waits until the job queue is empty (the fan-out thread finished).
void WaitForJobs(Database& db) {
    for (int i = 0; i < 500 && Count(db, "SELECT COUNT(*) FROM fanout_jobs") > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

TEST(NotificationFanout, ResumesLeftoverJobsInBatchesAndNeverMailsTwice) {
    ServiceFixture f;
    AuthUser ada = f.SignupVerified("ada");
    Database& db = *f.db;
    const int subscribers = kFanoutBatch * 2 + 200;  // three batches
    {
        Connection& conn = db.Conn();
        Transaction tx(conn);
        for (int i = 1; i <= subscribers; ++i) {
            std::string name = "fan" + std::to_string(i);
            conn.Prepare(
                    "INSERT INTO users(username, email, password_hash, verified, created_at) "
                    "VALUES (?, ?, 'x', ?, 0)")
                .Bind(1, name)
                .Bind(2, name + "@example.org")
                .Bind(3, int64_t(i == 2 ? 0 : 1))  // fan2 never verified their address
                .Exec();
            conn.Prepare(
                    "INSERT INTO subscriptions(subscriber_id, creator_id, created_at) "
                    "VALUES (?, ?, 0)")
                .Bind(1, conn.LastInsertId())
                .Bind(2, ada.id)
                .Exec();
        }
        conn.ExecScript(
            "INSERT INTO user_settings(user_id, email_notifications) "
            "SELECT id, 0 FROM users WHERE username = 'fan3'");
        conn.ExecScript(
            "INSERT INTO media(id, owner_id, mime, width, height, byte_size, "
            "created_at) VALUES ('" +
            std::string(64, 'a') +
            "', NULL, 'image/png', "
            "10, 10, 1, 0)");
        tx.Commit();
    }
    // The post commits its job; no NotificationService runs yet (the server "crashed").
    PostService::NewPost post;
    post.text = "meme";
    post.media_id = std::string(64, 'a');
    MemeSpec meme;
    meme.background.media_id = post.media_id;
    post.meme = meme;
    auto created = f.posts->Create(ada, post);
    ASSERT_TRUE(created.ok()) << created.error().message;
    ASSERT_EQ(Count(db, "SELECT COUNT(*) FROM fanout_jobs"), 1);

    auto log = std::make_shared<MailLog>();
    {
        MailQueue mail(std::make_unique<CountingMailer>(log));
        NotificationService service(db, f.clock, mail);  // "restart": resumes the job
        WaitForJobs(db);
    }  // the queue drains on destruction
    EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM notifications"), subscribers);
    EXPECT_EQ(log->total, subscribers - 2);  // not fan2 (unverified) nor fan3 (email off)
    EXPECT_EQ(log->per_address.count("fan2@example.org"), 0u);
    EXPECT_EQ(log->per_address.count("fan3@example.org"), 0u);
    for (const auto& [address, count] : log->per_address) EXPECT_EQ(count, 1) << address;

    // Replaying the same job (as after a crash mid-batch) adds no row and no mail.
    db.Conn()
        .Prepare("INSERT INTO fanout_jobs(post_id, next_subscriber, created_at) VALUES (?, 0, 0)")
        .Bind(1, std::stoll(created.value().id))
        .Exec();
    {
        MailQueue mail(std::make_unique<CountingMailer>(log));
        NotificationService service(db, f.clock, mail);
        service.Wake();
        WaitForJobs(db);
    }
    EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM notifications"), subscribers);
    EXPECT_EQ(log->total, subscribers - 2);

    // The list, unread count and marking read work on the written rows.
    AuthUser fan1{Count(db, "SELECT id FROM users WHERE username = 'fan1'"), "fan1", true};
    NotificationService reader(db, f.clock, *f.mail);
    auto page = reader.Page(fan1, "", 10);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page.value().items.size(), 1u);
    EXPECT_EQ(page.value().items[0].actor, "ada");
    EXPECT_EQ(page.value().unread_count, 1);
    auto left = reader.MarkRead(fan1, {page.value().items[0].id});
    ASSERT_TRUE(left.ok());
    EXPECT_EQ(left.value(), 0);
}

}  // namespace
}  // namespace skyloom::server
