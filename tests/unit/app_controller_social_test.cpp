// The app controller's social side (issues 5/6) natively against a fake server: portfolios and
// subscribe/unsubscribe, the Following tab's query, the notification bell (polling, mark one /
// all read, opening a notification), settings toggles (optimistic, reverted on failure, the
// feed's blur follows) and the AI history (delete one / all).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app_fake_server.h"
#include "app_platform_fake.h"
#include "state/app_state.h"
#include "state/controller.h"

namespace skyloom::app {
namespace {

using testing::FakeApi;
using Json = nlohmann::json;

constexpr const char* kSession =
    R"({"access_token":"A1","refresh_token":"R1","expires_in":900,"user":{"id":"1","username":"ada","verified":true,"created_at":"2026-11-23T10:00:00Z"}})";
constexpr const char* kEmpty = R"({"items":[],"next_cursor":null})";
constexpr const char* kGraceProfile =
    R"({"user":{"id":"2","username":"grace","verified":true,"created_at":"2026-11-23T10:00:00Z"},"username":"grace","created_at":"2026-11-23T10:00:00Z","post_count":3,"meme_count":1,"subscriber_count":4,"subscribed":false})";
constexpr const char* kGracePosts =
    R"({"items":[{"id":"9","author":{"username":"grace"},"text":"meme","sensitive":false,"created_at":"2026-11-23T10:00:00Z"},{"id":"8","author":{"username":"grace"},"text":"words","sensitive":false,"created_at":"2026-11-23T09:00:00Z"}],"next_cursor":null})";
constexpr const char* kTwoUnread =
    R"({"items":[{"id":"12","kind":"new_meme","actor":{"username":"grace"},"post_id":"9","text":"grace posted a new meme","read":false,"created_at":"2026-11-23T10:00:00Z"},{"id":"11","kind":"new_meme","actor":{"username":"grace"},"post_id":"7","text":"grace posted a new meme","read":false,"created_at":"2026-11-23T09:00:00Z"}],"unread_count":2,"next_cursor":null})";
constexpr const char* kSettingsOn = R"({"email_notifications":true,"blur_sensitive":true})";
constexpr const char* kHistory =
    R"({"items":[{"id":"5","kind":"chat","input":"hello","output":"hi!","provider":"builtin","model":"m","status":"ok","latency_ms":2,"created_at":"2026-11-23T10:00:00Z"},{"id":"4","kind":"autofill","input":"Once","output":" upon","provider":"builtin","model":"m","status":"ok","latency_ms":1,"created_at":"2026-11-23T09:00:00Z"}],"next_cursor":null})";

class SocialControllerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        platform::fake::Reset();
        api.On("POST /api/v1/auth/login", 200, kSession);
        api.On("GET /api/v1/groups", 200, kEmpty);
        api.On("GET /api/v1/notifications", 200, kTwoUnread);
        api.On("GET /api/v1/me/settings", 200, kSettingsOn);
        api.On("GET /api/v1/users/grace", 200, kGraceProfile);
        api.On("GET /api/v1/posts", 200, kGracePosts);
        api.On("GET /api/v1/ai/history", 200, kHistory);
    }
    void SignIn() {
        controller.Start();
        state.sign_in.login = "ada";
        state.sign_in.password = "correct horse battery";
        controller.Handle(SignInAction::Submit);
        api.Flush();
        ASSERT_EQ(state.user, "ada");
    }
    void Do(SocialActionKind kind, std::string id = "", bool value = false) {
        SocialAction action;
        action.kind = kind;
        action.id = std::move(id);
        action.value = value;
        controller.Handle(action);
    }
    platform::fake::Browser& browser() { return platform::fake::Get(); }

    FakeApi api;
    ApiClient client{api.transport(), "http://test"};
    AppState state;
    Controller controller{state, client};
};

