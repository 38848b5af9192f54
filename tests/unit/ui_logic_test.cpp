// App logic that needs no browser: routing, relative times, the feed model's transitions.
#include <gtest/gtest.h>

#include "ui/alt_text.h"
#include "ui/byte_size.h"
#include "ui/feed_model.h"
#include "ui/relative_time.h"
#include "ui/route.h"

namespace skyloom::ui {
namespace {

const Route kFallback{Screen::kLogin, {}};

TEST(Routing, ParsesEveryScreen) {
    EXPECT_EQ(ParseRoute("#/login", kFallback).screen, Screen::kLogin);
    EXPECT_EQ(ParseRoute("#/signup", kFallback).screen, Screen::kSignup);
    EXPECT_EQ(ParseRoute("#/verify", kFallback).screen, Screen::kVerify);
    EXPECT_EQ(ParseRoute("#/forgot", kFallback).screen, Screen::kForgot);
    EXPECT_EQ(ParseRoute("#/reset", kFallback).screen, Screen::kReset);
    EXPECT_EQ(ParseRoute("#/feed", kFallback).screen, Screen::kFeed);
    EXPECT_EQ(ParseRoute("#/me/", kFallback).screen, Screen::kMe);
    Route post = ParseRoute("#/post/42", kFallback);
    EXPECT_EQ(post.screen, Screen::kPost);
    EXPECT_EQ(post.param, "42");
    EXPECT_EQ(ParseRoute("#/groups", kFallback).screen, Screen::kGroups);
    Route group = ParseRoute("#/g/7", kFallback);
    EXPECT_EQ(group.screen, Screen::kGroup);
    EXPECT_EQ(group.param, "7");
    EXPECT_EQ(ParseRoute("#/chat", kFallback).screen, Screen::kChat);
}

TEST(Routing, MalformedHashesFallBack) {
    Route feed{Screen::kFeed, {}};
    for (const char* hash : {"", "#", "#/", "#/nope", "#/post", "#/post/abc", "#/post/1/2",
                             "#/feed/x", "#/post/-1", "#/g", "#/g/x", "#/groups/3", "#/chat/1"}) {
        EXPECT_EQ(ParseRoute(hash, feed), feed) << hash;
    }
}

TEST(Routing, FormatRoundTripsAndTitles) {
    for (Route route :
         {Route{Screen::kLogin, {}}, Route{Screen::kFeed, {}}, Route{Screen::kPost, "7"},
          Route{Screen::kGroups, {}}, Route{Screen::kGroup, "12"}}) {
        EXPECT_EQ(ParseRoute(FormatRoute(route), kFallback), route);
    }
    EXPECT_EQ(PageTitle({Screen::kLogin, {}}), "Sign in \xc2\xb7 Skyloom");
    EXPECT_TRUE(IsPublic(Screen::kVerify));
    EXPECT_TRUE(IsAuthScreen(Screen::kVerify));
    // Visitors read Explore, posts and groups; their own feeds and the chat need an account.
    // The template gallery (#/meme/new) is public; a remix needs an account.
    EXPECT_TRUE(IsPublic(Screen::kMemeNew));
    EXPECT_FALSE(IsPublic(Screen::kMemeRemix));
    for (Screen s : {Screen::kFeed, Screen::kPost, Screen::kGroups, Screen::kGroup}) {
        EXPECT_TRUE(IsPublic(s));
        EXPECT_FALSE(IsAuthScreen(s));
    }
    EXPECT_FALSE(IsPublic(Screen::kMe));
    EXPECT_FALSE(IsPublic(Screen::kChat));
    EXPECT_EQ(PageTitle({Screen::kChat, {}}), "Chat \xc2\xb7 Skyloom");
}

TEST(Routing, MemeEditorRoutes) {
    EXPECT_EQ(ParseRoute("#/meme/new", kFallback), (Route{Screen::kMemeNew, {}}));
    EXPECT_EQ(ParseRoute("#/meme/remix/42", kFallback), (Route{Screen::kMemeRemix, "42"}));
    EXPECT_EQ(ParseRoute("#/meme/remix/42/", kFallback), (Route{Screen::kMemeRemix, "42"}));
    for (const char* bad : {"#/meme", "#/meme/", "#/meme/old", "#/meme/remix", "#/meme/remix/",
                            "#/meme/remix/x1", "#/meme/new/1", "#/meme/remix/1/2"}) {
        EXPECT_EQ(ParseRoute(bad, kFallback), kFallback) << bad;
    }
    for (Route route : {Route{Screen::kMemeNew, {}}, Route{Screen::kMemeRemix, "7"}}) {
        EXPECT_EQ(ParseRoute(FormatRoute(route), kFallback), route);
    }
    EXPECT_EQ(FormatRoute(Route{Screen::kMemeRemix, "7"}), "#/meme/remix/7");
    EXPECT_EQ(PageTitle(Route{Screen::kMemeNew, {}}), "Make a meme \xc2\xb7 Skyloom");
}

TEST(Routing, SocialScreens) {
    Route user = ParseRoute("#/u/ada_99", kFallback);
    EXPECT_EQ(user.screen, Screen::kUser);
    EXPECT_EQ(user.param, "ada_99");
    EXPECT_EQ(ParseRoute("#/following", kFallback).screen, Screen::kFollowing);
    EXPECT_EQ(ParseRoute("#/notifications/", kFallback).screen, Screen::kNotifications);
    EXPECT_EQ(ParseRoute("#/settings", kFallback).screen, Screen::kSettings);
    Route feed{Screen::kFeed, {}};
    for (const char* hash : {"#/u", "#/u/", "#/u/a%20b", "#/u/ada/posts", "#/u/<script>",
                             "#/settings/x", "#/notifications/3", "#/following/ada"}) {
        EXPECT_EQ(ParseRoute(hash, feed), feed) << hash;
    }
    for (Route route : {Route{Screen::kUser, "grace"}, Route{Screen::kFollowing, {}},
                        Route{Screen::kNotifications, {}}, Route{Screen::kSettings, {}}}) {
        EXPECT_EQ(ParseRoute(FormatRoute(route), kFallback), route);
    }
    EXPECT_EQ(FormatRoute({Screen::kUser, "grace"}), "#/u/grace");
    EXPECT_EQ(PageTitle({Screen::kUser, "grace"}), "@grace \xc2\xb7 Skyloom");
    EXPECT_EQ(PageTitle({Screen::kSettings, {}}), "Settings \xc2\xb7 Skyloom");
    EXPECT_TRUE(IsPublic(Screen::kUser));  // portfolios are for everyone
    EXPECT_FALSE(IsPublic(Screen::kFollowing));
    EXPECT_FALSE(IsPublic(Screen::kNotifications));
    EXPECT_FALSE(IsPublic(Screen::kSettings));
}

TEST(RelativeTime, ParsesRfc3339) {
    EXPECT_EQ(ParseRfc3339Ms("1970-01-01T00:00:00Z").value(), 0);
    EXPECT_EQ(ParseRfc3339Ms("1970-01-01T00:00:01.250Z").value(), 1250);
    EXPECT_EQ(ParseRfc3339Ms("2026-11-23T18:04:05.123Z").value(), 1795457045123);
    EXPECT_FALSE(ParseRfc3339Ms("2026-11-23 18:04:05Z"));
    EXPECT_FALSE(ParseRfc3339Ms("2026-13-23T18:04:05Z"));
    EXPECT_FALSE(ParseRfc3339Ms("garbage"));
}

TEST(RelativeTime, Formats) {
    int64_t now = ParseRfc3339Ms("2026-11-23T18:00:00Z").value();
    EXPECT_EQ(FormatRelativeTime(now - 5000, now), "just now");
    EXPECT_EQ(FormatRelativeTime(now + 5000, now), "just now");
    EXPECT_EQ(FormatRelativeTime(now - 5 * 60000, now), "5m");
    EXPECT_EQ(FormatRelativeTime(now - 3 * 3600000, now), "3h");
    EXPECT_EQ(FormatRelativeTime(now - 2 * 86400000LL, now), "2d");
    EXPECT_EQ(FormatRelativeTime(ParseRfc3339Ms("2026-11-03T10:00:00Z").value(), now), "Nov 3");
    EXPECT_EQ(FormatRelativeTime(ParseRfc3339Ms("2024-02-29T10:00:00Z").value(), now),
              "Feb 29, 2024");
}

Post MakePost(int id) {
    return Post{std::to_string(id), {"ada"}, "p" + std::to_string(id), false, "", {}, {}};
}

PostPage MakePage(int from, int count, std::string next) {
    PostPage page;
    for (int i = 0; i < count; ++i) page.items.push_back(MakePost(from - i));
    page.next_cursor = std::move(next);
    return page;
}

TEST(FeedModel, LoadsPagesAndStopsAtTheEnd) {
    FeedModel feed;
    ASSERT_TRUE(feed.WantsMore(0));
    std::string cursor = feed.BeginLoad();
    EXPECT_EQ(cursor, "");
    EXPECT_FALSE(feed.WantsMore(0)) << "one request at a time";
    feed.ApplyPage(cursor, MakePage(100, 20, "c80"));
    EXPECT_EQ(feed.posts().size(), 20u);
    EXPECT_FALSE(feed.WantsMore(5)) << "far from the end";
    EXPECT_TRUE(feed.WantsMore(20 - kPrefetchRows)) << "prefetch before the end";
    cursor = feed.BeginLoad();
    EXPECT_EQ(cursor, "c80");
    feed.ApplyPage(cursor, MakePage(80, 5, ""));
    EXPECT_EQ(feed.posts().size(), 25u);
    EXPECT_TRUE(feed.reached_end());
    EXPECT_FALSE(feed.WantsMore(24));
}

TEST(FeedModel, FailureWaitsForRetry) {
    FeedModel feed;
    std::string cursor = feed.BeginLoad();
    feed.FailLoad(cursor, Error{"network_error", "offline", 0});
    EXPECT_TRUE(feed.status().failed());
    EXPECT_FALSE(feed.WantsMore(0));
    feed.Retry();
    EXPECT_TRUE(feed.WantsMore(0));
}

TEST(FeedModel, PrependedPostIsNotDuplicatedByALaterPage) {
    FeedModel feed;
    feed.ApplyPage("", MakePage(10, 3, ""));  // not in flight: ignored
    EXPECT_TRUE(feed.posts().empty());
    std::string cursor = feed.BeginLoad();
    feed.Prepend(MakePost(11));  // the user posted while the first page was loading
    feed.ApplyPage(cursor, MakePage(11, 3, ""));
    ASSERT_EQ(feed.posts().size(), 3u);
    EXPECT_EQ(feed.posts()[0].id, "11");
    feed.Remove("10");
    EXPECT_EQ(feed.posts().size(), 2u);
}

TEST(FeedModel, StaleAnswersAfterResetAreIgnored) {
    FeedModel feed;
    std::string cursor = feed.BeginLoad();
    feed.Reset();
    feed.ApplyPage(cursor, MakePage(5, 5, ""));
    EXPECT_TRUE(feed.posts().empty());
    EXPECT_TRUE(feed.WantsMore(0));
}

}  // namespace
}  // namespace skyloom::ui

