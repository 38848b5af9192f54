// The account lifecycle against the real server: signup -> mailed code -> verify -> login ->
// refresh rotation -> logout, over both mailers (outbox files and a real SMTP server).
#include <gtest/gtest.h>

#include "client_helpers.h"

namespace skyloom::testing {
namespace {

TEST(AuthFlow, SignupVerifyLoginPostLogoutWithOutbox) {
    ServerProcess server;
    ApiClient client = NewClient(server);
    auto user =
        Await<User>([&](auto cb) { client.Signup("Ada_L", "ada@example.org", kPassword, cb); });
    ASSERT_TRUE(user.ok()) << user.error().message;
    EXPECT_EQ(user.value().username, "ada_l");
    EXPECT_FALSE(user.value().verified);

    std::string code = WaitForCode(server.data_dir() / "outbox", "ada@example.org");
    ASSERT_EQ(code.size(), 6u);
    // The message is a proper RFC 5322 mail.
    auto messages = ReadMessages(server.data_dir() / "outbox");
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_NE(messages[0].find("Subject: "), std::string::npos);
    EXPECT_NE(messages[0].find("Message-ID: <"), std::string::npos);
    EXPECT_NE(messages[0].find("\r\n\r\n"), std::string::npos);

    // Unverified accounts can sign in but cannot post.
    ASSERT_TRUE(Await<AuthSession>([&](auto cb) { client.Login("ada_l", kPassword, cb); }).ok());
    auto early = Await<Post>([&](auto cb) { client.CreatePost("too early", cb); });
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().code, "email_not_verified");
    EXPECT_EQ(early.error().http_status, 403);

    ASSERT_TRUE(Await<Unit>([&](auto cb) { client.Verify("ada_l", code, cb); }).ok());
    auto session =
        Await<AuthSession>([&](auto cb) { client.Login("ADA@example.org", kPassword, cb); });
    ASSERT_TRUE(session.ok());
    EXPECT_TRUE(session.value().user.verified);
    EXPECT_EQ(session.value().expires_in, 900);

    auto me = Await<User>([&](auto cb) { client.GetMe(cb); });
    ASSERT_TRUE(me.ok());
    EXPECT_EQ(me.value().email, "ada@example.org");

    auto post = Await<Post>([&](auto cb) { client.CreatePost("hello, sky", cb); });
    ASSERT_TRUE(post.ok()) << post.error().message;
    auto page = Await<PostPage>([&](auto cb) { client.ListPosts({}, cb); });
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page.value().items.size(), 1u);
    EXPECT_EQ(page.value().items[0].text, "hello, sky");
    EXPECT_EQ(page.value().items[0].author.username, "ada_l");

    std::string refresh = client.refresh_token();
    ASSERT_TRUE(Await<Unit>([&](auto cb) { client.Logout(cb); }).ok());
    ApiClient again = NewClient(server);
    again.SetSession("", refresh);
    auto revoked = Await<AuthSession>([&](auto cb) { again.Refresh(cb); });
    ASSERT_FALSE(revoked.ok());
    EXPECT_EQ(revoked.error().http_status, 401);
}

TEST(AuthFlow, SignupAndVerifyThroughRealSmtpServer) {
    SmtpSink smtp;
    ServerProcess server({"--mailer", smtp.url()});
    ApiClient client = NewClient(server);
    ASSERT_TRUE(Await<User>([&](auto cb) {
                    client.Signup("grace", "grace@example.org", kPassword, cb);
                }).ok());
    std::string code = WaitForCode(smtp.maildir(), "grace@example.org", {}, 10000);
    ASSERT_EQ(code.size(), 6u) << "no mail reached aiosmtpd";
    EXPECT_TRUE(Await<Unit>([&](auto cb) { client.Verify("grace", code, cb); }).ok());
    EXPECT_TRUE(Await<AuthSession>([&](auto cb) { client.Login("grace", kPassword, cb); }).ok());
    EXPECT_EQ(smtp.Messages().size(), 1u);
}

TEST(AuthFlow, WrongCodeThenResendCooldownThenRightCode) {
    ServerProcess server;
    ApiClient client = NewClient(server);
    ASSERT_TRUE(
        Await<User>([&](auto cb) { client.Signup("bob", "bob@example.org", kPassword, cb); }).ok());
    std::string code = WaitForCode(server.data_dir() / "outbox", "bob@example.org");
    std::string wrong = code == "123456" ? "654321" : "123456";
    auto bad = Await<Unit>([&](auto cb) { client.Verify("bob", wrong, cb); });
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "invalid_code");
    EXPECT_NE(bad.error().message.find("4 attempts left"), std::string::npos)
        << bad.error().message;

    auto resend = Await<Unit>([&](auto cb) { client.Resend("bob", cb); });
    ASSERT_FALSE(resend.ok());
    EXPECT_EQ(resend.error().http_status, 429);
    EXPECT_EQ(resend.error().code, "resend_too_soon");
    EXPECT_GT(resend.error().retry_after, 0);

    EXPECT_TRUE(Await<Unit>([&](auto cb) { client.Verify("bob", code, cb); }).ok());
}

