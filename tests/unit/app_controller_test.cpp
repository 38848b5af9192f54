// The browser app's controller (src/app/state) run natively: state transitions for sign in,
// sign up + verify, resend cooldown, paste, session restore and sign out, against a fake server
// whose answers arrive only when the test flushes them (as fetch completions arrive on a later
// frame in the browser).
#include <gtest/gtest.h>

#include "app_fake_server.h"

#include <deque>
#include <functional>

#include "app_platform_fake.h"
#include "image/encode.h"  // core: a real JPEG to attach
#include "image/image.h"
#include "state/app_state.h"
#include "state/controller.h"

namespace skyloom::app {
namespace {

// The same fake server the other controller tests use (app_fake_server.h).
using FakeServer = skyloom::app::testing::FakeApi;

constexpr const char* kSession =
    R"({"access_token":"A1","refresh_token":"R1","expires_in":900,"user":{"id":"1","username":"ada","verified":true,"created_at":"2026-11-23T10:00:00Z"}})";
constexpr const char* kEmptyPage = R"({"items":[],"next_cursor":null})";
constexpr const char* kOnePost =
    R"({"items":[{"id":"7","author":{"username":"grace"},"text":"hi","sensitive":false,"created_at":"2026-11-23T10:00:00Z"}],"next_cursor":null})";

FeedAction Act(FeedActionKind kind, bool load_more = false) {
    FeedAction action;
    action.kind = kind;
    action.load_more = load_more;
    return action;
}

class ControllerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        platform::fake::Reset();
        browser().hash = "#/login";  // most tests here start on the sign-in form
    }
    [[nodiscard]] platform::fake::Browser& browser() { return platform::fake::Get(); }

    FakeServer server;
    ApiClient client{server.transport(), "http://test"};
    AppState state;
    Controller controller{state, client};
};

TEST_F(ControllerTest, AVisitorStartsOnExploreAndReadsPublicPages) {
    browser().hash = "";
    controller.Start();
    EXPECT_EQ(state.location.screen, ui::Screen::kFeed);
    EXPECT_EQ(browser().hash, "#/feed");
    EXPECT_FALSE(state.user);
    EXPECT_TRUE(server.received.empty()) << "the feed's first page comes from its own draw";
    // A shared post link opens the post, loaded without a session.
    server.On(
        "GET /api/v1/posts/7", 200,
        R"({"post":{"id":"7","author":{"username":"grace"},"text":"hi","sensitive":false,"created_at":"2026-11-23T10:00:00Z"}})");
    controller.OnHashChanged("#/post/7");
    EXPECT_EQ(state.location.screen, ui::Screen::kPost);
    server.Flush();
    ASSERT_TRUE(state.feed.post.has_value());
    EXPECT_EQ(state.feed.post->text, "hi");
    EXPECT_EQ(server.Count("POST", "/api/v1/auth/refresh"), 0);
}

