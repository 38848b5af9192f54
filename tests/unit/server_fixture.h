// In-process server services over a temporary SQLite file and a real outbox mailer, with a
// cheap argon2id cost so service tests stay fast.
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <thread>

#include "services/auth_service.h"
#include "services/post_service.h"
#include "util/crypto.h"

namespace skyloom::server::testing {

class ServiceFixture {
  public:
    explicit ServiceFixture(AuthSettings settings = {}) {
        InitCrypto();
        dir = std::filesystem::temp_directory_path() / ("skyloom-unit-" + RandomToken(6));
        std::filesystem::create_directories(dir);
        db = std::make_unique<Database>((dir / "test.db").string());
        db->Migrate();
        hasher = std::make_unique<PasswordHasher>(PasswordCost{1, 64 * 1024});
        mail = std::make_unique<MailQueue>(MakeOutboxMailer((dir / "outbox").string(), "t@x"));
        auth = std::make_unique<AuthService>(*db, *hasher, JwtSigner("secret"), *mail, clock,
                                             "code-secret", settings);
        posts = std::make_unique<PostService>(*db, clock);
    }
    ~ServiceFixture() {
        posts.reset();
        auth.reset();
        mail.reset();
        std::filesystem::remove_all(dir);
    }

    // The newest 6-digit code mailed to `email`, waiting briefly for the mail thread.
    std::string LatestCode(const std::string& email) {
        for (int i = 0; i < 200; ++i) {
            std::string code = ScanOutbox(email);
            if (!code.empty() && code != m_last_code) {
                m_last_code = code;
                return code;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return "";
    }

    AuthUser SignupVerified(const std::string& username) {
        std::string email = username + "@example.org";
        auto user = auth->Signup(username, email, "correct horse battery");
        EXPECT_TRUE(user.ok());
        auto verified = auth->Verify(username, LatestCode(email));
        EXPECT_TRUE(verified.ok());
        return AuthUser{std::stoll(verified.value().id), username, true};
    }

    std::filesystem::path dir;
    Clock clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<PasswordHasher> hasher;
    std::unique_ptr<MailQueue> mail;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<PostService> posts;

  private:
    std::string ScanOutbox(const std::string& email) {
        std::string newest_name, newest_code;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(dir / "outbox", ec)) {
            if (entry.path().extension() != ".eml") continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            std::string body = text.str();
            if (body.find("To: <" + email + ">") == std::string::npos) continue;
            std::smatch match;
            static const std::regex kCode(R"(code is (\d{6}))");
            if (std::regex_search(body, match, kCode) &&
                entry.path().filename().string() > newest_name) {
                newest_name = entry.path().filename().string();
                newest_code = match[1];
            }
        }
        return newest_code;
    }
    std::string m_last_code;
};

}  // namespace skyloom::server::testing
