#include "services/auth_service.h"

#include <cstdio>

#include "services/errors.h"
#include "util/crypto.h"
#include "validation/validation.h"

namespace skyloom::server {
namespace {

const char* PurposeName(int purpose) {
    return purpose == 0 ? "verify" : "reset";
}

Error InvalidCredentials() {
    // One message for unknown user and wrong password: the answer never reveals which.
    return errors::Unauthorized("invalid_credentials", "Wrong username, email or password");
}

Error InvalidCode() {
    return errors::BadRequest("invalid_code", "That code is not right; check the email we sent");
}

Error WeakPassword(const std::string& password, const std::string& username) {
    std::string failed;
    for (const RuleStatus& rule : CheckPassword(password, username)) {
        if (!rule.passed) failed += (failed.empty() ? "" : "; ") + rule.label;
    }
    return errors::Unprocessable("weak_password", "Choose a stronger password: " + failed);
}

}  // namespace

AuthService::AuthService(Database& db, const PasswordHasher& hasher, JwtSigner jwt, MailQueue& mail,
                         Clock& clock, std::string code_secret, AuthSettings settings)
    : m_db(db),
      m_hasher(hasher),
      m_jwt(std::move(jwt)),
      m_mail(mail),
      m_clock(clock),
      m_code_secret(std::move(code_secret)),
      m_settings(settings),
      m_account_failures(settings.login_failures_per_account, settings.login_window_ms),
      m_address_failures(settings.login_failures_per_address, settings.login_window_ms) {}

// [SECTION] Users

std::optional<AuthService::UserRow> AuthService::FindUser(const char* where_clause,
                                                          const std::string& key) {
    Statement& stmt = m_db.Conn().Prepare(
        std::string("SELECT id, username, email, password_hash, verified, created_at FROM users "
                    "WHERE ") +
        where_clause);
    stmt.Bind(1, key);
    if (!stmt.Step()) return std::nullopt;
    UserRow row{stmt.Int(0),  stmt.Text(1),     stmt.Text(2),
                stmt.Text(3), stmt.Int(4) != 0, stmt.Int(5)};
    stmt.Reset();
    return row;
}

std::optional<AuthService::UserRow> AuthService::FindUserByUsername(const std::string& username) {
    return FindUser("username = ?", NormalizeUsername(username));
}

std::optional<AuthService::UserRow> AuthService::FindUserByEmail(const std::string& email) {
    return FindUser("email = ?", NormalizeEmail(email));
}

std::optional<AuthService::UserRow> AuthService::FindUserById(int64_t id) {
    return FindUser("id = ?", std::to_string(id));
}

User AuthService::ToUser(const UserRow& row, bool include_email) {
    return User{std::to_string(row.id), row.username, include_email ? row.email : std::string(),
                row.verified, FormatRfc3339(row.created_at)};
}

Result<User> AuthService::Signup(const std::string& username, const std::string& email,
                                 const std::string& password) {
    if (!IsValidUsername(username))
        return errors::Unprocessable("invalid_username",
                                     "Usernames are 3 to 30 letters, digits or _");
    if (!IsValidEmail(email))
        return errors::Unprocessable("invalid_email", "That does not look like an email address");
    if (!IsValidPassword(password, username)) return WeakPassword(password, username);

    std::string normalized_username = NormalizeUsername(username);
    std::string normalized_email = NormalizeEmail(email);
    // Cheap pre-checks give the right message; the UNIQUE constraints below settle races.
    if (FindUserByUsername(normalized_username))
        return errors::Conflict("username_taken", "That username is taken");
    if (FindUserByEmail(normalized_email))
        return errors::Conflict("email_taken", "An account with that email already exists");

    std::string hash = m_hasher.Hash(password);
    Connection& conn = m_db.Conn();
    int64_t now = m_clock.NowMs();
    bool inserted = conn.Prepare(
                            "INSERT INTO users(username, email, password_hash, verified, "
                            "created_at) VALUES (?, ?, ?, 0, ?)")
                        .Bind(1, normalized_username)
                        .Bind(2, normalized_email)
                        .Bind(3, hash)
                        .Bind(4, now)
                        .Exec();
    if (!inserted) {
        return FindUserByUsername(normalized_username)
                   ? errors::Conflict("username_taken", "That username is taken")
                   : errors::Conflict("email_taken", "An account with that email already exists");
    }
    UserRow row{conn.LastInsertId(), normalized_username, normalized_email, hash, false, now};
    (void)IssueCode(row, Purpose::kVerify, /*force=*/true);
    return ToUser(row, true);
}

Result<User> AuthService::CreateVerifiedUser(const std::string& username, const std::string& email,
                                             const std::string& password) {
    int64_t now = m_clock.NowMs();
    Connection& conn = m_db.Conn();
    bool inserted = conn.Prepare(
                            "INSERT INTO users(username, email, password_hash, verified, "
                            "created_at) VALUES (?, ?, ?, 1, ?)")
                        .Bind(1, NormalizeUsername(username))
                        .Bind(2, NormalizeEmail(email))
                        .Bind(3, m_hasher.Hash(password))
                        .Bind(4, now)
                        .Exec();
    if (!inserted) return errors::Conflict("username_taken", "That username is taken");
    return GetUser(conn.LastInsertId());
}

Result<User> AuthService::GetUser(int64_t id) {
    auto row = FindUserById(id);
    if (!row) return errors::NotFound("The account");
    return ToUser(*row, true);
}

Result<Unit> AuthService::DeleteUser(int64_t id) {
    // ON DELETE CASCADE removes posts, codes and refresh tokens with the account.
    Statement& stmt = m_db.Conn().Prepare("DELETE FROM users WHERE id = ?");
    stmt.Bind(1, id);
    (void)stmt.Exec();
    if (m_db.Conn().Changes() == 0) return errors::NotFound("The account");
    return Unit{};
}

// [SECTION] Codes

std::string AuthService::CodeHash(int64_t user_id, Purpose purpose, const std::string& code) const {
    // Keyed: a leaked database does not let anyone brute-force the 10^6 codes offline.
    return ToHex(HmacSha256(
        m_code_secret, std::to_string(user_id) + ":" + PurposeName(int(purpose)) + ":" + code));
}

Result<Unit> AuthService::IssueCode(const UserRow& user, Purpose purpose, bool force) {
    Connection& conn = m_db.Conn();
    int64_t now = m_clock.NowMs();
    if (!force) {
        Statement& last =
            conn.Prepare("SELECT sent_at FROM email_codes WHERE user_id = ? AND purpose = ?");
        last.Bind(1, user.id).Bind(2, PurposeName(int(purpose)));
        if (last.Step()) {
            int64_t sent_at = last.Int(0);
            last.Reset();
            int64_t wait_ms = sent_at + m_settings.resend_cooldown_ms - now;
            if (wait_ms > 0) {
                return errors::TooMany("resend_too_soon",
                                       "A code was just sent; you can ask for another shortly",
                                       static_cast<int>((wait_ms + 999) / 1000));
            }
        }
    }
    char code[8];
    std::snprintf(code, sizeof code, "%06u", RandomBelow(1000000));
    conn.Prepare(
            "INSERT OR REPLACE INTO email_codes(user_id, purpose, code_hash, expires_at, "
            "attempts, sent_at) VALUES (?, ?, ?, ?, 0, ?)")
        .Bind(1, user.id)
        .Bind(2, PurposeName(int(purpose)))
        .Bind(3, CodeHash(user.id, purpose, code))
        .Bind(4, now + m_settings.code_ttl_ms)
        .Bind(5, now)
        .Exec();
    std::string greeting = "Hi " + user.username + ",\n\n";
    if (purpose == Purpose::kVerify) {
        m_mail.Enqueue({user.email, "Your Skyloom verification code: " + std::string(code),
                        greeting + "Your Skyloom verification code is " + code +
                            ".\n\nIt expires in 15 minutes. If you did not sign up, ignore "
                            "this email.\n"});
    } else {
        m_mail.Enqueue({user.email, "Your Skyloom password reset code: " + std::string(code),
                        greeting + "Your Skyloom password reset code is " + code +
                            ".\n\nIt expires in 15 minutes. If you did not ask to reset your "
                            "password, ignore this email; your password is unchanged.\n"});
    }
    return Unit{};
}

Result<Unit> AuthService::ConsumeCode(const UserRow& user, Purpose purpose,
                                      const std::string& code) {
    if (!IsSixDigitCode(code)) return InvalidCode();
    Connection& conn = m_db.Conn();
    Transaction tx(conn);
    Statement& stmt = conn.Prepare(
        "SELECT code_hash, expires_at, attempts FROM email_codes WHERE user_id = ? AND purpose = "
        "?");
    stmt.Bind(1, user.id).Bind(2, PurposeName(int(purpose)));
    if (!stmt.Step()) return InvalidCode();
    std::string stored_hash = stmt.Text(0);
    int64_t expires_at = stmt.Int(1);
    int64_t attempts = stmt.Int(2);
    stmt.Reset();
    if (m_clock.NowMs() >= expires_at) {
        return errors::BadRequest("code_expired", "That code has expired; ask for a new one");
    }
    if (attempts >= m_settings.max_code_attempts) {
        return errors::TooMany("too_many_attempts", "Too many wrong codes; ask for a new one", 0);
    }
    if (!ConstantTimeEquals(stored_hash, CodeHash(user.id, purpose, code))) {
        conn.Prepare(
                "UPDATE email_codes SET attempts = attempts + 1 WHERE user_id = ? AND purpose = ?")
            .Bind(1, user.id)
            .Bind(2, PurposeName(int(purpose)))
            .Exec();
        tx.Commit();
        int64_t left = m_settings.max_code_attempts - attempts - 1;
        Error error = InvalidCode();
        if (left > 0) {
            error.message = "That code is not right; " + std::to_string(left) +
                            (left == 1 ? " attempt" : " attempts") + " left";
        } else {
            error.message = "That code is not right, and it is now used up; ask for a new one";
        }
        return error;
    }
    conn.Prepare("DELETE FROM email_codes WHERE user_id = ? AND purpose = ?")
        .Bind(1, user.id)
        .Bind(2, PurposeName(int(purpose)))
        .Exec();
    tx.Commit();
    return Unit{};
}

Result<User> AuthService::Verify(const std::string& username, const std::string& code) {
    if (!IsSixDigitCode(code)) return InvalidCode();
    auto user = FindUserByUsername(username);
    if (!user) return InvalidCode();  // same answer as a wrong code: no account probing
    if (user->verified) {
        // Signup already tells whether a username exists, so this reveals nothing new.
        return errors::Conflict("already_verified", "This account is already verified; sign in");
    }
    Result<Unit> consumed = ConsumeCode(*user, Purpose::kVerify, code);
    if (!consumed) return consumed.error();
    m_db.Conn().Prepare("UPDATE users SET verified = 1 WHERE id = ?").Bind(1, user->id).Exec();
    user->verified = true;
    return ToUser(*user, true);
}

Result<Unit> AuthService::Resend(const std::string& username) {
    auto user = FindUserByUsername(username);
    if (!user || user->verified) return Unit{};  // nothing to send; do not reveal why
    return IssueCode(*user, Purpose::kVerify, /*force=*/false);
}

Result<Unit> AuthService::Forgot(const std::string& email) {
    if (!IsValidEmail(email))
        return errors::Unprocessable("invalid_email", "That does not look like an email address");
    auto user = FindUserByEmail(email);
    if (!user) return Unit{};  // 202 either way: the answer never says who has an account
    Result<Unit> issued = IssueCode(*user, Purpose::kReset, /*force=*/false);
    if (!issued && issued.error().code == "resend_too_soon") return issued;
    return Unit{};
}

Result<Unit> AuthService::Reset(const std::string& email, const std::string& code,
                                const std::string& new_password) {
    auto user = FindUserByEmail(email);
    if (!user) return InvalidCode();
    if (!IsValidPassword(new_password, user->username))
        return WeakPassword(new_password, user->username);
    Result<Unit> consumed = ConsumeCode(*user, Purpose::kReset, code);
    if (!consumed) return consumed.error();
    std::string hash = m_hasher.Hash(new_password);
    Connection& conn = m_db.Conn();
    Transaction tx(conn);
    // Reading the code proved control of the mailbox, so the account counts as verified.
    conn.Prepare("UPDATE users SET password_hash = ?, verified = 1 WHERE id = ?")
        .Bind(1, hash)
        .Bind(2, user->id)
        .Exec();
    // A reset signs out every device.
    conn.Prepare("UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ?")
        .Bind(1, user->id)
        .Exec();
    tx.Commit();
    m_account_failures.Clear(user->username);
    return Unit{};
}

// [SECTION] Sessions

AuthSession AuthService::IssueSession(const UserRow& user, const std::string& family_id) {
    int64_t now = m_clock.NowMs();
    AccessClaims claims{user.id, user.username, now / 1000, now / 1000 + m_settings.access_ttl_s};
    std::string refresh = RandomToken(32);
    m_db.Conn()
        .Prepare(
            "INSERT INTO refresh_tokens(token_hash, user_id, family_id, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?)")
        .Bind(1, Sha256Hex(refresh))
        .Bind(2, user.id)
        .Bind(3, family_id)
        .Bind(4, now)
        .Bind(5, now + m_settings.refresh_ttl_ms)
        .Exec();
    return AuthSession{m_jwt.Sign(claims), refresh, m_settings.access_ttl_s, ToUser(user, true)};
}

Result<AuthSession> AuthService::Login(const std::string& identifier, const std::string& password,
                                       const std::string& client_address) {
    int64_t now = m_clock.NowMs();
    std::string account_key = NormalizeUsername(identifier);
    int wait = std::max(m_account_failures.RetryAfterSeconds(account_key, now),
                        m_address_failures.RetryAfterSeconds(client_address, now));
    if (wait > 0) {
        // Same answer whether or not the account exists.
        return errors::TooMany("too_many_attempts",
                               "Too many failed sign-ins; try again in a few minutes", wait);
    }
    auto user = identifier.find('@') != std::string::npos ? FindUserByEmail(identifier)
                                                          : FindUserByUsername(identifier);
    bool ok = false;
    if (user) {
        ok = m_hasher.Verify(user->password_hash, password);
    } else {
        m_hasher.VerifyDummy(password);
    }
    if (!ok) {
        m_account_failures.RecordFailure(account_key, now);
        m_address_failures.RecordFailure(client_address, now);
        return InvalidCredentials();
    }
    m_account_failures.Clear(account_key);
    Connection& conn = m_db.Conn();
    Transaction tx(conn);
    AuthSession session = IssueSession(*user, RandomToken(16));
    tx.Commit();
    return session;
}

Result<AuthSession> AuthService::Refresh(const std::string& refresh_token) {
    Error invalid =
        errors::Unauthorized("invalid_refresh_token", "Your session has ended; sign in again");
    if (refresh_token.empty() || refresh_token.size() > 256) return invalid;
    Connection& conn = m_db.Conn();
    Transaction tx(conn);
    Statement& stmt = conn.Prepare(
        "SELECT user_id, family_id, expires_at, rotated_at, revoked FROM refresh_tokens "
        "WHERE token_hash = ?");
    stmt.Bind(1, Sha256Hex(refresh_token));
    if (!stmt.Step()) return invalid;
    int64_t user_id = stmt.Int(0);
    std::string family = stmt.Text(1);
    int64_t expires_at = stmt.Int(2);
    bool rotated = !stmt.IsNull(3);
    bool revoked = stmt.Int(4) != 0;
    stmt.Reset();
    if (revoked || m_clock.NowMs() >= expires_at) return invalid;
    if (rotated) {
        // A token that was already exchanged is being replayed: someone holds a stolen copy.
        // Revoke every token of this login so both the thief and the victim must sign in.
        conn.Prepare("UPDATE refresh_tokens SET revoked = 1 WHERE family_id = ?")
            .Bind(1, family)
            .Exec();
        tx.Commit();
        return errors::Unauthorized("refresh_token_reused",
                                    "This session was used elsewhere and has been closed; sign in "
                                    "again");
    }
    auto user = FindUserById(user_id);
    if (!user) return invalid;
    conn.Prepare("UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ?")
        .Bind(1, m_clock.NowMs())
        .Bind(2, Sha256Hex(refresh_token))
        .Exec();
    AuthSession session = IssueSession(*user, family);
    tx.Commit();
    return session;
}

Result<Unit> AuthService::Logout(const std::string& refresh_token) {
    Connection& conn = m_db.Conn();
    Statement& stmt = conn.Prepare("SELECT family_id FROM refresh_tokens WHERE token_hash = ?");
    stmt.Bind(1, Sha256Hex(refresh_token));
    if (!stmt.Step()) return Unit{};  // already gone: signing out is idempotent
    std::string family = stmt.Text(0);
    stmt.Reset();
    conn.Prepare("UPDATE refresh_tokens SET revoked = 1 WHERE family_id = ?")
        .Bind(1, family)
        .Exec();
    return Unit{};
}

Result<AuthUser> AuthService::Authenticate(const std::string& authorization_header) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization_header.empty())
        return errors::Unauthorized("unauthorized", "Sign in to do that");
    if (authorization_header.compare(0, kBearer.size(), kBearer) != 0 ||
        authorization_header.size() > 4096) {
        return errors::Unauthorized("invalid_token",
                                    "The access token is not valid; sign in again");
    }
    Result<AccessClaims> claims =
        m_jwt.Verify(authorization_header.substr(kBearer.size()), m_clock.NowMs() / 1000);
    if (!claims) return claims.error();
    auto user = FindUserById(claims.value().user_id);
    if (!user) {
        return errors::Unauthorized("invalid_token", "This account no longer exists");
    }
    return AuthUser{user->id, user->username, user->verified};
}

}  // namespace skyloom::server