TEST_F(ControllerTest, AVisitorsMemberActionSignsInAndReturnsToTheSamePage) {
    server.On(
        "GET /api/v1/users/grace", 200,
        R"({"user":{"id":"2","username":"grace","created_at":"2026-11-23T10:00:00Z"},"post_count":1,"meme_count":0,"subscriber_count":0,"subscribed":false})");
    server.On("GET /api/v1/posts", 200, kOnePost);
    browser().hash = "#/u/grace";
    controller.Start();
    EXPECT_EQ(state.location.screen, ui::Screen::kUser) << "portfolios are public";
    server.Flush();
    SocialAction subscribe;
    subscribe.kind = SocialActionKind::Subscribe;
    controller.Handle(subscribe);
    EXPECT_EQ(state.location.screen, ui::Screen::kLogin);
    EXPECT_EQ(server.Count("PUT", "/api/v1/users/grace/subscription"), 0);
    server.On("POST /api/v1/auth/login", 200, kSession);
    state.sign_in.login = "ada";
    state.sign_in.password = "correct horse battery";
    controller.Handle(SignInAction::Submit);
    server.Flush();
    EXPECT_EQ(state.user, "ada");
    EXPECT_EQ(state.location, (ui::Route{ui::Screen::kUser, "grace"}));
    EXPECT_EQ(browser().hash, "#/u/grace");
    // Private screens send a visitor to sign in too, and back there afterwards.
    controller.Handle(TopBarAction::SignOut);
    controller.OnHashChanged("#/following");
    EXPECT_EQ(state.location.screen, ui::Screen::kLogin);
    state.sign_in.login = "ada";
    state.sign_in.password = "correct horse battery";
    controller.Handle(SignInAction::Submit);
    server.Flush();
    EXPECT_EQ(state.location.screen, ui::Screen::kFollowing);
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
    // The browser's password manager is offered what worked, and the form's page is left with
    // a new history entry (how managers tell a sign-in from a failed attempt).
    ASSERT_EQ(browser().credentials.size(), 1u);
    EXPECT_EQ(browser().credentials[0].first, "ada");
    EXPECT_EQ(browser().credentials[0].second, "correct horse battery");
    ASSERT_FALSE(browser().history.empty());
    EXPECT_EQ(browser().history.back(), "#/feed");
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
    EXPECT_TRUE(browser().credentials.empty()) << "a refused password is never offered for saving";
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
    // The new account's password is offered to the password manager once it works.
    ASSERT_EQ(browser().credentials.size(), 1u);
    EXPECT_EQ(browser().credentials[0].second, "correct horse battery");
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
    EXPECT_EQ(state.location.screen, ui::Screen::kFeed) << "Explore, as a visitor";
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
    controller.Handle(Act(FeedActionKind::SubmitPost, false));
    server.Flush();
    EXPECT_EQ(state.feed.composer.draft, "hello");
    EXPECT_EQ(state.feed.composer.error, "Try again later");

    server.On(
        "POST /api/v1/posts", 201,
        R"({"post":{"id":"9","author":{"username":"ada"},"text":"hello","sensitive":false,"created_at":"2026-11-23T10:00:00Z"}})");
    controller.Handle(Act(FeedActionKind::SubmitPost, false));
    server.Flush();
    EXPECT_TRUE(state.feed.composer.draft.empty());
    ASSERT_EQ(state.feed.explore.posts().size(), 1u);
    ASSERT_EQ(state.feed.me.posts().size(), 1u);
    EXPECT_EQ(state.feed.me.posts()[0].id, "9");
}

TEST_F(ControllerTest, CopyTextAndCopyLinkFillTheClipboardAndSaySo) {
    controller.Start();
    FeedAction text = Act(FeedActionKind::CopyPostText);
    text.text = "Hello \xF0\x9F\x8E\x89";  // with an emoji: copied as is
    controller.Handle(text);
    EXPECT_EQ(browser().clipboard, "Hello \xF0\x9F\x8E\x89");
    ASSERT_FALSE(state.toasts.empty());
    EXPECT_EQ(state.toasts.back().kind, "success");
    controller.Handle(PostAction(FeedActionKind::CopyPostLink, "42"));
    EXPECT_EQ(browser().clipboard, "https://skyloom.example/p/42");
}

TEST_F(ControllerTest, StateJsonListsTheVisibleTabsPosts) {
    server.On("POST /api/v1/auth/login", 200, kSession);
    server.On("GET /api/v1/posts", 200, kOnePost);
    controller.Start();
    state.sign_in.login = "ada";
    state.sign_in.password = "correct horse battery";
    controller.Handle(SignInAction::Submit);
    server.Flush();
    controller.Handle(Act(FeedActionKind::None, true));
    server.Flush();
    const Json j = Json::parse(StateJson(state));
    EXPECT_EQ(j["route"], "feed");
    EXPECT_EQ(j["user"], "ada");
    EXPECT_EQ(j["feed"]["tab"], "explore");
    ASSERT_EQ(j["feed"]["posts"].size(), 1u);
    EXPECT_EQ(j["feed"]["posts"][0]["author"], "grace");
    EXPECT_EQ(j["feed"]["posts"][0]["has_image"], false);
}

