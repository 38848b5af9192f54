// ApiClient: the asynchronous API v1 client used by the app and the integration tests.
// It owns the session tokens, signs requests, and refreshes an expired access token once
// transparently before retrying. It performs no I/O itself: the Transport does.
//
//   ApiClient client(MakeCurlTransport(), "http://127.0.0.1:8080");
//   client.Login("ada", "correct horse battery", [](Result<AuthSession> r) { ... });
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api/ai_history.h"
#include "api/http.h"
#include "api/requests.h"
#include "api/social_requests.h"
#include "model/ai.h"
#include "model/models.h"
#include "model/social.h"

namespace skyloom {

template <typename T>
using Callback = std::function<void(Result<T>)>;

class ApiClient {
  public:
    ApiClient(Transport transport, std::string base_url);

    // Session: set after login/verify+login/refresh; cleared by logout or a failed refresh.
    void SetSession(const std::string& access_token, const std::string& refresh_token);
    void ClearSession();
    [[nodiscard]] const std::string& access_token() const { return m_state->access_token; }
    [[nodiscard]] const std::string& refresh_token() const { return m_state->refresh_token; }
    [[nodiscard]] const std::string& base_url() const { return m_state->base_url; }
    // Called whenever tokens change (login, rotation, logout) so the app can persist them.
    void OnSessionChanged(std::function<void(const std::string& refresh_token)> listener);

    void Signup(const std::string& username, const std::string& email, const std::string& password,
                Callback<User> done);
    void Verify(const std::string& username, const std::string& code, Callback<Unit> done);
    void Resend(const std::string& username, Callback<Unit> done);
    void Login(const std::string& username_or_email, const std::string& password,
               Callback<AuthSession> done);
    void Refresh(Callback<AuthSession> done);  // uses the stored refresh token
    void Logout(Callback<Unit> done);
    void Forgot(const std::string& email, Callback<Unit> done);
    void Reset(const std::string& email, const std::string& code, const std::string& password,
               Callback<Unit> done);
    void GetMe(Callback<User> done);
    void DeleteMe(Callback<Unit> done);
    void ListPosts(const api::PostQuery& query, Callback<PostPage> done);
    void CreatePost(const std::string& text, Callback<Post> done);
    void CreatePost(const api::NewPost& post, Callback<Post> done);
    void UploadMedia(std::string bytes, const std::string& mime, Callback<Media> done);
    // The same with upload progress and a way to abort (see HttpRequest).
    struct UploadOptions {
        std::function<void(uint64_t sent, uint64_t total)> progress;
        std::shared_ptr<AbortSignal> abort;
    };
    void UploadMedia(std::string bytes, const std::string& mime, UploadOptions options,
                     Callback<Media> done);
    void ListGroups(Callback<std::vector<Group>> done);
    void CreateGroup(const std::string& name, const std::string& description, Callback<Group> done);
    void GetGroup(const std::string& id, Callback<Group> done);
    void DeleteGroup(const std::string& id, Callback<Unit> done);
    void GetPost(const std::string& id, Callback<Post> done);
    void DeletePost(const std::string& id, Callback<Unit> done);

    // Social (issue 5), implemented in api_client_social.cpp: portfolios, subscriptions,
    // meme templates, notifications, settings. Memes are posted with CreatePost(NewPost{.meme}).
    void GetProfile(const std::string& username, Callback<UserProfile> done);
    void Subscribe(const std::string& username, Callback<Unit> done);
    void Unsubscribe(const std::string& username, Callback<Unit> done);
    void ListTemplates(const api::TemplateQuery& query, Callback<TemplatePage> done);
    void CreateTemplate(const api::NewTemplate& tmpl, Callback<MemeTemplate> done);
    void ListNotifications(const api::NotificationQuery& query, Callback<NotificationPage> done);
    // Both answer the unread count left afterwards.
    void MarkNotificationsRead(const std::vector<std::string>& ids, Callback<int64_t> done);
    void MarkAllNotificationsRead(Callback<int64_t> done);
    void GetSettings(Callback<UserSettings> done);
    void UpdateSettings(bool email_notifications, Callback<UserSettings> done);
    void UpdateSettings(const api::SettingsPatch& patch, Callback<UserSettings> done);

    // The caller's AI inference log (issue 6), in api_client_ai_history.cpp.
    void ListAiHistory(const api::AiHistoryQuery& query, Callback<InferencePage> done);
    void DeleteAiHistory(Callback<int64_t> done);  // answers how many entries were deleted
    void DeleteAiHistoryEntry(const std::string& id, Callback<Unit> done);

    // AI text (issue 6), implemented in api_client_ai.cpp. Answers stream: each piece reaches
    // `on_token` as the model writes it, then `done` gets the final result or the error
    // (502/503 with retry_after when the model is down or busy).
    struct AiStreamOptions {
        std::function<void(const std::string& piece)> on_token;
        std::shared_ptr<AbortSignal> abort;  // optional
    };
    void Autofill(const std::string& text, int max_tokens, AiStreamOptions options,
                  Callback<AutofillResult> done);
    void SendChat(const std::string& message, AiStreamOptions options, Callback<ChatReply> done);
    // The caller's latest chat messages (oldest first); `cursor` (a next_cursor) pages back.
    void GetChat(const std::string& cursor, Callback<ChatPage> done);

    // Sends an arbitrary request with the session's token (and transparent refresh).
    void SendAuthorized(HttpRequest request, ResponseCallback done);

  private:
    struct RefreshQueue;
    struct State {
        Transport transport;
        std::string base_url;
        std::string access_token;
        std::string refresh_token;
        std::function<void(const std::string&)> session_listener;
        std::shared_ptr<RefreshQueue> refresh_queue;
    };
    static void Send(const std::shared_ptr<State>& state, const HttpRequest& request,
                     ResponseCallback done);
    static void StoreSession(const std::shared_ptr<State>& state, const AuthSession& session);
    static void RefreshShared(const std::shared_ptr<State>& state,
                              std::function<void(bool refreshed)> done);
    // State is shared with in-flight callbacks so a late answer never touches a dead client.
    std::shared_ptr<State> m_state;
};

}  // namespace skyloom
