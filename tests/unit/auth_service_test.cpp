// Auth rules that need a movable clock: code expiry, attempt limits, resend cooldown,
// refresh-token rotation and reuse, login rate limits.
#include "services/auth_service.h"

#include <gtest/gtest.h>

#include "server_fixture.h"

namespace skyloom::server {
namespace {

using testing::ServiceFixture;

constexpr const char* kPassword = "correct horse battery";

TEST(AuthService, SignupMailsACodeThatVerifies) {
    ServiceFixture f;
    auto user = f.auth->Signup("Ada", "Ada@Example.org", kPassword);
    ASSERT_TRUE(user.ok()) << user.error().message;
    EXPECT_EQ(user.value().username, "ada");
    EXPECT_FALSE(user.value().verified);
    std::string code = f.LatestCode("ada@example.org");
    ASSERT_EQ(code.size(), 6u);
    auto verified = f.auth->Verify("ADA", code);
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified.value().verified);
}

TEST(AuthService, DuplicateUsernameOrEmailConflicts) {
    ServiceFixture f;
    ASSERT_TRUE(f.auth->Signup("ada", "ada@example.org", kPassword).ok());
    EXPECT_EQ(f.auth->Signup("ADA", "other@example.org", kPassword).error().code, "username_taken");
    EXPECT_EQ(f.auth->Signup("ada2", "ADA@example.org", kPassword).error().code, "email_taken");
}

TEST(AuthService, CodeExpiresAfterFifteenMinutes) {
    ServiceFixture f;
    ASSERT_TRUE(f.auth->Signup("ada", "ada@example.org", kPassword).ok());
    std::string code = f.LatestCode("ada@example.org");
    f.clock.Advance(15 * 60 * 1000 + 1);
    auto result = f.auth->Verify("ada", code);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "code_expired");
}

TEST(AuthService, FiveWrongCodesKillTheCode) {
    ServiceFixture f;
    ASSERT_TRUE(f.auth->Signup("ada", "ada@example.org", kPassword).ok());
    std::string code = f.LatestCode("ada@example.org");
    std::string wrong = code == "000000" ? "111111" : "000000";
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(f.auth->Verify("ada", wrong).error().code, "invalid_code");
    auto result = f.auth->Verify("ada", code);  // the right code, too late
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "too_many_attempts");
}

TEST(AuthService, ResendHasAOneMinuteCooldown) {
    ServiceFixture f;
    ASSERT_TRUE(f.auth->Signup("ada", "ada@example.org", kPassword).ok());
    std::string first = f.LatestCode("ada@example.org");
    auto too_soon = f.auth->Resend("ada");
    ASSERT_FALSE(too_soon.ok());
    EXPECT_EQ(too_soon.error().code, "resend_too_soon");
    EXPECT_GT(too_soon.error().retry_after, 50);
    EXPECT_LE(too_soon.error().retry_after, 60);
    f.clock.Advance(61 * 1000);
    ASSERT_TRUE(f.auth->Resend("ada").ok());
    std::string second = f.LatestCode("ada@example.org");
    ASSERT_FALSE(second.empty());
    // The new code works; the resend replaced the old one.
    EXPECT_TRUE(f.auth->Verify("ada", second).ok());
}

TEST(AuthService, LoginByUsernameOrEmail) {
    ServiceFixture f;
    f.SignupVerified("ada");
    EXPECT_TRUE(f.auth->Login("ada", kPassword, "1.2.3.4").ok());
    EXPECT_TRUE(f.auth->Login("ADA@example.org", kPassword, "1.2.3.4").ok());
    EXPECT_EQ(f.auth->Login("ada", "wrong password!", "1.2.3.4").error().code,
              "invalid_credentials");
}

TEST(AuthService, UnknownUserAndWrongPasswordLookTheSame) {
    ServiceFixture f;
    f.SignupVerified("ada");
    Error wrong = f.auth->Login("ada", "not the password", "1.2.3.4").error();
    Error unknown = f.auth->Login("nobody", "not the password", "1.2.3.4").error();
    EXPECT_EQ(wrong.code, unknown.code);
    EXPECT_EQ(wrong.message, unknown.message);
    EXPECT_EQ(wrong.http_status, unknown.http_status);
}

