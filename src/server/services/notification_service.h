// In-app notifications and their fan-out.
//
// Fan-out: PostService writes a `fanout_jobs` row in the same transaction as a meme post and
// calls Wake(); the HTTP answer does not wait for anything else. One background thread here
// takes jobs oldest first and, in batches of kFanoutBatch subscribers, writes one
// notification row per subscriber (INSERT OR IGNORE on (user, post, kind)), advances the
// job's cursor (or deletes the job after the last batch) in the same transaction, then hands
// one email per *newly inserted* row of a subscriber with email notifications on to the
// MailQueue. A crash replays at most the uncommitted batch, and only rows that did not exist
// get mail, so nobody is mailed twice; mail still in the in-memory MailQueue at a crash is
// lost (the notification row stays). Pending jobs are resumed at start.
//
//   NotificationService notifications(db, clock, notification_mail);
//   posts.OnMemePosted([&] { notifications.Wake(); });
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "db/database.h"
#include "mail/mailer.h"
#include "model/social.h"
#include "services/auth_service.h"
#include "util/clock.h"

namespace skyloom::server {

constexpr int kDefaultNotificationLimit = 20;
constexpr int kMaxNotificationLimit = 100;
constexpr size_t kMaxMarkReadIds = 500;
// Subscribers per fan-out transaction: short write locks, so posting never waits long.
constexpr int kFanoutBatch = 500;

class NotificationService {
  public:
    NotificationService(Database& db, Clock& clock, MailQueue& mail);
    ~NotificationService();  // finishes the batch in progress, leaves the rest for next start
    NotificationService(const NotificationService&) = delete;
    NotificationService& operator=(const NotificationService&) = delete;

    Result<NotificationPage> Page(const AuthUser& user, const std::string& cursor, int limit);
    // Marks the caller's notifications among `ids` read (others' ids are ignored); answers the
    // caller's unread count afterwards.
    Result<int64_t> MarkRead(const AuthUser& user, const std::vector<std::string>& ids);
    Result<int64_t> MarkAllRead(const AuthUser& user);

    // New fan-out work was committed.
    void Wake();

  private:
    struct Job {
        int64_t post_id = 0;
        int64_t next_subscriber = 0;  // resume after this subscriber id
    };
    void Run();
    // Runs one batch of the oldest job; false when there is no job.
    bool RunBatch();
    int64_t UnreadCount(int64_t user_id);

    Database& m_db;
    Clock& m_clock;
    MailQueue& m_mail;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = true;  // look for leftover jobs at start
    bool m_stopping = false;
    std::thread m_thread;  // last: starts after every member above exists
};

}  // namespace skyloom::server
