// Text posts: create, read, edit, delete and the keyset-paginated feed.
// Feed pages are served from a small in-memory cache of rendered JSON that every write
// invalidates, so the hot path (GET /posts) costs a lookup, not a query.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "db/database.h"
#include "model/models.h"
#include "services/auth_service.h"
#include "util/clock.h"

namespace skyloom::server {

constexpr int kDefaultPageLimit = 20;
constexpr int kMaxPageLimit = 100;

struct FeedQuery {
    std::string author;    // username, empty: everyone
    int64_t group_id = 0;  // 0: every group
    std::string cursor;    // opaque, from next_cursor
    int limit = kDefaultPageLimit;
    int64_t following_of = 0;  // user id: only creators they subscribe to (0: everyone)
};

class PostService {
  public:
    PostService(Database& db, Clock& clock);

    struct NewPost {
        std::string text;
        std::string media_id;  // empty: none; must exist
        int64_t group_id = 0;  // 0: none; must exist
        // A meme post: media_id (its rendering) is required; the background must exist.
        std::optional<MemeSpec> meme{};
        std::string alt_text{};  // the image's description (needs media_id); empty: none
    };
    Result<Post> Create(const AuthUser& author, const NewPost& post);
    Result<Post> Create(const AuthUser& author, const std::string& text) {
        return Create(author, NewPost{text, {}, 0});
    }
    Result<Post> Get(int64_t id);
    Result<Post> Update(const AuthUser& user, int64_t id, const std::string& text);
    Result<Unit> Delete(const AuthUser& user, int64_t id);
    // The page as JSON text ({items, next_cursor}), cached.
    Result<std::shared_ptr<const std::string>> PageJson(const FeedQuery& query);
    Result<PostPage> Page(const FeedQuery& query);

    // Called when anything that changes feeds happens outside this service (account deletion).
    void InvalidateFeeds() { ++m_generation; }
    // Called after a meme post (and its fan-out job) is committed; set once before serving.
    void OnMemePosted(std::function<void()> listener) { m_on_meme_posted = std::move(listener); }

    [[nodiscard]] static std::string EncodeCursor(int64_t last_id);
    [[nodiscard]] static bool DecodeCursor(const std::string& cursor, int64_t& last_id);

  private:
    Result<Unit> CheckMeme(Connection& conn, const NewPost& post);

    class PageCache {
      public:
        std::shared_ptr<const std::string> Find(const std::string& key, uint64_t generation);
        void Store(const std::string& key, uint64_t generation,
                   std::shared_ptr<const std::string> json);

      private:
        static constexpr size_t kMaxEntries = 512;
        struct Entry {
            uint64_t generation;
            std::shared_ptr<const std::string> json;
            std::list<std::string>::iterator lru_position;
        };
        std::mutex m_mutex;
        std::unordered_map<std::string, Entry> m_entries;
        std::list<std::string> m_lru;  // front: most recent
    };

    Database& m_db;
    Clock& m_clock;
    std::atomic<uint64_t> m_generation{1};
    PageCache m_cache;
    std::function<void()> m_on_meme_posted;
};

}  // namespace skyloom::server
