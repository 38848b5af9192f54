#include "demo_seed.h"

#include "demo_images.h"

#include <array>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace skyloom::server {
namespace {

struct DemoUser {
    const char* username;
    const char* email;
};

constexpr std::array<DemoUser, 4> kDemoUsers = {{
    {"ada", "ada@demo.skyloom.local"},
    {"grace", "grace@demo.skyloom.local"},
    {"linus", "linus@demo.skyloom.local"},
    {"memequeen", "memequeen@demo.skyloom.local"},
}};

constexpr std::array<const char*, 12> kDemoTexts = {
    "Just shipped a feature on a Friday. Living dangerously.",
    "The sky over the harbour looked like an unfinished meme template this morning.",
    "Hot take: tabs for indentation, spaces for alignment. Fight me (politely).",
    "Reminder that every bug is just an undocumented feature waiting for a changelog.",
    "Made a loom weave a pattern from a photo of my cat. Results pending.",
    "Coffee count: 3. Lines of code: -200. Best day this week.",
    "If it compiles on the first try, be suspicious.",
    "Sunset walk, no phone, ten out of ten would recommend.",
    "Drafted a meme, deleted it, drafted it again. The creative process.",
    "Who else reads error messages out loud in a dramatic voice?",
    "Today I learned that WebAssembly is neither web nor assembly. Discuss.",
    "Weekend plan: build a birdhouse, debug the birdhouse, ship birdhouse v2.",
};

constexpr std::array<std::pair<const char*, const char*>, 4> kDemoGroups = {{
    {"Memes", "Image macros, reaction pictures and everything captioned"},
    {"Photography", "Photos you took, straight from the camera roll"},
    {"Cats", "Exactly what it says"},
    {"Tech", "Code, gadgets and the occasional rant"},
}};

}  // namespace

int SeedDemoContent(Database& db, AuthService& auth, GroupService& groups, MediaService& media,
                    const DemoOptions& options) {
    const int post_count = options.posts;
    Statement& any = db.Conn().Prepare("SELECT 1 FROM users LIMIT 1");
    bool has_users = any.Step();
    any.Reset();
    if (has_users) return 0;

    std::array<int64_t, kDemoUsers.size()> ids{};
    for (size_t i = 0; i < kDemoUsers.size(); ++i) {
        auto user =
            auth.CreateVerifiedUser(kDemoUsers[i].username, kDemoUsers[i].email, kDemoPassword);
        if (!user) return 0;
        ids[i] = std::stoll(user.value().id);
    }
    std::vector<int64_t> group_ids;
    for (const auto& [name, description] : kDemoGroups) {
        auto group =
            groups.Create(AuthUser{ids[0], kDemoUsers[0].username, true}, name, description);
        if (group) group_ids.push_back(std::stoll(group.value().id));
    }
    const std::vector<std::string> images =
        options.image_every > 0
            ? SeedDemoImages(media, AuthUser{ids[1], kDemoUsers[1].username, true}, options.images)
            : std::vector<std::string>{};
    // One transaction and spaced timestamps: 10 000 posts seed in well under a second and
    // read like a real history, newest first.
    Connection& conn = db.Conn();
    Transaction tx(conn);
    int64_t now = auth.clock().NowMs();
    int64_t step_ms = 7 * 60 * 1000;
    for (int i = 0; i < post_count; ++i) {
        std::string text = kDemoTexts[static_cast<size_t>(i) % kDemoTexts.size()];
        if (i >= static_cast<int>(kDemoTexts.size())) text += " (#" + std::to_string(i + 1) + ")";
        Statement& insert = conn.Prepare(
            "INSERT INTO posts(author_id, text, created_at, group_id, media_id) VALUES (?, ?, ?, "
            "?, "
            "?)");
        insert.Bind(1, ids[static_cast<size_t>(i) % ids.size()])
            .Bind(2, text)
            .Bind(3, now - int64_t(post_count - i) * step_ms);
        // Every third post lands in a group so group pages have content.
        if (i % 3 == 0 && !group_ids.empty()) {
            insert.Bind(4, group_ids[static_cast<size_t>(i / 3) % group_ids.size()]);
        } else {
            insert.BindNull(4);
        }
        // Counted from the newest post, so the top of the feed shows pictures.
        const int from_top = post_count - 1 - i;
        if (!images.empty() && from_top % options.image_every == 0) {
            insert.Bind(
                5, images[static_cast<size_t>(from_top / options.image_every) % images.size()]);
        } else {
            insert.BindNull(5);
        }
        insert.Exec();
    }
    tx.Commit();
    return post_count;
}

}  // namespace skyloom::server
