// Issue 5 against the real server: meme templates (publish, search, paging, bad input), memes
// on posts, subscriptions with the following feed, portfolio counts, notifications (list,
// unread count, mark read without touching other users') and the email setting.
// The 1 000-subscriber fan-out over real SMTP lives in social_fanout_test.cpp.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api/requests.h"
#include "api/social_requests.h"
#include "client_helpers.h"
#include "test_images.h"

namespace skyloom::testing {
namespace {

std::string Upload(ApiClient& client, uint8_t seed) {
    auto media =
        Await<Media>([&](auto cb) { client.UploadMedia(MakePng(64, 48, seed), "image/png", cb); });
    EXPECT_TRUE(media.ok()) << (media.ok() ? "" : media.error().message);
    return media.ok() ? media.value().id : "";
}

MemeSpec Meme(const std::string& background_media, const std::string& top) {
    MemeSpec meme;
    meme.background.media_id = background_media;
    meme.boxes = DefaultMemeBoxes();
    meme.boxes[0].text = top;
    meme.boxes[1].text = "bottom text";
    meme.boxes[1].font = MemeFont::kInter;
    meme.boxes[1].fill = 0xFFCC00;
    return meme;
}

// Posts a meme whose rendering is `rendered` (a media id) over `background`.
Result<Post> PostMeme(ApiClient& client, const std::string& rendered, const MemeSpec& meme,
                      const std::string& text = "") {
    api::NewPost post;
    post.text = text;
    post.media_id = rendered;
    post.meme = meme;
    return Await<Post>([&](auto cb) { client.CreatePost(post, cb); });
}

// Polls until the caller has `count` notifications (fan-out runs in the background).
NotificationPage WaitForNotifications(ApiClient& client, size_t count, int timeout_ms = 10000) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    NotificationPage page;
    do {
        auto result = Await<NotificationPage>([&](auto cb) { client.ListNotifications({}, cb); });
        EXPECT_TRUE(result.ok());
        if (result.ok()) page = result.value();
        if (page.items.size() >= count) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() < deadline);
    return page;
}

// The mails in `dir` to `email` whose subject announces a meme.
std::vector<std::string> MemeMailsTo(const std::filesystem::path& dir, const std::string& email) {
    std::vector<std::string> out;
    for (std::string& text : ReadMessages(dir)) {
        if (text.find("To: <" + email + ">") != std::string::npos &&
            text.find("posted a new meme on Skyloom") != std::string::npos) {
            out.push_back(std::move(text));
        }
    }
    return out;
}

TEST(Templates, PublishSearchPageAndReject) {
    ServerProcess server;
    ApiClient ada = SignupAndLogin(server, "ada");
    ApiClient bob = SignupAndLogin(server, "bob");
    std::string cat = Upload(ada, 1);
    std::string dog = Upload(ada, 2);

    api::NewTemplate plain;
    plain.name = "  Distracted Cat  ";
    plain.media_id = cat;
    auto first = Await<MemeTemplate>([&](auto cb) { ada.CreateTemplate(plain, cb); });
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first.value().name, "Distracted Cat");
    EXPECT_EQ(first.value().owner, "ada");
    EXPECT_EQ(first.value().media.id, cat);
    EXPECT_EQ(first.value().media.width, 64);
    ASSERT_EQ(first.value().boxes.size(), 2u);  // the default top/bottom layout
    EXPECT_LT(first.value().boxes[0].y, first.value().boxes[1].y);

    api::NewTemplate custom;
    custom.name = "Dog 100% sure";
    custom.media_id = dog;
    MemeBox left;
    left.x = 0;
    left.y = 0.4;
    left.w = 0.5;
    left.h = 0.2;
    left.align = MemeAlign::kLeft;
    left.all_caps = false;
    custom.boxes = std::vector<MemeBox>{left};
    auto second = Await<MemeTemplate>([&](auto cb) { ada.CreateTemplate(custom, cb); });
    ASSERT_TRUE(second.ok()) << second.error().message;
    ASSERT_EQ(second.value().boxes.size(), 1u);
    EXPECT_EQ(second.value().boxes[0].align, MemeAlign::kLeft);
    EXPECT_FALSE(second.value().boxes[0].all_caps);

