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

// Posts in other scripts (issue 10): what the browser text engine draws (src/app/ui/rich_text.h).
constexpr std::array<const char*, 11> kWorldTexts = {
    "\u4ECA\u65E5\u306F\u65B0\u3057\u3044\u6A5F\u80FD\u3092\u30EA\u30EA\u30FC\u30B9\u3057"
    "\u307E\u3057\u305F\u3002\u91D1\u66DC\u65E5\u306A\u306E\u306B\uFF01",
    "\u6E2F\u53E3\u4E0A\u7A7A\u7684\u4E91\u770B\u8D77\u6765\u50CF\u4E00\u4E2A\u8FD8\u6CA1"
    "\u5B8C\u6210\u7684\u8868\u60C5\u5305\u6A21\u677F\u3002",
    "\uCF54\uB4DC\uAC00 \uD55C \uBC88\uC5D0 \uCEF4\uD30C\uC77C\uB418\uBA74 \uC758\uC2EC"
    "\uD558\uC138\uC694.",
    "\u039A\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1! \u039F \u03BA\u03B1\u03C6\u03AD"
    "\u03C2 \u03B5\u03AF\u03BD\u03B1\u03B9 \u03AD\u03C4\u03BF\u03B9\u03BC\u03BF\u03C2.",
    "\u0421\u0435\u0433\u043E\u0434\u043D\u044F \u0443\u0437\u043D\u0430\u043B, \u0447"
    "\u0442\u043E WebAssembly \u2014 \u044D\u0442\u043E \u043D\u0435 \u0432\u0435\u0431 "
    "\u0438 \u043D\u0435 \u0430\u0441\u0441\u0435\u043C\u0431\u043B\u0435\u0440.",
    "\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u062C\u0645\u064A\u0639! \u063A"
    "\u0631\u0648\u0628 \u0627\u0644\u0634\u0645\u0633 \u0627\u0644\u064A\u0648\u0645 "
    "\u0643\u0627\u0646 \u0631\u0627\u0626\u0639\u0627.",
    "\u05E9\u05D1\u05EA \u05E9\u05DC\u05D5\u05DD! \u05DE\u05D9 \u05E2\u05D5\u05D3 \u05E7"
    "\u05D5\u05E8\u05D0 \u05D4\u05D5\u05D3\u05E2\u05D5\u05EA \u05E9\u05D2\u05D9\u05D0"
    "\u05D4 \u05D1\u05E7\u05D5\u05DC?",
    "\u0928\u092E\u0938\u094D\u0924\u0947 \u0926\u094B\u0938\u094D\u0924\u094B\u0902! "
    "\u0906\u091C \u092E\u0948\u0902\u0928\u0947 \u090F\u0915 \u0928\u092F\u093E \u092E"
    "\u0940\u092E \u092C\u0928\u093E\u092F\u093E\u0964",
    "\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35\u0E04\u0E23\u0E31\u0E1A \u0E27\u0E31\u0E19\u0E19"
    "\u0E35\u0E49\u0E2D\u0E32\u0E01\u0E32\u0E28\u0E14\u0E35\u0E21\u0E32\u0E01 \u0E44\u0E1B"
    "\u0E40\u0E14\u0E34\u0E19\u0E40\u0E25\u0E48\u0E19\u0E01\u0E31\u0E19\u0E40\u0E16\u0E2D"
    "\u0E30",
    "Weekend mood \U0001F389\U0001F431\u2615\uFE0F ship it \U0001F680 "
    "\U0001F469\U0001F3FD\u200D\U0001F4BB",
    "Hello \u00B7 \u041F\u0440\u0438\u0432\u0435\u0442 \u00B7 \u4F60\u597D \u00B7 \u0645"
    "\u0631\u062D\u0628\u0627 \u00B7 \u05E9\u05DC\u05D5\u05DD \u00B7 \u0928\u092E\u0938"
    "\u094D\u0924\u0947 \u00B7 \u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35 \U0001F44B",
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
        // Counted from the newest post, like the pictures, so the top of the feed shows them.
        const int newest_first = post_count - 1 - i;
        const bool world = options.world_every > 0 && newest_first % options.world_every == 0;
        std::string text =
            world ? kWorldTexts[static_cast<size_t>(newest_first / options.world_every) %
                                kWorldTexts.size()]
                  : kDemoTexts[static_cast<size_t>(i) % kDemoTexts.size()];
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