// A 1600x1200 photo-like JPEG made in code (a gradient), as a file picker would deliver it.
platform::PickedFile PhotoFile() {
    image::Image img = image::Image::Blank(1600, 1200, 3);
    for (int y = 0; y < img.height; y++)
        for (int x = 0; x < img.width; x++) {
            uint8_t* p = img.Pixel(x, y);
            p[0] = static_cast<uint8_t>(x * 255 / img.width);
            p[1] = static_cast<uint8_t>(y * 255 / img.height);
            p[2] = 128;
        }
    platform::PickedFile file;
    file.name = "beach.jpg";
    file.mime = "image/jpeg";
    file.bytes = image::EncodeJpeg(img, 92);
    file.size = file.bytes.size();
    return file;
}

constexpr const char* kMediaAnswer =
    R"({"media":{"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","url":"/api/v1/media/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","mime":"image/jpeg","width":1000,"height":750,"byte_size":1234,"placeholder":"LKO2?U%2Tw=w]~RBVZRi};RPxuwH"}})";

class ImageAttachmentTest : public ControllerTest {
  protected:
    void SignIn() {
        server.On("POST /api/v1/auth/login", 200, kSession);
        server.On("GET /api/v1/posts", 200, kEmptyPage);
        server.On("GET /api/v1/groups", 200, R"({"items":[]})");
        controller.Start();
        state.sign_in.login = "ada";
        state.sign_in.password = "correct horse battery";
        controller.Handle(SignInAction::Submit);
        server.Flush();
    }
    [[nodiscard]] const HttpRequest* Last(const std::string& method, const std::string& path) {
        for (auto it = server.received.rbegin(); it != server.received.rend(); ++it)
            if (it->method == method && it->path == path) return &*it;
        return nullptr;
    }
};

TEST_F(ImageAttachmentTest, PickedPhotoIsResizedUploadedAndPostedWithoutText) {
    SignIn();
    const platform::PickedFile file = PhotoFile();
    controller.OnImageFile(file);
    const Attachment& a = state.feed.composer.attachment;
    EXPECT_EQ(a.phase, Attachment::Phase::kProcessing);
    EXPECT_EQ(a.original_bytes, file.size);

    platform::fake::FinishImageJobs();
    EXPECT_EQ(a.phase, Attachment::Phase::kUploading);
    EXPECT_EQ(a.width, 1000);  // never wider than 1000 px
    EXPECT_EQ(a.height, 750);
    EXPECT_GT(a.processed_bytes, 0u);
    EXPECT_LT(a.processed_bytes, file.size);
    const HttpRequest* upload = Last("POST", "/api/v1/media");
    ASSERT_NE(upload, nullptr);
    EXPECT_EQ(upload->body.size(), a.processed_bytes);  // the processed bytes, not the original
    ASSERT_TRUE(upload->upload_progress);
    upload->upload_progress(a.processed_bytes / 2, a.processed_bytes);
    EXPECT_GT(a.progress, 0.5);
    EXPECT_LT(a.progress, 1.0);
    platform::fake::FinishTextureLoads();
    EXPECT_NE(a.preview_texture, 0u);
    // The labels from the browser's classifier arrive while the upload runs: five, summing
    // to about one, most probable first.
    EXPECT_TRUE(a.local_labels.empty());
    platform::fake::FinishImageJobs();
    ASSERT_EQ(a.local_labels.size(), 5u) << a.labels_error;
    double total = 0;
    for (const MediaLabel& l : a.local_labels) total += l.probability;
    EXPECT_NEAR(total, 1.0, 1e-3);
    EXPECT_GE(a.local_labels[0].probability, a.local_labels[1].probability);
    EXPECT_EQ(a.phase, Attachment::Phase::kUploading);

    server.On("POST /api/v1/media", 201, kMediaAnswer);
    server.Flush();
    EXPECT_EQ(a.phase, Attachment::Phase::kReady);

    // An image post needs no text.
    server.On(
        "POST /api/v1/posts", 201,
        R"({"post":{"id":"9","author":{"username":"ada"},"text":"","created_at":"2026-11-23T10:00:00Z","media":{"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","url":"/api/v1/media/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","width":1000,"height":750}}})");
    controller.Handle(Act(FeedActionKind::SubmitPost));
    const HttpRequest* create = Last("POST", "/api/v1/posts");
    ASSERT_NE(create, nullptr);
    EXPECT_NE(create->body.find("\"media_id\":\"aaaa"), std::string::npos) << create->body;
    server.Flush();
    EXPECT_EQ(a.phase, Attachment::Phase::kNone);
    EXPECT_TRUE(browser().live_textures.empty());  // the preview was released
    ASSERT_EQ(state.feed.explore.posts().size(), 1u);
    EXPECT_TRUE(state.feed.explore.posts()[0].media.has_value());
}