namespace skyloom::ui {
namespace {

TEST(ByteSize, ReadsLikeAFileManager) {
    EXPECT_EQ(FormatByteSize(0), "0 B");
    EXPECT_EQ(FormatByteSize(1023), "1023 B");
    EXPECT_EQ(FormatByteSize(1024), "1 KB");
    EXPECT_EQ(FormatByteSize(186 * 1024 + 100), "186 KB");
    EXPECT_EQ(FormatByteSize(1024 * 1024 - 1), "1.0 MB");
    EXPECT_EQ(FormatByteSize(4404019), "4.2 MB");
    EXPECT_EQ(FormatByteSize(25ull * 1024 * 1024), "25 MB");
}

}  // namespace
}  // namespace skyloom::ui

namespace skyloom::ui {
namespace {

MediaLabel Label(const char* name, double p) {
    MediaLabel l;
    l.label = name;
    l.probability = p;
    return l;
}

TEST(AltText, DraftNamesTheKindOfPictureAndSaysItIsAGuess) {
    EXPECT_EQ(DraftAltText({Label("Drawing", 0.62), Label("Neutral", 0.28), Label("Porn", 0.046),
                            Label("Sexy", 0.03), Label("Hentai", 0.02)}),
              "A drawing or illustration (AI guess: Drawing 62%, Neutral 28%).");
    EXPECT_EQ(DraftAltText({Label("Neutral", 0.995), Label("Drawing", 0.004)}),
              "A photo (AI guess: Neutral 100%).");
    EXPECT_EQ(DraftAltText({}), "");
    // At most three labels, however flat the distribution.
    EXPECT_EQ(DraftAltText({Label("Neutral", 0.3), Label("Drawing", 0.25), Label("Sexy", 0.2),
                            Label("Porn", 0.15), Label("Hentai", 0.1)}),
              "A photo (AI guess: Neutral 30%, Drawing 25%, Sexy 20%).");
}

}  // namespace
}  // namespace skyloom::ui
