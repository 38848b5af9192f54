// The browser app's controller (src/app/state) run natively: state transitions for sign in,
// sign up + verify, resend cooldown, paste, session restore and sign out, against a fake server
// whose answers arrive only when the test flushes them (as fetch completions arrive on a later
// frame in the browser).
#include <gtest/gtest.h>

#include <deque>
#include <functional>

#include "app_platform_fake.h"
#include "state/app_state.h"
#include "state/controller.h"

namespace skyloom::app {
namespace {

using Handler = std::function<HttpResponse(const HttpRequest&)>;

// Answers requests by "METHOD /path" (path without the query); unknown routes get a 404.
struct FakeServer {
    std::map<std::string, Handler> routes;
    std::vector<HttpRequest> received;
    std::deque<std::pair<HttpRequest, ResponseCallback>> pending;

    Transport transport() {
        return [this](const std::string&, const HttpRequest& request, ResponseCallback done) {
            received.push_back(request);
            pending.emplace_back(request, std::move(done));
        };
    }
    void On(const std::string& route, int status, std::string body) {
        routes[route] = [status, body](const HttpRequest&) {
            return HttpResponse{status, body, ""};
        };
    }
    // Answers everything in flight, including requests made by the answers' callbacks.
    void Flush() {
        while (!pending.empty()) {
            auto [request, done] = std::move(pending.front());
            pending.pop_front();
            const std::string path = request.path.substr(0, request.path.find('?'));
            auto it = routes.find(request.method + " " + path);
            done(it != routes.end()
                     ? it->second(request)
                     : HttpResponse{404, R"({"error":{"code":"not_found","message":"nope"}})", ""});
        }
    }
    [[nodiscard]] int Count(const std::string& method, const std::string& path) const {
        int n = 0;
        for (const HttpRequest& r : received)
            if (r.method == method && r.path.rfind(path, 0) == 0) n++;
        return n;
    }
};

constexpr const char* kSession =
    R"({"access_token":"A1","refresh_token":"R1","expires_in":900,"user":{"id":"1","username":"ada","verified":true,"created_at":"2026-11-23T10:00:00Z"}})";
constexpr const char* kEmptyPage = R"({"items":[],"next_cursor":null})";
constexpr const char* kOnePost =
    R"({"items":[{"id":"7","author":{"username":"grace"},"text":"hi","sensitive":false,"created_at":"2026-11-23T10:00:00Z"}],"next_cursor":null})";

class ControllerTest : public ::testing::Test {
  protected:
    void SetUp() override { platform::fake::Reset(); }
    [[nodiscard]] platform::fake::Browser& browser() { return platform::fake::Get(); }