TEST_F(ImageAttachmentTest, CancelWhileProcessingNeverUploads) {
    SignIn();
    controller.OnImageFile(PhotoFile());
    controller.Handle(Act(FeedActionKind::RemoveImage));
    EXPECT_EQ(state.feed.composer.attachment.phase, Attachment::Phase::kNone);
    EXPECT_EQ(browser().cancelled_image_jobs.size(), 1u);
    platform::fake::FinishImageJobs();
    EXPECT_EQ(Last("POST", "/api/v1/media"), nullptr);
    EXPECT_EQ(state.feed.composer.attachment.phase, Attachment::Phase::kNone);
}

TEST_F(ImageAttachmentTest, CancelWhileUploadingAbortsTheRequest) {
    SignIn();
    controller.OnImageFile(PhotoFile());
    platform::fake::FinishImageJobs();
    platform::fake::FinishTextureLoads();
    const HttpRequest* upload = Last("POST", "/api/v1/media");
    ASSERT_NE(upload, nullptr);
    ASSERT_TRUE(upload->abort);
    auto signal = upload->abort;
    controller.Handle(Act(FeedActionKind::RemoveImage));
    EXPECT_TRUE(signal->aborted());
    EXPECT_TRUE(browser().live_textures.empty());
    server.On("POST /api/v1/media", 201, kMediaAnswer);  // a late answer changes nothing
    server.Flush();
    EXPECT_EQ(state.feed.composer.attachment.phase, Attachment::Phase::kNone);
    EXPECT_EQ(state.requests_in_flight, 0);
}

TEST_F(ImageAttachmentTest, BadFilesSayWhyAndUploadNothing) {
    SignIn();
    platform::PickedFile huge;
    huge.name = "huge.jpg";
    huge.mime = "image/jpeg";
    huge.size = 40ull * 1024 * 1024;  // not read: over the limit
    controller.OnImageFile(huge);
    EXPECT_EQ(state.feed.composer.attachment.phase, Attachment::Phase::kFailed);
    EXPECT_NE(state.feed.composer.attachment.error.find("40 MB"), std::string::npos);
    EXPECT_NE(state.feed.composer.attachment.error.find("25 MB"), std::string::npos);

    platform::PickedFile video{"clip.mp4", "video/mp4", 10, "0123456789"};
    controller.OnImageFile(video);
    EXPECT_EQ(state.feed.composer.attachment.phase, Attachment::Phase::kFailed);
    EXPECT_NE(state.feed.composer.attachment.error.find("not an image"), std::string::npos);

    platform::PickedFile broken{"broken.png", "image/png", 12, "not an image"};
    controller.OnImageFile(broken);
    EXPECT_EQ(state.feed.composer.attachment.phase, Attachment::Phase::kProcessing);
    platform::fake::FinishImageJobs();
    EXPECT_EQ(state.feed.composer.attachment.phase, Attachment::Phase::kFailed);
    EXPECT_FALSE(state.feed.composer.attachment.error.empty());
    EXPECT_EQ(Last("POST", "/api/v1/media"), nullptr);

    // The draft is untouched by any of it, and Post stays possible without the image.
    state.feed.composer.draft = "still here";
    EXPECT_EQ(state.feed.composer.draft, "still here");
}

TEST_F(ImageAttachmentTest, PostWaitsForTheUpload) {
    SignIn();
    state.feed.composer.draft = "look";
    controller.OnImageFile(PhotoFile());
    controller.Handle(Act(FeedActionKind::SubmitPost));
    EXPECT_EQ(Last("POST", "/api/v1/posts"), nullptr);
    EXPECT_NE(state.feed.composer.error.find("still uploading"), std::string::npos);
}