    // Someone else's image cannot be published by bob; unverified accounts cannot publish.
    api::NewTemplate stolen;
    stolen.name = "mine now";
    stolen.media_id = cat;
    auto refused = Await<MemeTemplate>([&](auto cb) { bob.CreateTemplate(stolen, cb); });
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().http_status, 422);
    EXPECT_EQ(refused.error().code, "media_not_found");
    stolen.name = std::string(81, 'n');
    stolen.media_id = cat;
    auto long_name = Await<MemeTemplate>([&](auto cb) { ada.CreateTemplate(stolen, cb); });
    EXPECT_EQ(long_name.error().code, "invalid_template_name");

    // Search: case-insensitive substring; LIKE wildcards are literal.
    auto search = [&](const std::string& q) {
        api::TemplateQuery query;
        query.q = q;
        auto page = Await<TemplatePage>([&](auto cb) { bob.ListTemplates(query, cb); });
        EXPECT_TRUE(page.ok());
        std::vector<std::string> names;
        if (page.ok())
            for (const auto& t : page.value().items) names.push_back(t.name);
        return names;
    };
    EXPECT_EQ(search(""), (std::vector<std::string>{"Dog 100% sure", "Distracted Cat"}));
    EXPECT_EQ(search("CAT"), (std::vector<std::string>{"Distracted Cat"}));
    EXPECT_EQ(search("% s"), (std::vector<std::string>{"Dog 100% sure"}));
    EXPECT_EQ(search("_"), (std::vector<std::string>{}));
    EXPECT_EQ(search("giraffe"), (std::vector<std::string>{}));

    // Paging with a keyset cursor, signed out.
    ApiClient anonymous = NewClient(server);
    api::TemplateQuery one;
    one.limit = 1;
    auto page1 = Await<TemplatePage>([&](auto cb) { anonymous.ListTemplates(one, cb); });
    ASSERT_TRUE(page1.ok());
    ASSERT_EQ(page1.value().items.size(), 1u);
    ASSERT_FALSE(page1.value().next_cursor.empty());
    one.cursor = page1.value().next_cursor;
    auto page2 = Await<TemplatePage>([&](auto cb) { anonymous.ListTemplates(one, cb); });
    ASSERT_TRUE(page2.ok());
    ASSERT_EQ(page2.value().items.size(), 1u);
    EXPECT_EQ(page2.value().items[0].name, "Distracted Cat");
    EXPECT_TRUE(page2.value().next_cursor.empty());

    // A meme from a template; an unknown template is a 422.
    std::string rendered = Upload(bob, 3);
    MemeSpec from_template;
    from_template.background.template_id = first.value().id;
    from_template.boxes = first.value().boxes;
    from_template.boxes[0].text = "me";
    auto meme = PostMeme(bob, rendered, from_template);
    ASSERT_TRUE(meme.ok()) << meme.error().message;
    ASSERT_TRUE(meme.value().meme.has_value());
    EXPECT_EQ(meme.value().meme->background.template_id, first.value().id);
    from_template.background.template_id = "999999";
    auto unknown = PostMeme(bob, rendered, from_template);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, "template_not_found");
}

