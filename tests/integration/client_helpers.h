// Synchronous wrappers over the asynchronous ApiClient (the curl transport completes before
// returning, so each call's callback has run by the time the wrapper returns).
#pragma once

#include <gtest/gtest.h>

#include <optional>

#include "api/api_client.h"
#include "curl_transport.h"
#include "server_process.h"

namespace skyloom::testing {

template <typename T, typename Call>
Result<T> Await(Call call) {
    std::optional<Result<T>> out;
    call([&](Result<T> result) { out.emplace(std::move(result)); });
    EXPECT_TRUE(out.has_value()) << "callback did not run";
    return out ? std::move(*out) : Result<T>(Error{"no_answer", "no answer", 0});
}

inline ApiClient NewClient(const ServerProcess& server) {
    return ApiClient(MakeCurlTransport(), server.base_url());
}

constexpr const char* kPassword = "correct horse battery";

// Signs up, reads the code from the outbox (or `mail_dir`, e.g. an SmtpSink's Maildir),
// verifies and logs in. Returns the logged-in client.
inline ApiClient SignupAndLogin(const ServerProcess& server, const std::string& username,
                                const std::filesystem::path& mail_dir = {}) {
    ApiClient client = NewClient(server);
    std::string email = username + "@example.org";
    auto user = Await<User>([&](auto cb) { client.Signup(username, email, kPassword, cb); });
    EXPECT_TRUE(user.ok()) << (user.ok() ? "" : user.error().message);
    std::string code = WaitForCode(mail_dir.empty() ? server.data_dir() / "outbox" : mail_dir,
                                   email, {}, 10000);
    EXPECT_EQ(code.size(), 6u);
    auto verified = Await<Unit>([&](auto cb) { client.Verify(username, code, cb); });
    EXPECT_TRUE(verified.ok());
    auto session = Await<AuthSession>([&](auto cb) { client.Login(username, kPassword, cb); });
    EXPECT_TRUE(session.ok());
    return client;
}

}  // namespace skyloom::testing