TEST_F(ImageAttachmentTest, SignedOutDropIsRefused) {
    controller.Start();
    controller.OnImageFile(PhotoFile());
    EXPECT_EQ(state.feed.composer.attachment.phase, Attachment::Phase::kNone);
    ASSERT_FALSE(state.toasts.empty());
    EXPECT_NE(state.toasts.back().text.find("Sign in"), std::string::npos);
}

TEST_F(ImageAttachmentTest, GroupPageLoadsItsPostsAndPostsIntoIt) {
    SignIn();
    server.On(
        "GET /api/v1/groups/5", 200,
        R"({"group":{"id":"5","name":"Cats","description":"Meow","owner":"grace","created_at":"2026-11-23T10:00:00Z"}})");
    controller.OnHashChanged("#/g/5");
    server.Flush();
    EXPECT_EQ(state.location.screen, ui::Screen::kGroup);
    ASSERT_TRUE(state.feed.group_info.has_value());
    EXPECT_EQ(state.feed.composer.group_id, "5");
    EXPECT_EQ(state.feed.composer.group_name, "Cats");
    controller.Handle(Act(FeedActionKind::None, true));
    bool asked_for_group = false;
    for (const HttpRequest& r : server.received)
        if (r.path.find("/api/v1/posts?") == 0 && r.path.find("group=5") != std::string::npos)
            asked_for_group = true;
    EXPECT_TRUE(asked_for_group);

    state.feed.composer.draft = "purr";
    controller.Handle(Act(FeedActionKind::SubmitPost));
    const HttpRequest* create = Last("POST", "/api/v1/posts");
    ASSERT_NE(create, nullptr);
    EXPECT_NE(create->body.find("\"group_id\":\"5\""), std::string::npos) << create->body;
}

// ---- the meme editor (controller_meme.cpp) --------------------------------------------------

constexpr const char* kTemplates =
    R"({"items":[{"id":"3","name":"Two buttons","media":{"id":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","url":"/api/v1/media/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","width":800,"height":600},"boxes":[{"text":"","x":0.1,"y":0.1,"w":0.3,"h":0.2},{"text":"","x":0.6,"y":0.1,"w":0.3,"h":0.2}],"owner":"memequeen","created_at":"2026-11-23T10:00:00Z"}],"next_cursor":null})";

class MemeEditorTest : public ImageAttachmentTest {};

TEST_F(MemeEditorTest, AVisitorBrowsesTemplatesAndSignsInToMakeAMemeWithThePickedOne) {
    server.On("GET /api/v1/templates", 200, kTemplates);
    browser().hash = "#/meme/new";
    controller.Start();
    EXPECT_EQ(state.location.screen, ui::Screen::kMemeNew) << "the gallery is public";
    server.Flush();
    ASSERT_EQ(state.meme.templates.size(), 1u);
    MemeEditorAction pick;
    pick.kind = MemeEditorActionKind::PickTemplate;
    pick.text = "3";
    controller.Handle(pick);
    EXPECT_EQ(state.location.screen, ui::Screen::kLogin) << "making a meme needs an account";
    server.On("POST /api/v1/auth/login", 200, kSession);
    state.sign_in.login = "ada";
    state.sign_in.password = "correct horse battery";
    controller.Handle(SignInAction::Submit);
    server.Flush();
    EXPECT_EQ(state.location.screen, ui::Screen::kMemeNew) << "back to the gallery";
    EXPECT_EQ(browser().hash, "#/meme/new");
    EXPECT_EQ(state.meme.history.Current().spec.background.template_id, "3")
        << "with the template the visitor picked";
    // A remix still asks a visitor to sign in first.
    controller.Handle(TopBarAction::SignOut);
    controller.OnHashChanged("#/meme/remix/7");
    EXPECT_EQ(state.location.screen, ui::Screen::kLogin);
}