TEST(AuthFlow, RefreshRotatesAndReuseRevokesFamily) {
    ServerProcess server;
    ApiClient client = SignupAndLogin(server, "carol");
    std::string r1 = client.refresh_token();
    ASSERT_TRUE(Await<AuthSession>([&](auto cb) { client.Refresh(cb); }).ok());
    std::string r2 = client.refresh_token();
    ASSERT_NE(r1, r2);

    ApiClient thief = NewClient(server);
    thief.SetSession("", r1);
    auto replay = Await<AuthSession>([&](auto cb) { thief.Refresh(cb); });
    ASSERT_FALSE(replay.ok());
    EXPECT_EQ(replay.error().code, "refresh_token_reused");

    // The legitimate holder's newer token died with the family.
    auto victim = Await<AuthSession>([&](auto cb) { client.Refresh(cb); });
    ASSERT_FALSE(victim.ok());
    EXPECT_EQ(victim.error().http_status, 401);
}

TEST(AuthFlow, ForgotAndResetPassword) {
    ServerProcess server;
    ApiClient client = SignupAndLogin(server, "dave");
    std::string verify_code = WaitForCode(server.data_dir() / "outbox", "dave@example.org");
    ASSERT_TRUE(Await<Unit>([&](auto cb) { client.Forgot("dave@example.org", cb); }).ok());
    std::string code = WaitForCode(server.data_dir() / "outbox", "dave@example.org", {verify_code});
    ASSERT_EQ(code.size(), 6u);
    ASSERT_TRUE(Await<Unit>([&](auto cb) {
                    client.Reset("dave@example.org", code, "a whole new passphrase", cb);
                }).ok());
    EXPECT_FALSE(Await<AuthSession>([&](auto cb) { client.Login("dave", kPassword, cb); }).ok());
    EXPECT_TRUE(Await<AuthSession>([&](auto cb) {
                    client.Login("dave", "a whole new passphrase", cb);
                }).ok());
    // Unknown emails get the same 202 and no mail.
    size_t before = ReadMessages(server.data_dir() / "outbox").size();
    EXPECT_TRUE(Await<Unit>([&](auto cb) { client.Forgot("nobody@example.org", cb); }).ok());
    EXPECT_EQ(ReadMessages(server.data_dir() / "outbox").size(), before);
}

TEST(AuthFlow, LoginRateLimitDoesNotRevealAccounts) {
    ServerProcess server({"--login-failures-per-account", "3"});
    ApiClient client = SignupAndLogin(server, "erin");
    for (const char* name : {"erin", "nosuchuser"}) {
        for (int i = 0; i < 3; ++i) {
            auto failed =
                Await<AuthSession>([&](auto cb) { client.Login(name, "wrong password", cb); });
            ASSERT_FALSE(failed.ok());
            EXPECT_EQ(failed.error().code, "invalid_credentials");
            EXPECT_EQ(failed.error().message, "Wrong username, email or password");
        }
        auto limited = Await<AuthSession>([&](auto cb) { client.Login(name, kPassword, cb); });
        ASSERT_FALSE(limited.ok());
        EXPECT_EQ(limited.error().http_status, 429) << name;
        EXPECT_GT(limited.error().retry_after, 0);
    }
}

TEST(AuthFlow, DeleteAccountRemovesItsPosts) {
    ServerProcess server;
    ApiClient client = SignupAndLogin(server, "frank");
    ASSERT_TRUE(Await<Post>([&](auto cb) { client.CreatePost("soon gone", cb); }).ok());
    ASSERT_TRUE(Await<Unit>([&](auto cb) { client.DeleteMe(cb); }).ok());
    ApiClient reader = NewClient(server);
    auto page = Await<PostPage>([&](auto cb) { reader.ListPosts({}, cb); });
    ASSERT_TRUE(page.ok());
    EXPECT_TRUE(page.value().items.empty());
    EXPECT_FALSE(Await<AuthSession>([&](auto cb) { reader.Login("frank", kPassword, cb); }).ok());
}

}  // namespace
}  // namespace skyloom::testing