TEST(Subscriptions, FollowingFeedProfilesAndIdempotence) {
    ServerProcess server;
    ApiClient ada = SignupAndLogin(server, "ada");
    ApiClient bob = SignupAndLogin(server, "bob");
    ApiClient carol = SignupAndLogin(server, "carol");

    auto self = Await<Unit>([&](auto cb) { ada.Subscribe("ada", cb); });
    ASSERT_FALSE(self.ok());
    EXPECT_EQ(self.error().http_status, 422);
    EXPECT_EQ(self.error().code, "cannot_subscribe_to_self");
    auto unknown = Await<Unit>([&](auto cb) { bob.Subscribe("nobody", cb); });
    EXPECT_EQ(unknown.error().http_status, 404);
    // PUT twice is one subscription.
    ASSERT_TRUE(Await<Unit>([&](auto cb) { bob.Subscribe("ada", cb); }).ok());
    ASSERT_TRUE(Await<Unit>([&](auto cb) { bob.Subscribe("ADA", cb); }).ok());

    ASSERT_TRUE(Await<Post>([&](auto cb) { ada.CreatePost("ada one", cb); }).ok());
    ASSERT_TRUE(Await<Post>([&](auto cb) { carol.CreatePost("carol one", cb); }).ok());
    ASSERT_TRUE(Await<Post>([&](auto cb) { ada.CreatePost("ada two", cb); }).ok());
    std::string picture = Upload(ada, 4);
    auto meme = PostMeme(ada, picture, Meme(picture, "ada three"), "a meme");
    ASSERT_TRUE(meme.ok()) << meme.error().message;
    ASSERT_TRUE(meme.value().meme.has_value());
    EXPECT_EQ(meme.value().meme->boxes[1].fill, 0xFFCC00u);
    EXPECT_EQ(meme.value().meme->boxes[1].font, MemeFont::kInter);
    auto fetched = Await<Post>([&](auto cb) { carol.GetPost(meme.value().id, cb); });
    ASSERT_TRUE(fetched.ok());
    ASSERT_TRUE(fetched.value().meme.has_value());
    EXPECT_EQ(fetched.value().meme->boxes[0].text, "ada three");
    EXPECT_EQ(fetched.value().meme->background.media_id, picture);

    // Following: only ada's posts, newest first, paged with the keyset cursor.
    api::PostQuery following;
    following.following = true;
    following.limit = 2;
    auto page1 = Await<PostPage>([&](auto cb) { bob.ListPosts(following, cb); });
    ASSERT_TRUE(page1.ok()) << page1.error().message;
    ASSERT_EQ(page1.value().items.size(), 2u);
    EXPECT_EQ(page1.value().items[0].text, "a meme");
    EXPECT_EQ(page1.value().items[1].text, "ada two");
    ASSERT_FALSE(page1.value().next_cursor.empty());
    following.cursor = page1.value().next_cursor;
    auto page2 = Await<PostPage>([&](auto cb) { bob.ListPosts(following, cb); });
    ASSERT_TRUE(page2.ok());
    ASSERT_EQ(page2.value().items.size(), 1u);
    EXPECT_EQ(page2.value().items[0].text, "ada one");
    EXPECT_TRUE(page2.value().next_cursor.empty());
    // Carol follows nobody.
    api::PostQuery carols;
    carols.following = true;
    auto empty = Await<PostPage>([&](auto cb) { carol.ListPosts(carols, cb); });
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty.value().items.empty());

    // Portfolio counts, with `subscribed` as seen by the caller.
    auto profile = Await<UserProfile>([&](auto cb) { bob.GetProfile("ada", cb); });
    ASSERT_TRUE(profile.ok()) << profile.error().message;
    EXPECT_EQ(profile.value().user.username, "ada");
    EXPECT_FALSE(profile.value().user.created_at.empty());
    EXPECT_TRUE(profile.value().user.email.empty());
    EXPECT_EQ(profile.value().post_count, 3);
    EXPECT_EQ(profile.value().meme_count, 1);
    EXPECT_EQ(profile.value().subscriber_count, 1);
    EXPECT_TRUE(profile.value().subscribed);
    ApiClient anonymous = NewClient(server);
    auto seen = Await<UserProfile>([&](auto cb) { anonymous.GetProfile("ada", cb); });
    ASSERT_TRUE(seen.ok());
    EXPECT_FALSE(seen.value().subscribed);
    EXPECT_EQ(seen.value().subscriber_count, 1);
    auto by_carol = Await<UserProfile>([&](auto cb) { carol.GetProfile("ada", cb); });
    EXPECT_FALSE(by_carol.value().subscribed);
    EXPECT_EQ(
        Await<UserProfile>([&](auto cb) { bob.GetProfile("nobody", cb); }).error().http_status,
        404);

    // DELETE twice is fine; the following feed empties.
    ASSERT_TRUE(Await<Unit>([&](auto cb) { bob.Unsubscribe("ada", cb); }).ok());
    ASSERT_TRUE(Await<Unit>([&](auto cb) { bob.Unsubscribe("ada", cb); }).ok());
    following.cursor.clear();
    auto after = Await<PostPage>([&](auto cb) { bob.ListPosts(following, cb); });
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(after.value().items.empty());
    EXPECT_EQ(
        Await<UserProfile>([&](auto cb) { bob.GetProfile("ada", cb); }).value().subscriber_count,
        0);
}