TEST_F(SocialControllerTest, PortfolioLoadsProfileAndPostsAndSubscribes) {
    SignIn();
    browser().hash = "#/u/grace";
    controller.OnHashChanged("#/u/grace");
    EXPECT_EQ(state.location.screen, ui::Screen::kUser);
    EXPECT_EQ(browser().title, "@grace \xc2\xb7 Skyloom");
    api.Flush();
    ASSERT_TRUE(state.portfolio.profile);
    EXPECT_EQ(state.portfolio.profile->meme_count, 1);
    ASSERT_EQ(state.portfolio.posts.posts().size(), 2u);
    const HttpRequest* page = api.Last("GET", "/api/v1/posts");
    ASSERT_NE(page, nullptr);
    EXPECT_NE(page->path.find("author=grace"), std::string::npos) << page->path;

    api.On("PUT /api/v1/users/grace/subscription", 204, "");
    Do(SocialActionKind::Subscribe);
    EXPECT_TRUE(state.portfolio.subscribe_request.in_progress());
    Do(SocialActionKind::Subscribe);  // a second click while in flight sends nothing
    EXPECT_EQ(api.Count("PUT", "/api/v1/users/grace/subscription"), 1);
    api.Flush();
    EXPECT_TRUE(state.portfolio.profile->subscribed);
    EXPECT_EQ(state.portfolio.profile->subscriber_count, 5);
    EXPECT_FALSE(state.portfolio.subscribe_request.in_progress());

    api.On("DELETE /api/v1/users/grace/subscription", 204, "");
    Do(SocialActionKind::Unsubscribe);
    api.Flush();
    EXPECT_FALSE(state.portfolio.profile->subscribed);
    EXPECT_EQ(state.portfolio.profile->subscriber_count, 4);
    // Coming back to the portfolio shows posts made since.
    api.On(
        "GET /api/v1/posts", 200,
        R"({"items":[{"id":"10","author":{"username":"grace"},"text":"new","sensitive":false,"created_at":"2026-11-23T11:00:00Z"}],"next_cursor":null})");
    controller.Navigate({ui::Screen::kFeed, {}});
    controller.Navigate({ui::Screen::kUser, "grace"});
    api.Flush();
    ASSERT_EQ(state.portfolio.posts.posts().size(), 1u);
    EXPECT_EQ(state.portfolio.posts.posts()[0].id, "10");
    const Json json = Json::parse(StateJson(state));
    EXPECT_EQ(json["route"], "u");
    EXPECT_EQ(json["profile"]["username"], "grace");
    EXPECT_EQ(json["profile"]["subscribed"], false);
    EXPECT_EQ(json["profile"]["posts"].size(), 1u);
}

