// Portfolios (profile counts), subscriptions between users and per-user settings.
// Subscribing is idempotent; subscribing to yourself is 422, to an unknown user 404.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "db/database.h"
#include "model/social.h"
#include "services/auth_service.h"
#include "util/clock.h"

namespace skyloom::server {

class SocialService {
  public:
    SocialService(Database& db, Clock& clock) : m_db(db), m_clock(clock) {}

    // `viewer_id` 0: signed out (subscribed is false).
    Result<UserProfile> Profile(const std::string& username, int64_t viewer_id);
    Result<Unit> Subscribe(const AuthUser& subscriber, const std::string& creator);
    Result<Unit> Unsubscribe(const AuthUser& subscriber, const std::string& creator);

    Result<UserSettings> Settings(int64_t user_id);
    Result<UserSettings> UpdateSettings(int64_t user_id, bool email_notifications);
    // Changes only the fields that are set; the others keep their stored (or default) value.
    Result<UserSettings> UpdateSettings(int64_t user_id, std::optional<bool> email_notifications,
                                        std::optional<bool> blur_sensitive);

  private:
    // The creator's id, or a 404 (unknown) / 422 (the subscriber themself).
    Result<int64_t> Creator(const AuthUser& subscriber, const std::string& username);

    Database& m_db;
    Clock& m_clock;
};

}  // namespace skyloom::server