TEST(Notifications, MemesNotifySubscribersWhoMarkThemRead) {
    ServerProcess server;
    ApiClient ada = SignupAndLogin(server, "ada");
    ApiClient bob = SignupAndLogin(server, "bob");
    ApiClient carol = SignupAndLogin(server, "carol");
    ApiClient dave = SignupAndLogin(server, "dave");  // subscribes to nobody
    ASSERT_TRUE(Await<Unit>([&](auto cb) { bob.Subscribe("ada", cb); }).ok());
    ASSERT_TRUE(Await<Unit>([&](auto cb) { carol.Subscribe("ada", cb); }).ok());

    // Settings default to email on; carol turns it off.
    auto settings = Await<UserSettings>([&](auto cb) { carol.GetSettings(cb); });
    ASSERT_TRUE(settings.ok());
    EXPECT_TRUE(settings.value().email_notifications);
    auto off = Await<UserSettings>([&](auto cb) { carol.UpdateSettings(false, cb); });
    ASSERT_TRUE(off.ok());
    EXPECT_FALSE(off.value().email_notifications);
    EXPECT_FALSE(
        Await<UserSettings>([&](auto cb) { carol.GetSettings(cb); }).value().email_notifications);

    // The blur setting (issue 6) defaults on and changes alone, leaving email as it was.
    EXPECT_TRUE(settings.value().blur_sensitive);
    api::SettingsPatch blur_off;
    blur_off.blur_sensitive = false;
    auto blur = Await<UserSettings>([&](auto cb) { carol.UpdateSettings(blur_off, cb); });
    ASSERT_TRUE(blur.ok()) << blur.error().message;
    EXPECT_FALSE(blur.value().blur_sensitive);
    EXPECT_FALSE(blur.value().email_notifications) << "a partial update keeps the other field";
    auto reread = Await<UserSettings>([&](auto cb) { carol.GetSettings(cb); });
    EXPECT_FALSE(reread.value().blur_sensitive);
    EXPECT_TRUE(Await<UserSettings>([&](auto cb) { bob.GetSettings(cb); }).value().blur_sensitive)
        << "others keep the default";

    // A plain post notifies nobody; memes do.
    ASSERT_TRUE(Await<Post>([&](auto cb) { ada.CreatePost("just text", cb); }).ok());
    std::string picture = Upload(ada, 5);
    auto first = PostMeme(ada, picture, Meme(picture, "one"), "first meme");
    ASSERT_TRUE(first.ok()) << first.error().message;
    auto second = PostMeme(ada, picture, Meme(picture, "two"));
    ASSERT_TRUE(second.ok());

    NotificationPage bobs = WaitForNotifications(bob, 2);
    ASSERT_EQ(bobs.items.size(), 2u);
    EXPECT_EQ(bobs.unread_count, 2);
    EXPECT_EQ(bobs.items[0].post_id, second.value().id);  // newest first
    EXPECT_EQ(bobs.items[1].post_id, first.value().id);
    EXPECT_EQ(bobs.items[0].kind, "new_meme");
    EXPECT_EQ(bobs.items[0].actor, "ada");
    EXPECT_FALSE(bobs.items[0].read);
    EXPECT_FALSE(bobs.items[0].thumb_url.empty());
    EXPECT_NE(bobs.items[0].text.find("ada"), std::string::npos);
    NotificationPage carols = WaitForNotifications(carol, 2);
    ASSERT_EQ(carols.items.size(), 2u);
    // Nobody else, and not the author.
    EXPECT_TRUE(WaitForNotifications(dave, 1, 300).items.empty());
    EXPECT_TRUE(WaitForNotifications(ada, 1, 300).items.empty());

    // Paging.
    auto paged = Await<NotificationPage>([&](auto cb) { bob.ListNotifications({"", 1}, cb); });
    ASSERT_TRUE(paged.ok());
    ASSERT_EQ(paged.value().items.size(), 1u);
    ASSERT_FALSE(paged.value().next_cursor.empty());
    auto rest = Await<NotificationPage>([&](auto cb) {
        bob.ListNotifications({paged.value().next_cursor, 1}, cb);
    });
    ASSERT_TRUE(rest.ok());
    ASSERT_EQ(rest.value().items.size(), 1u);
    EXPECT_EQ(rest.value().items[0].id, bobs.items[1].id);

    // Marking read: bob's own id counts; carol's id (and garbage) is ignored.
    auto unread = Await<int64_t>([&](auto cb) {
        bob.MarkNotificationsRead({bobs.items[1].id, carols.items[0].id, "x", "0"}, cb);
    });
    ASSERT_TRUE(unread.ok()) << unread.error().message;
    EXPECT_EQ(unread.value(), 1);
    NotificationPage bob_after = WaitForNotifications(bob, 2);
    EXPECT_FALSE(bob_after.items[0].read);
    EXPECT_TRUE(bob_after.items[1].read);
    NotificationPage carol_after = WaitForNotifications(carol, 2);
    EXPECT_EQ(carol_after.unread_count, 2);
    EXPECT_FALSE(carol_after.items[0].read);
    auto all = Await<int64_t>([&](auto cb) { bob.MarkAllNotificationsRead(cb); });
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all.value(), 0);
    EXPECT_EQ(WaitForNotifications(carol, 2).unread_count, 2);

    // Email: bob got one per meme, carol (emails off) none.
    auto outbox = server.data_dir() / "outbox";
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (MemeMailsTo(outbox, "bob@example.org").size() < 2 &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    auto bob_mail = MemeMailsTo(outbox, "bob@example.org");
    ASSERT_EQ(bob_mail.size(), 2u);
    EXPECT_NE(bob_mail[0].find("Subject: ada posted a new meme on Skyloom"), std::string::npos);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_TRUE(MemeMailsTo(outbox, "carol@example.org").empty());

    // Carol turns email back on: the next meme mails her too; a deleted meme's notifications go.
    ASSERT_TRUE(Await<UserSettings>([&](auto cb) { carol.UpdateSettings(true, cb); }).ok());
    auto third = PostMeme(ada, picture, Meme(picture, "three"));
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(WaitForNotifications(carol, 3).items.size(), 3u);
    deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (MemeMailsTo(outbox, "carol@example.org").empty() &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_EQ(MemeMailsTo(outbox, "carol@example.org").size(), 1u);
    ASSERT_TRUE(Await<Unit>([&](auto cb) { ada.DeletePost(third.value().id, cb); }).ok());
    auto remaining = Await<NotificationPage>([&](auto cb) { carol.ListNotifications({}, cb); });
    ASSERT_TRUE(remaining.ok());
    EXPECT_EQ(remaining.value().items.size(), 2u);
}

}  // namespace
}  // namespace skyloom::testing