TEST(AuthService, LoginFailuresAreLimitedPerAccount) {
    AuthSettings settings;
    settings.login_failures_per_account = 3;
    ServiceFixture f(settings);
    f.SignupVerified("ada");
    for (int i = 0; i < 3; ++i)
        (void)f.auth->Login("ada", "wrong-password", "10.0.0." + std::to_string(i));
    auto blocked = f.auth->Login("ada", kPassword, "10.0.0.9");  // even the right password
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.error().code, "too_many_attempts");
    EXPECT_GT(blocked.error().retry_after, 0);
    // Unknown accounts are limited identically, so the limit reveals nothing.
    for (int i = 0; i < 3; ++i)
        (void)f.auth->Login("ghost", "wrong-password", "10.0.1." + std::to_string(i));
    EXPECT_EQ(f.auth->Login("ghost", "wrong-password", "10.0.1.9").error().code,
              "too_many_attempts");
    f.clock.Advance(15 * 60 * 1000 + 1000);
    EXPECT_TRUE(f.auth->Login("ada", kPassword, "10.0.0.9").ok());
}

TEST(AuthService, LoginFailuresAreLimitedPerAddress) {
    AuthSettings settings;
    settings.login_failures_per_address = 4;
    ServiceFixture f(settings);
    f.SignupVerified("ada");
    for (int i = 0; i < 4; ++i)
        (void)f.auth->Login("user" + std::to_string(i), "wrong-password", "6.6.6.6");
    EXPECT_EQ(f.auth->Login("ada", kPassword, "6.6.6.6").error().code, "too_many_attempts");
    EXPECT_TRUE(f.auth->Login("ada", kPassword, "7.7.7.7").ok());
}

TEST(AuthService, RefreshRotatesAndReuseRevokesTheFamily) {
    ServiceFixture f;
    f.SignupVerified("ada");
    auto login = f.auth->Login("ada", kPassword, "1.1.1.1");
    ASSERT_TRUE(login.ok());
    std::string r1 = login.value().refresh_token;
    auto second = f.auth->Refresh(r1);
    ASSERT_TRUE(second.ok());
    std::string r2 = second.value().refresh_token;
    EXPECT_NE(r1, r2);
    // Replaying r1 is detected and kills r2 as well.
    EXPECT_EQ(f.auth->Refresh(r1).error().code, "refresh_token_reused");
    EXPECT_EQ(f.auth->Refresh(r2).error().code, "invalid_refresh_token");
    // Another login (another family) is unaffected.
    auto other = f.auth->Login("ada", kPassword, "1.1.1.1");
    EXPECT_TRUE(f.auth->Refresh(other.value().refresh_token).ok());
}

TEST(AuthService, AccessTokenExpiresAfterFifteenMinutes) {
    ServiceFixture f;
    f.SignupVerified("ada");
    auto login = f.auth->Login("ada", kPassword, "1.1.1.1");
    std::string header = "Bearer " + login.value().access_token;
    EXPECT_TRUE(f.auth->Authenticate(header).ok());
    f.clock.Advance(15 * 60 * 1000 + 1000);
    EXPECT_EQ(f.auth->Authenticate(header).error().code, "token_expired");
}

TEST(AuthService, ResetChangesPasswordAndSignsOutEverywhere) {
    ServiceFixture f;
    f.SignupVerified("ada");
    auto login = f.auth->Login("ada", kPassword, "1.1.1.1");
    ASSERT_TRUE(f.auth->Forgot("ada@example.org").ok());
    std::string code = f.LatestCode("ada@example.org");
    EXPECT_EQ(f.auth->Reset("ada@example.org", code, "short").error().code, "weak_password");
    ASSERT_TRUE(f.auth->Reset("ada@example.org", code, "a brand new passphrase").ok());
    EXPECT_FALSE(f.auth->Refresh(login.value().refresh_token).ok());
    EXPECT_FALSE(f.auth->Login("ada", kPassword, "1.1.1.1").ok());
    EXPECT_TRUE(f.auth->Login("ada", "a brand new passphrase", "1.1.1.1").ok());
    // Codes are single-use.
    EXPECT_FALSE(f.auth->Reset("ada@example.org", code, "another new passphrase").ok());
}

TEST(AuthService, ForgotForUnknownEmailLooksLikeSuccess) {
    ServiceFixture f;
    EXPECT_TRUE(f.auth->Forgot("nobody@example.org").ok());
}

TEST(AuthService, DeletedAccountTokensStopWorking) {
    ServiceFixture f;
    AuthUser ada = f.SignupVerified("ada");
    auto login = f.auth->Login("ada", kPassword, "1.1.1.1");
    ASSERT_TRUE(f.auth->DeleteUser(ada.id).ok());
    EXPECT_FALSE(f.auth->Authenticate("Bearer " + login.value().access_token).ok());
    EXPECT_FALSE(f.auth->Refresh(login.value().refresh_token).ok());
}

}  // namespace
}  // namespace skyloom::server