TEST_F(SocialControllerTest, SubscribeFailureIsShownAndChangesNothing) {
    SignIn();
    controller.Navigate({ui::Screen::kUser, "grace"});
    api.Flush();
    api.On("PUT /api/v1/users/grace/subscription", 422,
           R"({"error":{"code":"cannot_subscribe","message":"You can't subscribe to that user"}})");
    Do(SocialActionKind::Subscribe);
    api.Flush();
    EXPECT_TRUE(state.portfolio.subscribe_request.failed());
    EXPECT_EQ(state.portfolio.subscribe_request.error.message, "You can't subscribe to that user");
    EXPECT_FALSE(state.portfolio.profile->subscribed);
    const Json json = Json::parse(StateJson(state));
    ASSERT_FALSE(json["toasts"].empty());
    EXPECT_EQ(json["toasts"].back()["text"], "You can't subscribe to that user");
}

TEST_F(SocialControllerTest, FollowingTabAsksForFollowingPosts) {
    SignIn();
    controller.Navigate({ui::Screen::kFollowing, {}});
    EXPECT_EQ(state.feed_tab(), FeedTab::kFollowing);
    FeedAction more;
    more.load_more = true;
    controller.Handle(more);
    const HttpRequest* page = api.Last("GET", "/api/v1/posts");
    ASSERT_NE(page, nullptr);
    EXPECT_NE(page->path.find("following=1"), std::string::npos) << page->path;
    api.Flush();
    EXPECT_EQ(state.feed.following.posts().size(), 2u);
    EXPECT_EQ(Json::parse(StateJson(state))["feed"]["tab"], "following");
    // An author's name opens their portfolio.
    FeedAction author;
    author.kind = FeedActionKind::OpenAuthor;
    author.username = "grace";
    controller.Handle(author);
    EXPECT_EQ(browser().hash, "#/u/grace");
}

TEST_F(SocialControllerTest, BellPollsAtSignInOnTimerAndFocusAndStopsAtSignOut) {
    SignIn();
    EXPECT_EQ(api.Count("GET", "/api/v1/notifications"), 1);
    EXPECT_EQ(state.notifications.unread, 2);
    ASSERT_EQ(browser().timers.size(), 1u) << "one poll timer (and no toast yet)";
    auto fire = [&] {
        auto timers = std::move(browser().timers);
        browser().timers.clear();
        for (auto& t : timers) t();
    };
    fire();
    api.Flush();
    EXPECT_EQ(api.Count("GET", "/api/v1/notifications"), 2);
    EXPECT_EQ(browser().timers.size(), 1u) << "the timer re-arms";
    // Focus polls, but not twice within kFocusPollMinMs.
    browser().now_ms += kFocusPollMinMs + 1;
    controller.OnFocus();
    controller.OnFocus();
    api.Flush();
    EXPECT_EQ(api.Count("GET", "/api/v1/notifications"), 3);

    api.On("POST /api/v1/auth/logout", 204, "");
    controller.Handle(TopBarAction::SignOut);
    api.Flush();
    fire();
    api.Flush();
    EXPECT_EQ(api.Count("GET", "/api/v1/notifications"), 3) << "a signed-out page never polls";
    EXPECT_EQ(state.notifications.unread, 0);
}

TEST_F(SocialControllerTest, MarkOneThenAllRead) {
    SignIn();
    controller.Handle(TopBarAction::Notifications);
    EXPECT_EQ(browser().hash, "#/notifications");
    api.Flush();
    ASSERT_EQ(state.notifications.items.size(), 2u);

    api.On("POST /api/v1/notifications/read", 200, R"({"unread_count":1})");
    Do(SocialActionKind::MarkRead, "12");
    EXPECT_TRUE(state.notifications.mark_request.in_progress());
    const HttpRequest* read = api.Last("POST", "/api/v1/notifications/read");
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(Json::parse(read->body), Json({{"ids", {"12"}}}));
    api.Flush();
    EXPECT_EQ(state.notifications.unread, 1);
    EXPECT_TRUE(state.notifications.items[0].read);
    EXPECT_FALSE(state.notifications.items[1].read);

    api.On("POST /api/v1/notifications/read", 200, R"({"unread_count":0})");
    Do(SocialActionKind::MarkAllRead);
    EXPECT_EQ(Json::parse(api.Last("POST", "/api/v1/notifications/read")->body),
              Json({{"all", true}}));
    api.Flush();
    EXPECT_EQ(state.notifications.unread, 0);
    EXPECT_TRUE(state.notifications.items[1].read);
    EXPECT_EQ(Json::parse(StateJson(state))["notifications"]["unread"], 0);
}

TEST_F(SocialControllerTest, OpeningANotificationMarksItReadAndShowsThePost) {
    SignIn();
    api.On("POST /api/v1/notifications/read", 200, R"({"unread_count":1})");
    api.On(
        "GET /api/v1/posts/9", 200,
        R"({"post":{"id":"9","author":{"username":"grace"},"text":"meme","sensitive":false,"created_at":"2026-11-23T10:00:00Z"}})");
    SocialAction open;
    open.kind = SocialActionKind::OpenNotification;
    open.id = "12";
    open.post_id = "9";
    controller.Handle(open);
    EXPECT_EQ(browser().hash, "#/post/9");
    api.Flush();
    EXPECT_EQ(state.notifications.unread, 1);
    ASSERT_TRUE(state.feed.post);
    EXPECT_EQ(state.feed.post->id, "9");
}

TEST_F(SocialControllerTest, SettingsToggleSavesAloneAndRevertsOnFailure) {
    SignIn();
    EXPECT_TRUE(state.settings.loaded);
    EXPECT_TRUE(state.feed.blur_sensitive);

    api.On("PATCH /api/v1/me/settings", 200,
           R"({"email_notifications":true,"blur_sensitive":false})");
    Do(SocialActionKind::SetBlurSensitive, "", false);
    EXPECT_FALSE(state.settings.settings.blur_sensitive) << "shown at once";
    EXPECT_FALSE(state.feed.blur_sensitive) << "the feed stops blurring at once";
    EXPECT_TRUE(state.settings.blur_save.in_progress());
    Do(SocialActionKind::SetBlurSensitive, "", true);  // disabled while in flight
    EXPECT_EQ(api.Count("PATCH", "/api/v1/me/settings"), 1);
    EXPECT_EQ(Json::parse(api.Last("PATCH", "/api/v1/me/settings")->body),
              Json({{"blur_sensitive", false}}));
    api.Flush();
    EXPECT_FALSE(state.settings.settings.blur_sensitive);

    api.On("PATCH /api/v1/me/settings", 503,
           R"({"error":{"code":"unavailable","message":"Try again in a moment"}})");
    Do(SocialActionKind::SetEmailNotifications, "", false);
    EXPECT_FALSE(state.settings.settings.email_notifications);
    EXPECT_EQ(Json::parse(api.Last("PATCH", "/api/v1/me/settings")->body),
              Json({{"email_notifications", false}}));
    api.Flush();
    EXPECT_TRUE(state.settings.settings.email_notifications) << "the old value is back";
    EXPECT_TRUE(state.settings.email_save.failed());
    EXPECT_EQ(state.settings.email_save.error.message, "Try again in a moment");
}

TEST_F(SocialControllerTest, AiHistoryListsAndDeletesOneAndAll) {
    SignIn();
    controller.Handle(TopBarAction::Settings);
    EXPECT_EQ(state.location.screen, ui::Screen::kSettings);
    api.Flush();
    ASSERT_EQ(state.settings.history.size(), 2u);

    api.On("DELETE /api/v1/ai/history/5", 204, "");
    Do(SocialActionKind::DeleteInference, "5");
    EXPECT_TRUE(state.settings.delete_request.in_progress());
    Do(SocialActionKind::DeleteAllInferences);  // ignored while one is in flight
    EXPECT_EQ(api.Count("DELETE", "/api/v1/ai/history"), 1);
    api.Flush();
    ASSERT_EQ(state.settings.history.size(), 1u);
    EXPECT_EQ(state.settings.history[0].id, "4");

    api.On("DELETE /api/v1/ai/history", 200, R"({"deleted":1})");
    Do(SocialActionKind::DeleteAllInferences);
    api.Flush();
    EXPECT_TRUE(state.settings.history.empty());
    EXPECT_FALSE(state.settings.delete_request.failed());
}

TEST_F(SocialControllerTest, AReloadOnASocialScreenLoadsItOnceTheSessionIsBack) {
    api.On("POST /api/v1/auth/refresh", 200, kSession);
    browser().storage[kRefreshTokenKey] = "R0";
    browser().hash = "#/settings";
    controller.Start();
    EXPECT_EQ(state.location.screen, ui::Screen::kSettings) << "shown while restoring";
    api.Flush();
    ASSERT_EQ(state.user, "ada");
    EXPECT_EQ(state.location.screen, ui::Screen::kSettings);
    EXPECT_TRUE(state.settings.loaded);
    EXPECT_TRUE(state.settings.history_loaded);
    EXPECT_EQ(state.settings.history.size(), 2u);
    EXPECT_EQ(state.notifications.unread, 2) << "the bell polls after a restore too";
}

}  // namespace
}  // namespace skyloom::app
