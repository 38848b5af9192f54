// Accounts and sessions: signup with an emailed code, verification, login with rate limits,
// rotating refresh tokens with reuse detection, password reset, account deletion.
// Methods that hash passwords are slow (argon2id): the HTTP layer runs them on the worker pool.
#pragma once

#include <cstdint>
#include <string>

#include "auth/jwt.h"
#include "auth/password_hasher.h"
#include "db/database.h"
#include "mail/mailer.h"
#include "model/models.h"
#include "services/rate_limiter.h"
#include "util/clock.h"

namespace skyloom::server {

struct AuthSettings {
    int64_t access_ttl_s = 15 * 60;                    // JWT lifetime
    int64_t refresh_ttl_ms = 30LL * 24 * 3600 * 1000;  // a month of "stay signed in"
    int64_t code_ttl_ms = 15 * 60 * 1000;              // emailed codes expire after 15 min
    int max_code_attempts = 5;                         // wrong guesses before a code dies
    int64_t resend_cooldown_ms = 60 * 1000;            // one mail per minute per purpose
    int login_failures_per_account = 10;               // per 15 minutes
    int login_failures_per_address = 50;               // per 15 minutes
    int64_t login_window_ms = 15 * 60 * 1000;
};

// The caller of an authenticated request.
struct AuthUser {
    int64_t id = 0;
    std::string username;
    bool verified = false;
};

class AuthService {
  public:
    AuthService(Database& db, const PasswordHasher& hasher, JwtSigner jwt, MailQueue& mail,
                Clock& clock, std::string code_secret, AuthSettings settings = {});

    Result<User> Signup(const std::string& username, const std::string& email,
                        const std::string& password);
    Result<User> Verify(const std::string& username, const std::string& code);
    Result<Unit> Resend(const std::string& username);
    Result<AuthSession> Login(const std::string& identifier, const std::string& password,
                              const std::string& client_address);
    Result<AuthSession> Refresh(const std::string& refresh_token);
    Result<Unit> Logout(const std::string& refresh_token);
    Result<Unit> Forgot(const std::string& email);
    Result<Unit> Reset(const std::string& email, const std::string& code,
                       const std::string& new_password);

    // From an "Authorization: Bearer ..." header value; checks the account still exists.
    Result<AuthUser> Authenticate(const std::string& authorization_header);
    Result<User> GetUser(int64_t id);
    Result<Unit> DeleteUser(int64_t id);

    // For demo seeding: creates a verified account directly.
    Result<User> CreateVerifiedUser(const std::string& username, const std::string& email,
                                    const std::string& password);

    [[nodiscard]] Clock& clock() { return m_clock; }

  private:
    enum class Purpose { kVerify, kReset };
    struct UserRow {
        int64_t id = 0;
        std::string username, email, password_hash;
        bool verified = false;
        int64_t created_at = 0;
    };

    std::optional<UserRow> FindUserByUsername(const std::string& username);
    std::optional<UserRow> FindUserByEmail(const std::string& email);
    std::optional<UserRow> FindUserById(int64_t id);
    std::optional<UserRow> FindUser(const char* where_clause, const std::string& key);
    static User ToUser(const UserRow& row, bool include_email);

    // Stores a fresh code (replacing any old one) and mails it. Honors the resend cooldown
    // unless `force` (the first code at signup).
    Result<Unit> IssueCode(const UserRow& user, Purpose purpose, bool force);
    Result<Unit> ConsumeCode(const UserRow& user, Purpose purpose, const std::string& code);
    std::string CodeHash(int64_t user_id, Purpose purpose, const std::string& code) const;

    AuthSession IssueSession(const UserRow& user, const std::string& family_id);

    Database& m_db;
    const PasswordHasher& m_hasher;
    JwtSigner m_jwt;
    MailQueue& m_mail;
    Clock& m_clock;
    std::string m_code_secret;
    AuthSettings m_settings;
    FailureLimiter m_account_failures;
    FailureLimiter m_address_failures;
};

}  // namespace skyloom::server
