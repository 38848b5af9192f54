// Fan-out at scale over real SMTP (aiosmtpd): a creator with 1 000 subscribers posts memes
// about as fast as one with none (the fan-out runs after the answer, in the background), every
// subscriber gets exactly one notification row and one email per meme, and nobody gets two.
//
// The 1 000 subscribers are written straight into the server's SQLite file (signing up 1 000
// accounts would spend minutes in argon2id); they share a real password hash so one of them
// can sign in and read its notifications through the API.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "api/requests.h"
#include "client_helpers.h"
#include "test_images.h"

namespace skyloom::testing {
namespace {

constexpr int kSubscribers = 1000;
constexpr int kSamples = 5;  // meme posts timed per creator (5 000 emails from the star)
constexpr double kSlowdownBound = 3.0;
constexpr double kSlackMs = 5.0;

// Minimal RAII over the server's database file for seeding and counting.
class Db {
  public:
    explicit Db(const std::filesystem::path& path) {
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK) ADD_FAILURE() << "cannot open db";
        sqlite3_busy_timeout(m_db, 10000);
    }
    ~Db() { sqlite3_close(m_db); }
    void Exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            ADD_FAILURE() << sql.substr(0, 200) << ": " << (error ? error : "?");
            sqlite3_free(error);
        }
    }
    int64_t Count(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        int64_t value = -1;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            value = sqlite3_column_int64(stmt, 0);
        }
        sqlite3_finalize(stmt);
        return value;
    }

  private:
    sqlite3* m_db = nullptr;
};

std::string FanName(int i) {
    char name[16];
    std::snprintf(name, sizeof name, "fan%04d", i);
    return name;
}

double Median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Milliseconds from sending a meme post to having its 201.
double TimedMemePost(ApiClient& client, const std::string& media_id, int n) {
    api::NewPost post;
    post.text = "meme #" + std::to_string(n);
    post.media_id = media_id;
    MemeSpec meme;
    meme.background.media_id = media_id;
    meme.boxes = DefaultMemeBoxes();
    meme.boxes[0].text = "when the fan-out";
    post.meme = meme;
    auto start = std::chrono::steady_clock::now();
    auto created = Await<Post>([&](auto cb) { client.CreatePost(post, cb); });
    auto end = std::chrono::steady_clock::now();
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return std::chrono::duration<double, std::milli>(end - start).count();
}

size_t CountFiles(const std::filesystem::path& maildir) {
    size_t n = 0;
    std::error_code ec;
    for (const char* sub : {"new", "cur"}) {
        for (const auto& entry : std::filesystem::directory_iterator(maildir / sub, ec)) {
            (void)entry;
            ++n;
        }
    }
    return n;
}