    FakeServer server;
    ApiClient client{server.transport(), "http://test"};
    AppState state;
    Controller controller{state, client};
};

TEST_F(ControllerTest, SignedOutStartShowsSignIn) {
    browser().hash = "#/feed";
    controller.Start();
    EXPECT_EQ(state.location.screen, ui::Screen::kLogin);
    EXPECT_EQ(browser().hash, "#/login");
    EXPECT_FALSE(state.user);
    EXPECT_TRUE(server.received.empty());
}

TEST_F(ControllerTest, SignInSuccessStoresTheSessionAndLandsOnTheFeed) {
    server.On("POST /api/v1/auth/login", 200, kSession);
    controller.Start();
    state.sign_in.login = "ada";
    state.sign_in.password = "correct horse battery";
    controller.Handle(SignInAction::Submit);
    EXPECT_TRUE(state.sign_in.request.in_progress());
    EXPECT_EQ(state.requests_in_flight, 1);
    server.Flush();
    EXPECT_EQ(state.user, "ada");
    EXPECT_EQ(state.location.screen, ui::Screen::kFeed);
    EXPECT_EQ(browser().hash, "#/feed");
    EXPECT_EQ(browser().storage[kRefreshTokenKey], "R1");
    EXPECT_TRUE(state.sign_in.password.empty()) << "the password is not kept after sign-in";
    EXPECT_EQ(state.requests_in_flight, 0);
}

TEST_F(ControllerTest, SignInFailureShowsTheServersMessage) {
    server.On(
        "POST /api/v1/auth/login", 401,
        R"({"error":{"code":"invalid_credentials","message":"Wrong username, email or password"}})");
    controller.Start();
    state.sign_in.login = "ada";
    state.sign_in.password = "nope nope nope";
    controller.Handle(SignInAction::Submit);
    server.Flush();
    EXPECT_FALSE(state.user);
    EXPECT_EQ(state.location.screen, ui::Screen::kLogin);
    EXPECT_TRUE(state.sign_in.request.failed());
    EXPECT_EQ(state.sign_in.error, "Wrong username, email or password");
    EXPECT_EQ(browser().storage.count(kRefreshTokenKey), 0u);
}

TEST_F(ControllerTest, EmptySignInShowsFieldErrorsWithoutARequest) {
    controller.Start();
    controller.Handle(SignInAction::Submit);
    EXPECT_FALSE(state.sign_in.login_error.empty());
    EXPECT_FALSE(state.sign_in.password_error.empty());
    EXPECT_TRUE(server.received.empty());
}

TEST_F(ControllerTest, SignUpThenVerifySignsInWithThePasswordHeldInMemory) {
    server.On(
        "POST /api/v1/auth/signup", 201,
        R"({"user":{"id":"2","username":"ada","email":"ada@example.com","verified":false,"created_at":""}})");
    server.On("POST /api/v1/auth/verify", 200, "{}");
    server.On("POST /api/v1/auth/login", 200, kSession);
    controller.Start();
    controller.Navigate({ui::Screen::kSignup, {}});
    state.sign_up = {};
    state.sign_up.username = "ada";
    state.sign_up.email = "ada@example.com";
    state.sign_up.password = "correct horse battery";
    controller.Handle(SignUpAction::Submit);
    server.Flush();
    ASSERT_EQ(state.location.screen, ui::Screen::kVerify);
    EXPECT_EQ(state.verify.username, "ada");
    EXPECT_EQ(state.verify.resend_at_ms, browser().now_ms + kResendCooldownMs)
        << "the countdown starts from the first code";
    EXPECT_TRUE(state.sign_up.password.empty());

    state.verify.code = "123456";
    controller.Handle(VerifyAction::Submit);
    server.Flush();
    EXPECT_EQ(server.Count("POST", "/api/v1/auth/login"), 1);
    EXPECT_EQ(state.user, "ada");
    EXPECT_EQ(state.location.screen, ui::Screen::kFeed);
}

TEST_F(ControllerTest, TakenUsernameLandsUnderTheUsernameField) {
    server.On("POST /api/v1/auth/signup", 409,
              R"({"error":{"code":"username_taken","message":"That username is taken"}})");
    controller.Start();
    state.sign_up.username = "ada";
    state.sign_up.email = "ada@example.com";
    state.sign_up.password = "correct horse battery";
    controller.Handle(SignUpAction::Submit);
    server.Flush();
    EXPECT_EQ(state.sign_up.username_error, "That username is taken");
    EXPECT_TRUE(state.sign_up.error.empty());
    EXPECT_EQ(state.location.screen, ui::Screen::kLogin);  // never left (Start showed login)
}

TEST_F(ControllerTest, WrongCodeShowsTheMessageUnderTheCode) {
    server.On(
        "POST /api/v1/auth/verify", 400,
        R"({"error":{"code":"invalid_code","message":"That code is not right; 4 attempts left"}})");
    browser().hash = "#/verify";
    controller.Start();
    state.verify.username = "ada";
    state.verify.code = "000000";
    controller.Handle(VerifyAction::Submit);
    server.Flush();
    EXPECT_EQ(state.verify.code_error, "That code is not right; 4 attempts left");
    EXPECT_EQ(state.location.screen, ui::Screen::kVerify);
}

TEST_F(ControllerTest, VerifyWithoutTheSignUpPasswordRoutesToSignInWithTheUsername) {
    server.On("POST /api/v1/auth/verify", 200, "{}");
    browser().hash = "#/verify";
    controller.Start();
    state.verify.username = "ada";
    state.verify.code = "123456";
    controller.Handle(VerifyAction::Submit);
    server.Flush();
    EXPECT_EQ(state.location.screen, ui::Screen::kLogin);
    EXPECT_EQ(state.sign_in.login, "ada");
    EXPECT_EQ(server.Count("POST", "/api/v1/auth/login"), 0);
}

TEST_F(ControllerTest, ResendCooldownFollowsTheServersRetryAfter) {
    server.On(
        "POST /api/v1/auth/resend", 429,
        R"({"error":{"code":"resend_too_soon","message":"A code was just sent","retry_after":42}})");
    browser().hash = "#/verify";
    controller.Start();
    state.verify.username = "ada";
    controller.Handle(VerifyAction::Resend);
    server.Flush();
    EXPECT_EQ(state.verify.resend_at_ms, browser().now_ms + 42000.0);
    EXPECT_TRUE(state.verify.code_error.empty()) << "a cooldown is shown as a countdown";
}

TEST_F(ControllerTest, PastingACodeOnVerifyFillsAndSubmitsIt) {
    server.On("POST /api/v1/auth/verify", 200, "{}");
    browser().hash = "#/verify";
    controller.Start();
    state.verify.username = "ada";
    controller.OnPaste("Your code: 123 456.");
    EXPECT_EQ(state.verify.code, "123456");
    EXPECT_TRUE(state.verify.pasted);
    EXPECT_EQ(server.Count("POST", "/api/v1/auth/verify"), 1);
}

TEST_F(ControllerTest, PastingElsewhereDoesNothing) {
    controller.Start();
    controller.OnPaste("123456");
    EXPECT_TRUE(state.verify.code.empty());
    EXPECT_TRUE(server.received.empty());
}

TEST_F(ControllerTest, StoredSessionIsRestoredOnTheScreenInTheUrl) {
    server.On("POST /api/v1/auth/refresh", 200, kSession);
    browser().storage[kRefreshTokenKey] = "R0";
    browser().hash = "#/me";
    controller.Start();
    EXPECT_TRUE(state.restoring);
    EXPECT_EQ(state.location.screen, ui::Screen::kMe) << "the wanted screen waits for the restore";
    server.Flush();
    EXPECT_FALSE(state.restoring);
    EXPECT_EQ(state.user, "ada");
    EXPECT_EQ(state.location.screen, ui::Screen::kMe);
    EXPECT_EQ(browser().storage[kRefreshTokenKey], "R1") << "the rotated token is persisted";
}

TEST_F(ControllerTest, FailedRestoreForgetsTheTokenAndShowsSignIn) {
    server.On("POST /api/v1/auth/refresh", 401,
              R"({"error":{"code":"invalid_token","message":"Sign in again"}})");
    browser().storage[kRefreshTokenKey] = "R0";
    browser().hash = "#/feed";
    controller.Start();
    server.Flush();
    EXPECT_FALSE(state.user);
    EXPECT_EQ(state.location.screen, ui::Screen::kLogin);
    EXPECT_EQ(browser().storage.count(kRefreshTokenKey), 0u);
}

TEST_F(ControllerTest, SignOutRevokesAndClearsFeeds) {
    server.On("POST /api/v1/auth/login", 200, kSession);
    server.On("GET /api/v1/posts", 200, kOnePost);
    server.On("POST /api/v1/auth/logout", 204, "");
    controller.Start();
    state.sign_in.login = "ada";
    state.sign_in.password = "correct horse battery";
    controller.Handle(SignInAction::Submit);
    server.Flush();
    FeedAction load;
    load.load_more = true;
    controller.Handle(load);
    server.Flush();
    ASSERT_EQ(state.feed.explore.posts().size(), 1u);

    controller.Handle(TopBarAction::SignOut);
    server.Flush();
    EXPECT_EQ(server.Count("POST", "/api/v1/auth/logout"), 1);
    EXPECT_FALSE(state.user);
    EXPECT_TRUE(state.feed.explore.posts().empty());
    EXPECT_FALSE(state.feed.explore.loaded_once());
    EXPECT_EQ(state.location.screen, ui::Screen::kLogin);
    EXPECT_EQ(browser().storage.count(kRefreshTokenKey), 0u);
}

TEST_F(ControllerTest, NewPostIsPrependedToExploreAndMeAndTheDraftIsKeptOnFailure) {
    server.On("POST /api/v1/auth/login", 200, kSession);
    server.On("GET /api/v1/posts", 200, kEmptyPage);
    controller.Start();
    state.sign_in.login = "ada";
    state.sign_in.password = "correct horse battery";
    controller.Handle(SignInAction::Submit);
    server.Flush();

    server.On("POST /api/v1/posts", 500,
              R"({"error":{"code":"internal","message":"Try again later"}})");
    state.feed.composer.draft = "hello";
    controller.Handle(FeedAction{FeedActionKind::SubmitPost, "", false});
    server.Flush();
    EXPECT_EQ(state.feed.composer.draft, "hello");
    EXPECT_EQ(state.feed.composer.error, "Try again later");

    server.On(
        "POST /api/v1/posts", 201,
        R"({"post":{"id":"9","author":{"username":"ada"},"text":"hello","sensitive":false,"created_at":"2026-11-23T10:00:00Z"}})");
    controller.Handle(FeedAction{FeedActionKind::SubmitPost, "", false});
    server.Flush();
    EXPECT_TRUE(state.feed.composer.draft.empty());
    ASSERT_EQ(state.feed.explore.posts().size(), 1u);
    ASSERT_EQ(state.feed.me.posts().size(), 1u);
    EXPECT_EQ(state.feed.me.posts()[0].id, "9");
}

TEST_F(ControllerTest, StateJsonListsTheVisibleTabsPosts) {
    server.On("POST /api/v1/auth/login", 200, kSession);
    server.On("GET /api/v1/posts", 200, kOnePost);
    controller.Start();
    state.sign_in.login = "ada";
    state.sign_in.password = "correct horse battery";
    controller.Handle(SignInAction::Submit);
    server.Flush();
    controller.Handle(FeedAction{FeedActionKind::None, "", true});
    server.Flush();
    const Json j = Json::parse(StateJson(state));
    EXPECT_EQ(j["route"], "feed");
    EXPECT_EQ(j["user"], "ada");
    EXPECT_EQ(j["feed"]["tab"], "explore");
    ASSERT_EQ(j["feed"]["posts"].size(), 1u);
    EXPECT_EQ(j["feed"]["posts"][0]["author"], "grace");
    EXPECT_EQ(j["feed"]["posts"][0]["has_image"], false);
}

}  // namespace
}  // namespace skyloom::app