TEST_F(MemeEditorTest, TemplateBackgroundThenAFileThenPostWithTheSpec) {
    SignIn();
    server.On("GET /api/v1/templates", 200, kTemplates);
    controller.Navigate({ui::Screen::kMemeNew, {}});
    EXPECT_EQ(browser().hash, "#/meme/new");
    server.Flush();
    MemeEditorScreen& m = state.meme;
    ASSERT_EQ(m.templates.size(), 1u);
    EXPECT_EQ(m.history.Current().spec.boxes.size(), 2u);  // top and bottom by default

    MemeEditorAction pick;
    pick.kind = MemeEditorActionKind::PickTemplate;
    pick.text = "3";
    controller.Handle(pick);
    EXPECT_TRUE(m.background.in_progress());
    ASSERT_FALSE(browser().texture_urls.empty());
    EXPECT_EQ(browser().texture_urls.back(), "/api/v1/media/" + std::string(64, 'b'));
    platform::fake::FinishTextureLoads();
    EXPECT_NE(m.background_texture, 0u);
    EXPECT_EQ(m.history.Current().spec.background.template_id, "3");
    EXPECT_DOUBLE_EQ(m.history.Current().spec.boxes[1].x, 0.6);  // the template's layout

    // A dropped file on the editor becomes the background (not the composer's attachment).
    controller.OnImageFile(PhotoFile());
    EXPECT_EQ(state.location.screen, ui::Screen::kMemeNew);
    EXPECT_EQ(state.feed.composer.attachment.phase, Attachment::Phase::kNone);
    platform::fake::FinishImageJobs();
    platform::fake::FinishTextureLoads();
    server.On("POST /api/v1/media", 201, kMediaAnswer);
    server.Flush();
    EXPECT_EQ(m.history.Current().spec.background.media_id, std::string(64, 'a'));
    EXPECT_TRUE(m.history.Current().spec.background.template_id.empty());
    EXPECT_FALSE(m.background.in_progress());

    meme::EditState typed = m.history.Current();
    typed.spec.boxes[0].text = "top text";
    m.history.Commit(typed, "text:0");
    m.caption = "hello";
    server.On(
        "POST /api/v1/posts", 201,
        R"({"post":{"id":"77","author":{"username":"ada"},"text":"hello","sensitive":false,"created_at":"2026-11-23T10:00:00Z"}})");
    MemeEditorAction post;
    post.kind = MemeEditorActionKind::Post;
    controller.Handle(post);
    EXPECT_TRUE(m.post.in_progress());
    platform::fake::FinishImageJobs();  // the export job (the fake draws no text)
    server.Flush();
    const HttpRequest* create = Last("POST", "/api/v1/posts");
    ASSERT_NE(create, nullptr);
    const auto body = nlohmann::json::parse(create->body);
    EXPECT_EQ(body["text"], "hello");
    EXPECT_EQ(body["media_id"], std::string(64, 'a'));
    EXPECT_EQ(body["meme"]["background"]["media_id"], std::string(64, 'a'));
    EXPECT_EQ(body["meme"]["boxes"][0]["text"], "top text");
    EXPECT_EQ(state.location.screen, ui::Screen::kFeed);  // back to Explore
    EXPECT_EQ(m.background_texture, 0u);                  // the editor let go of its texture
}

TEST_F(MemeEditorTest, RemixOpensTheSameBackgroundAndBoxes) {
    SignIn();
    server.On("GET /api/v1/templates", 200, kTemplates);
    server.On(
        "GET /api/v1/posts/9", 200,
        R"({"post":{"id":"9","author":{"username":"grace"},"text":"","sensitive":false,"created_at":"2026-11-23T10:00:00Z","meme":{"background":{"template_id":"3"},"boxes":[{"text":"left","x":0.2,"y":0.3,"w":0.4,"h":0.2,"font":"inter","fill":"#FF0000","outline":"#000000","align":"left","all_caps":false}]}}})");
    controller.Navigate({ui::Screen::kMemeRemix, "9"});
    EXPECT_EQ(browser().hash, "#/meme/remix/9");
    server.Flush();
    platform::fake::FinishTextureLoads();
    const MemeEditorScreen& m = state.meme;
    EXPECT_EQ(m.remix_of, "9");
    EXPECT_NE(m.background_texture, 0u);
    const MemeSpec& spec = m.history.Current().spec;
    EXPECT_EQ(spec.background.template_id, "3");
    ASSERT_EQ(spec.boxes.size(), 1u);
    EXPECT_EQ(spec.boxes[0].text, "left");
    EXPECT_EQ(spec.boxes[0].font, MemeFont::kInter);
    EXPECT_EQ(spec.boxes[0].fill, 0xFF0000u);
    EXPECT_FALSE(m.history.CanUndo());
}

}  // namespace
}  // namespace skyloom::app

