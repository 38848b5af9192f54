// Pure parsers for the social API's answers (see social_requests.h); failures map to typed
// Errors exactly like responses.h.
#pragma once

#include "api/http.h"
#include "model/social.h"

namespace skyloom::api {

[[nodiscard]] Result<UserProfile> ParseProfileResponse(const HttpResponse& response);
[[nodiscard]] Result<MemeTemplate> ParseTemplateResponse(
    const HttpResponse& response);  // {template}
[[nodiscard]] Result<TemplatePage> ParseTemplatePageResponse(const HttpResponse& response);
[[nodiscard]] Result<NotificationPage> ParseNotificationPageResponse(const HttpResponse& response);
// POST /notifications/read answers {unread_count}.
[[nodiscard]] Result<int64_t> ParseUnreadCountResponse(const HttpResponse& response);
[[nodiscard]] Result<UserSettings> ParseSettingsResponse(const HttpResponse& response);

}  // namespace skyloom::api