TEST(Fanout, ThousandSubscribersOverRealSmtp) {
    SmtpSink smtp;
    ServerProcess server({"--mailer", smtp.url()});
    ApiClient star = SignupAndLogin(server, "star", smtp.maildir());
    ApiClient quiet = SignupAndLogin(server, "quiet", smtp.maildir());
    const size_t code_mails = smtp.Messages().size();
    ASSERT_EQ(code_mails, 2u);

    {
        Db db(server.data_dir() / "skyloom.db");
        db.Exec("BEGIN");
        for (int i = 1; i <= kSubscribers; ++i) {
            std::string name = FanName(i);
            db.Exec(
                "INSERT INTO users(username, email, password_hash, verified, created_at) "
                "SELECT '" +
                name + "', '" + name +
                "@example.org', password_hash, 1, "
                "created_at FROM users WHERE username = 'star'");
            db.Exec(
                "INSERT INTO subscriptions(subscriber_id, creator_id, created_at) "
                "SELECT f.id, s.id, 0 FROM users f, users s "
                "WHERE f.username = '" +
                name + "' AND s.username = 'star'");
        }
        db.Exec("COMMIT");
        ASSERT_EQ(db.Count("SELECT COUNT(*) FROM subscriptions"), kSubscribers);
    }
    auto profile = Await<UserProfile>([&](auto cb) { quiet.GetProfile("star", cb); });
    ASSERT_TRUE(profile.ok());
    ASSERT_EQ(profile.value().subscriber_count, kSubscribers);

    auto upload = [](ApiClient& client, uint8_t seed) {
        auto media = Await<Media>(
            [&](auto cb) { client.UploadMedia(MakePng(200, 150, seed), "image/png", cb); });
        EXPECT_TRUE(media.ok());
        return media.ok() ? media.value().id : "";
    };
    std::string star_image = upload(star, 11);
    std::string quiet_image = upload(quiet, 12);
    // Warm both paths (connections, statement caches) before timing.
    ASSERT_TRUE(Await<Post>([&](auto cb) { star.CreatePost("warm-up", cb); }).ok());
    TimedMemePost(quiet, quiet_image, 0);

    // Rounds alternate the two creators, so both are timed under the same background load
    // (the fan-out's batches and the mail thread delivering earlier memes).
    Db db(server.data_dir() / "skyloom.db");
    std::vector<double> none, thousand;
    auto fanout_start = std::chrono::steady_clock::now();
    for (int i = 1; i <= kSamples; ++i) {
        none.push_back(TimedMemePost(quiet, quiet_image, i));
        thousand.push_back(TimedMemePost(star, star_image, i));
    }
    const size_t star_memes = thousand.size();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (db.Count("SELECT COUNT(*) FROM notifications") < int64_t(star_memes) * kSubscribers &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    auto rows_done = std::chrono::steady_clock::now();

    // Every email arrives.
    const size_t expected_mail = code_mails + star_memes * kSubscribers;
    deadline = std::chrono::steady_clock::now() + std::chrono::seconds(240);
    while (CountFiles(smtp.maildir()) < expected_mail &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    auto mail_done = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // would a duplicate follow?

    double median_none = Median(none);
    double median_thousand = Median(thousand);
    std::printf(
        "fan-out: meme post latency, median of %zu: %.2f ms with 0 subscribers, %.2f ms with "
        "%d (max %.2f / %.2f); %zu x %d notification rows written %.0f ms after the first "
        "post; %zu emails delivered over SMTP %.1f s after the first post\n",
        none.size(), median_none, median_thousand, kSubscribers,
        *std::max_element(none.begin(), none.end()),
        *std::max_element(thousand.begin(), thousand.end()), star_memes, kSubscribers,
        std::chrono::duration<double, std::milli>(rows_done - fanout_start).count(),
        CountFiles(smtp.maildir()) - code_mails,
        std::chrono::duration<double>(mail_done - fanout_start).count());
    EXPECT_LT(median_thousand, kSlowdownBound * median_none + kSlackMs);

    // Exactly one notification row per subscriber per meme.
    EXPECT_EQ(db.Count("SELECT COUNT(*) FROM notifications"), int64_t(star_memes) * kSubscribers);
    EXPECT_EQ(db.Count("SELECT COUNT(*) FROM (SELECT user_id, post_id FROM notifications "
                       "GROUP BY user_id, post_id HAVING COUNT(*) > 1)"),
              0);
    EXPECT_EQ(db.Count("SELECT COUNT(*) FROM fanout_jobs"), 0);

    // Exactly one email per subscriber per meme, none twice.
    std::vector<std::string> messages = smtp.Messages();
    ASSERT_EQ(messages.size(), expected_mail);
    static const std::regex kTo(R"(To: <(fan\d{4})@example\.org>)");
    static const std::regex kPost(R"(new meme \(post (\d+)\))");
    std::map<std::pair<std::string, std::string>, int> per_fan_post;
    for (const std::string& text : messages) {
        std::smatch to, post;
        if (!std::regex_search(text, to, kTo)) continue;
        ASSERT_TRUE(std::regex_search(text, post, kPost)) << text.substr(0, 400);
        ++per_fan_post[{to[1].str(), post[1].str()}];
    }
    EXPECT_EQ(per_fan_post.size(), star_memes * kSubscribers);
    int twice = 0;
    for (const auto& [key, count] : per_fan_post) twice += count > 1;
    EXPECT_EQ(twice, 0);

    // A subscriber sees them in the app.
    ApiClient fan = NewClient(server);
    ASSERT_TRUE(Await<AuthSession>([&](auto cb) { fan.Login("fan0500", kPassword, cb); }).ok());
    auto page = Await<NotificationPage>([&](auto cb) { fan.ListNotifications({}, cb); });
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page.value().items.size(), star_memes);
    EXPECT_EQ(page.value().unread_count, int64_t(star_memes));
    EXPECT_EQ(page.value().items[0].actor, "star");
}

}  // namespace
}  // namespace skyloom::testing