// ---- AI: autofill ghost text and the persona chat ----------------------------------------------

namespace skyloom::app {
namespace {

std::string Piece(const std::string& token) {
    return "data: " + Json{{"token", token}}.dump() + "\n\n";
}

class AiControllerTest : public ControllerTest {
  protected:
    void SignIn() {
        server.On("POST /api/v1/auth/login", 200, kSession);
        controller.Start();
        state.sign_in.login = "ada";
        state.sign_in.password = "correct horse battery";
        controller.Handle(SignInAction::Submit);
        server.Flush();
        ASSERT_EQ(state.user, "ada");
    }
    // The oldest request in flight, answered by hand: pieces first, then the whole body.
    std::pair<HttpRequest, ResponseCallback> Take() {
        EXPECT_FALSE(server.pending.empty());
        auto next = std::move(server.pending.front());
        server.pending.pop_front();
        return next;
    }
};

TEST_F(AiControllerTest, AutofillGhostGrowsPieceByPieceAndTypingItKeepsTheRest) {
    SignIn();
    state.feed.composer.draft = "Hello";
    controller.Handle(Act(FeedActionKind::Autofill));
    auto [request, done] = Take();
    EXPECT_EQ(request.path, "/api/v1/ai/autofill");
    EXPECT_EQ(Json::parse(request.body)["text"], "Hello");
    ASSERT_TRUE(request.on_body_chunk);
    EXPECT_TRUE(state.feed.composer.autofill.request.in_progress());
    request.on_body_chunk(Piece(" wor"));
    EXPECT_EQ(state.feed.composer.autofill.ghost, " wor");
    request.on_body_chunk(Piece("ld"));
    const std::string end = "data: {\"done\":true,\"completion\":\" world\"}\n\n";
    request.on_body_chunk(end);
    done(HttpResponse{200, Piece(" wor") + Piece("ld") + end, ""});
    const AutofillGhost& ghost = state.feed.composer.autofill;
    EXPECT_EQ(ghost.ghost, " world");
    EXPECT_EQ(ghost.request.state, ui::RequestState::kSucceeded);
    EXPECT_TRUE(ghost.visible(state.feed.composer.draft));

    // The reader types the ghost's next two characters: the rest stays, now after them.
    state.feed.composer.draft = "Hello w";
    FeedAction typed = Act(FeedActionKind::ConsumeGhost);
    typed.chars = 2;
    controller.Handle(typed);
    EXPECT_EQ(ghost.ghost, "orld");
    EXPECT_TRUE(ghost.visible(state.feed.composer.draft));
    // Tab: the screen appended it; the ghost is gone, the draft is the reader's.
    state.feed.composer.draft = "Hello world";
    controller.Handle(Act(FeedActionKind::AcceptAutofill));
    EXPECT_EQ(ghost.ghost, "");
    EXPECT_EQ(state.feed.composer.draft, "Hello world");
}

TEST_F(AiControllerTest, DismissAbortsTheStreamAndLatePiecesAreIgnored) {
    SignIn();
    state.feed.composer.draft = "Hello";
    controller.Handle(Act(FeedActionKind::Autofill));
    auto [request, done] = Take();
    request.on_body_chunk(Piece(" there"));
    controller.Handle(Act(FeedActionKind::DismissAutofill));
    ASSERT_TRUE(request.abort);
    EXPECT_TRUE(request.abort->aborted());
    request.on_body_chunk(Piece(" late"));
    done(HttpResponse{0, "", "aborted"});
    EXPECT_EQ(state.feed.composer.autofill.ghost, "");
    EXPECT_FALSE(state.feed.composer.autofill.request.failed()) << "a dismissal is no error";
    EXPECT_EQ(state.feed.composer.draft, "Hello");
    EXPECT_EQ(state.requests_in_flight, 0);
}

TEST_F(AiControllerTest, BusyModelSaysSoAndKeepsTheDraft) {
    SignIn();
    server.On(
        "POST /api/v1/ai/autofill", 503,
        R"({"error":{"code":"ai_unavailable","message":"The AI is busy; try again in 5 seconds.","retry_after":5}})");
    state.feed.composer.draft = "Hello";
    controller.Handle(Act(FeedActionKind::Autofill));
    server.Flush();
    const AutofillGhost& ghost = state.feed.composer.autofill;
    EXPECT_TRUE(ghost.request.failed());
    EXPECT_EQ(ghost.request.error.message, "The AI is busy; try again in 5 seconds.");
    EXPECT_EQ(state.feed.composer.draft, "Hello");
}

TEST_F(AiControllerTest, ChatReplyStreamsIntoItsBubbleAndJoinsTheHistory) {
    SignIn();
    server.On(
        "GET /api/v1/ai/chat", 200,
        R"({"items":[],"next_cursor":null,"persona":{"name":"Wren","initial":"W","style":"x"}})");
    controller.Navigate({ui::Screen::kChat, {}});
    server.Flush();
    EXPECT_EQ(state.chat.persona.name, "Wren");
    state.chat.draft = "  Hi there  ";
    controller.Handle(ChatAction{ChatActionKind::Send});
    EXPECT_EQ(state.chat.sending, "Hi there");
    EXPECT_EQ(state.chat.draft, "");
    auto [request, done] = Take();
    EXPECT_EQ(Json::parse(request.body)["message"], "Hi there");
    request.on_body_chunk(Piece("Hel"));
    EXPECT_EQ(state.chat.reply, "Hel");
    request.on_body_chunk(Piece("lo"));
    EXPECT_EQ(state.chat.reply, "Hello");
    const std::string end =
        R"(data: {"done":true,"reply":"Hello","messages":[{"id":"1","role":"user","content":"Hi there"},{"id":"2","role":"assistant","content":"Hello"}]})"
        "\n\n";
    request.on_body_chunk(end);
    done(HttpResponse{200, Piece("Hel") + Piece("lo") + end, ""});
    EXPECT_EQ(state.chat.send.state, ui::RequestState::kSucceeded);
    ASSERT_EQ(state.chat.messages.size(), 2u);
    EXPECT_EQ(state.chat.messages[1].content, "Hello");
    EXPECT_EQ(state.chat.sending, "");
    EXPECT_EQ(state.chat.reply, "");
}

TEST_F(AiControllerTest, StoppedOrFailedChatPutsTheMessageBackInTheField) {
    SignIn();
    server.On("GET /api/v1/ai/chat", 200, R"({"items":[],"next_cursor":null})");
    controller.Navigate({ui::Screen::kChat, {}});
    server.Flush();
    state.chat.draft = "first";
    controller.Handle(ChatAction{ChatActionKind::Send});
    auto [request, done] = Take();
    controller.Handle(ChatAction{ChatActionKind::Stop});
    EXPECT_TRUE(request.abort->aborted());
    EXPECT_EQ(state.chat.draft, "first");
    done(HttpResponse{0, "", "aborted"});
    EXPECT_FALSE(state.chat.send.failed());

    server.On(
        "POST /api/v1/ai/chat", 502,
        R"({"error":{"code":"upstream_failed","message":"The AI model failed; try again."}})");
    controller.Handle(ChatAction{ChatActionKind::Send});
    server.Flush();
    EXPECT_TRUE(state.chat.send.failed());
    EXPECT_EQ(state.chat.draft, "first");
    EXPECT_TRUE(state.chat.messages.empty());
}

TEST_F(AiControllerTest, AHistoryAnsweredAfterSignOutIsNeverShown) {
    SignIn();
    server.On(
        "GET /api/v1/ai/chat", 200,
        R"({"items":[{"id":"1","role":"user","content":"ada's secret","created_at":"t"}],"next_cursor":null})");
    server.On("POST /api/v1/auth/logout", 204, "");
    controller.Navigate({ui::Screen::kChat, {}});
    auto [request, done] = Take();  // ada's history, still in flight
    controller.Handle(TopBarAction::SignOut);
    done(HttpResponse{
        200,
        R"({"items":[{"id":"1","role":"user","content":"ada's secret","created_at":"t"}],"next_cursor":null})",
        ""});
    EXPECT_TRUE(state.chat.messages.empty());
    EXPECT_FALSE(state.user);
}

}  // namespace
}  // namespace skyloom::app
