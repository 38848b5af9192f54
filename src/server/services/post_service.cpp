#include "services/post_service.h"

#include "services/errors.h"
#include "util/crypto.h"
#include "validation/validation.h"

namespace skyloom::server {
namespace {

constexpr const char* kCursorPrefix = "p";

// Every post query selects these columns in this order (see ReadPost).
constexpr const char* kPostColumns =
    "SELECT p.id, u.username, p.text, p.created_at, m.id, m.width, m.height, m.placeholder, "
    "g.id, g.name, m.thumb_id, m.labels, m.sensitive, p.meme, p.alt_text FROM posts p "
    "JOIN users u ON u.id = p.author_id "
    "LEFT JOIN media m ON m.id = p.media_id LEFT JOIN groups g ON g.id = p.group_id ";

Post ReadPost(const Statement& stmt) {
    Post post{std::to_string(stmt.Int(0)),
              PostAuthor{stmt.Text(1)},
              stmt.Text(2),
              false,
              FormatRfc3339(stmt.Int(3)),
              std::nullopt,
              std::nullopt};
    if (!stmt.IsNull(4)) {
        std::string id = stmt.Text(4);
        std::string thumb = stmt.IsNull(10) ? id : stmt.Text(10);
        post.media = MediaRef{id,
                              "/api/v1/media/" + id,
                              static_cast<int>(stmt.Int(5)),
                              static_cast<int>(stmt.Int(6)),
                              stmt.Text(7),
                              "/api/v1/media/" + thumb,
                              {},
                              {}};
        if (auto labels = ParseJsonText(stmt.Text(11)); labels)
            post.media->labels = ParseLabels(labels.value());
        post.sensitive = stmt.Int(12) != 0;
        if (!stmt.IsNull(14)) post.media->alt = stmt.Text(14);
    }
    if (!stmt.IsNull(8)) post.group = GroupRef{std::to_string(stmt.Int(8)), stmt.Text(9)};
    if (!stmt.IsNull(13)) {
        // Stored by Create after validation, so it parses; a damaged row shows as a plain post.
        Result<Json> json = ParseJsonText(stmt.Text(13));
        if (json) {
            Result<MemeSpec> meme = ParseMemeSpec(json.value());
            if (meme) post.meme = std::move(meme).value();
        }
    }
    return post;
}

Error InvalidText() {
    return errors::Unprocessable(
        "invalid_text",
        "A post needs 1 to 2000 characters of text (valid UTF-8, not only spaces); with an "
        "image the text is optional");
}

}  // namespace

PostService::PostService(Database& db, Clock& clock) : m_db(db), m_clock(clock) {}

std::string PostService::EncodeCursor(int64_t last_id) {
    return Base64UrlEncode(kCursorPrefix + std::to_string(last_id));
}

bool PostService::DecodeCursor(const std::string& cursor, int64_t& last_id) {
    std::string raw;
    if (cursor.size() > 40 || !Base64UrlDecode(cursor, raw) || raw.size() < 2 ||
        raw[0] != kCursorPrefix[0]) {
        return false;
    }
    int64_t value = 0;
    for (size_t i = 1; i < raw.size(); ++i) {
        if (raw[i] < '0' || raw[i] > '9' || value > (INT64_MAX - 9) / 10) return false;
        value = value * 10 + (raw[i] - '0');
    }
    last_id = value;
    return value > 0;
}

Result<Post> PostService::Create(const AuthUser& author, const NewPost& post) {
    if (!author.verified) {
        return errors::Forbidden("email_not_verified", "Verify your email address before posting");
    }
    if (!IsValidPostBody(post.text, !post.media_id.empty())) return InvalidText();
    if (!IsValidAltText(post.alt_text)) {
        return errors::Unprocessable("invalid_alt_text",
                                     "Alt text can be at most 1000 characters of valid UTF-8");
    }
    if (!post.alt_text.empty() && post.media_id.empty()) {
        return errors::Unprocessable("alt_text_needs_image",
                                     "Alt text describes an image; add one");
    }
    Connection& conn = m_db.Conn();
    if (!post.media_id.empty()) {
        Statement& media = conn.Prepare("SELECT 1 FROM media WHERE id = ?");
        media.Bind(1, post.media_id);
        bool exists = media.Step();
        media.Reset();
        if (!exists)
            return errors::Unprocessable(
                "media_not_found", "That image was not uploaded (or has expired); add it again");
    }
    if (post.group_id != 0) {
        Statement& group = conn.Prepare("SELECT 1 FROM groups WHERE id = ?");
        group.Bind(1, post.group_id);
        bool exists = group.Step();
        group.Reset();
        if (!exists) return errors::Unprocessable("group_not_found", "That group does not exist");
    }
    if (post.meme) {
        Result<Unit> meme = CheckMeme(conn, post);
        if (!meme) return meme.error();
    }
    // The post and its fan-out job commit together: every meme post gets its notifications.
    Transaction tx(conn);
    const int64_t now = m_clock.NowMs();
    Statement& insert = conn.Prepare(
        "INSERT INTO posts(author_id, text, created_at, media_id, group_id, meme, "
        "meme_background_id, alt_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.Bind(1, author.id).Bind(2, post.text).Bind(3, now);
    if (post.media_id.empty())
        insert.BindNull(4);
    else
        insert.Bind(4, post.media_id);
    if (post.group_id == 0)
        insert.BindNull(5);
    else
        insert.Bind(5, post.group_id);
    if (post.meme) {
        insert.Bind(6, DumpJson(ToJson(*post.meme)));
        if (post.meme->background.media_id.empty())
            insert.BindNull(7);
        else
            insert.Bind(7, post.meme->background.media_id);
    } else {
        insert.BindNull(6).BindNull(7);
    }
    if (post.alt_text.empty())
        insert.BindNull(8);
    else
        insert.Bind(8, post.alt_text);
    if (!insert.Exec()) {
        // Media or group vanished between the check and the insert (a concurrent delete).
        return errors::Unprocessable("reference_gone",
                                     "The image or group was just removed; try again");
    }
    int64_t id = conn.LastInsertId();
    if (post.meme) {
        conn.Prepare("INSERT INTO fanout_jobs(post_id, created_at) VALUES (?, ?)")
            .Bind(1, id)
            .Bind(2, now)
            .Exec();
    }
    tx.Commit();
    ++m_generation;
    if (post.meme && m_on_meme_posted) m_on_meme_posted();
    return Get(id);
}

Result<Unit> PostService::CheckMeme(Connection& conn, const NewPost& post) {
    if (post.media_id.empty()) {
        return errors::Unprocessable("meme_needs_image",
                                     "A meme post carries its rendered image: add media_id");
    }
    const MemeBackground& background = post.meme->background;
    const bool from_template = !background.template_id.empty();
    Statement& exists = conn.Prepare(from_template ? "SELECT 1 FROM templates WHERE id = ?"
                                                   : "SELECT 1 FROM media WHERE id = ?");
    if (from_template)
        exists.Bind(1, std::stoll(background.template_id));  // digits only, checked by the parser
    else
        exists.Bind(1, background.media_id);
    bool found = exists.Step();
    exists.Reset();
    if (found) return Unit{};
    if (from_template) {
        return errors::Unprocessable("template_not_found", "That meme template does not exist");
    }
    return errors::Unprocessable("media_not_found", "The meme's background image was not uploaded");
}

Result<Post> PostService::Get(int64_t id) {
    Statement& stmt = m_db.Conn().Prepare(std::string(kPostColumns) + "WHERE p.id = ?");
    stmt.Bind(1, id);
    if (!stmt.Step()) return errors::NotFound("The post");
    Post post = ReadPost(stmt);
    stmt.Reset();
    return post;
}

Result<Post> PostService::Update(const AuthUser& user, int64_t id, const std::string& text) {
    if (!IsValidPostText(text)) return InvalidText();
    Connection& conn = m_db.Conn();
    conn.Prepare("UPDATE posts SET text = ?, updated_at = ? WHERE id = ? AND author_id = ?")
        .Bind(1, text)
        .Bind(2, m_clock.NowMs())
        .Bind(3, id)
        .Bind(4, user.id)
        .Exec();
    // Someone else's post answers exactly like a missing one.
    if (conn.Changes() == 0) return errors::NotFound("The post");
    ++m_generation;
    return Get(id);
}

Result<Unit> PostService::Delete(const AuthUser& user, int64_t id) {
    Connection& conn = m_db.Conn();
    conn.Prepare("DELETE FROM posts WHERE id = ? AND author_id = ?")
        .Bind(1, id)
        .Bind(2, user.id)
        .Exec();
    if (conn.Changes() == 0) return errors::NotFound("The post");
    ++m_generation;
    return Unit{};
}

Result<PostPage> PostService::Page(const FeedQuery& query) {
    int64_t before_id = INT64_MAX;
    if (!query.cursor.empty() && !DecodeCursor(query.cursor, before_id)) {
        return errors::BadRequest("invalid_cursor", "The cursor is not one this server issued");
    }
    if (query.limit < 1 || query.limit > kMaxPageLimit) {
        return errors::BadRequest("invalid_limit", "limit must be between 1 and 100");
    }
    Connection& conn = m_db.Conn();
    // Keyset pagination on the strictly increasing id: rows inserted while a reader pages
    // get higher ids and never shift what the cursor points at (no duplicates, no gaps).
    std::string sql = std::string(kPostColumns) + "WHERE p.id < ?";
    if (!query.author.empty()) sql += " AND u.username = ?";
    if (query.group_id != 0) sql += " AND p.group_id = ?";
    if (query.following_of != 0) {
        sql += " AND p.author_id IN (SELECT creator_id FROM subscriptions WHERE subscriber_id = ?)";
    }
    sql += " ORDER BY p.id DESC LIMIT ?";
    Statement& stmt = conn.Prepare(sql);  // one cached statement per filter combination
    int index = 1;
    stmt.Bind(index++, before_id);
    if (!query.author.empty()) stmt.Bind(index++, NormalizeUsername(query.author));
    if (query.group_id != 0) stmt.Bind(index++, query.group_id);
    if (query.following_of != 0) stmt.Bind(index++, query.following_of);
    stmt.Bind(index, int64_t(query.limit + 1));
    PostPage page;
    while (stmt.Step()) page.items.push_back(ReadPost(stmt));
    if (static_cast<int>(page.items.size()) > query.limit) {
        page.items.pop_back();
        page.next_cursor = EncodeCursor(std::stoll(page.items.back().id));
    }
    return page;
}

Result<std::shared_ptr<const std::string>> PostService::PageJson(const FeedQuery& query) {
    if (query.following_of != 0) {
        // Per-user pages would crowd the shared pages out of the cache: always query.
        Result<PostPage> page = Page(query);
        if (!page) return page.error();
        return std::make_shared<const std::string>(DumpJson(ToJson(page.value())));
    }
    std::string key = query.author + '\n' + query.cursor + '\n' + std::to_string(query.limit) +
                      '\n' + std::to_string(query.group_id);
    uint64_t generation = m_generation.load();
    if (auto hit = m_cache.Find(key, generation)) return hit;
    Result<PostPage> page = Page(query);
    if (!page) return page.error();
    auto json = std::make_shared<const std::string>(DumpJson(ToJson(page.value())));
    m_cache.Store(key, generation, json);
    return json;
}

std::shared_ptr<const std::string> PostService::PageCache::Find(const std::string& key,
                                                                uint64_t generation) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it == m_entries.end() || it->second.generation != generation) return nullptr;
    m_lru.splice(m_lru.begin(), m_lru, it->second.lru_position);
    return it->second.json;
}

void PostService::PageCache::Store(const std::string& key, uint64_t generation,
                                   std::shared_ptr<const std::string> json) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it != m_entries.end()) {
        it->second.generation = generation;
        it->second.json = std::move(json);
        m_lru.splice(m_lru.begin(), m_lru, it->second.lru_position);
        return;
    }
    m_lru.push_front(key);
    m_entries.emplace(key, Entry{generation, std::move(json), m_lru.begin()});
    if (m_entries.size() > kMaxEntries) {
        m_entries.erase(m_lru.back());
        m_lru.pop_back();
    }
}

}  // namespace skyloom::server
