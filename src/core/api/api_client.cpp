#include "api/api_client.h"

#include <vector>

#include "api/responses.h"

namespace skyloom {
namespace {

// The server marks an access token that is merely stale with this code; the client then
// refreshes once and retries. Any other 401 is final.
constexpr const char* kTokenExpiredCode = "token_expired";

}  // namespace

struct ApiClient::RefreshQueue {
    bool in_flight = false;
    std::vector<std::function<void(bool refreshed)>> waiters;
};

ApiClient::ApiClient(Transport transport, std::string base_url)
    : m_state(std::make_shared<State>()) {
    m_state->transport = std::move(transport);
    m_state->base_url = std::move(base_url);
    m_state->refresh_queue = std::make_shared<RefreshQueue>();
}

void ApiClient::SetSession(const std::string& access_token, const std::string& refresh_token) {
    m_state->access_token = access_token;
    m_state->refresh_token = refresh_token;
    if (m_state->session_listener) m_state->session_listener(refresh_token);
}

void ApiClient::ClearSession() {
    SetSession("", "");
}

void ApiClient::OnSessionChanged(std::function<void(const std::string&)> listener) {
    m_state->session_listener = std::move(listener);
}

void ApiClient::Send(const std::shared_ptr<State>& state, const HttpRequest& request,
                     ResponseCallback done) {
    state->transport(state->base_url, request, std::move(done));
}

void ApiClient::StoreSession(const std::shared_ptr<State>& state, const AuthSession& session) {
    state->access_token = session.access_token;
    state->refresh_token = session.refresh_token;
    if (state->session_listener) state->session_listener(session.refresh_token);
}

void ApiClient::RefreshShared(const std::shared_ptr<State>& state,
                              std::function<void(bool refreshed)> done) {
    // Only one refresh at a time: refresh tokens rotate, and presenting an already rotated one
    // is treated by the server as theft (the whole token family is revoked).
    auto queue = state->refresh_queue;
    queue->waiters.push_back(std::move(done));
    if (queue->in_flight) return;
    queue->in_flight = true;
    Send(state, api::Refresh(state->refresh_token), [state, queue](HttpResponse response) {
        Result<AuthSession> session = api::ParseSessionResponse(response);
        bool ok = session.ok();
        if (ok) {
            StoreSession(state, session.value());
        } else if (response.status == 401) {
            state->access_token.clear();
            state->refresh_token.clear();
            if (state->session_listener) state->session_listener("");
        }
        auto waiters = std::move(queue->waiters);
        queue->waiters.clear();
        queue->in_flight = false;
        for (auto& waiter : waiters) waiter(ok);
    });
}

void ApiClient::SendAuthorized(HttpRequest request, ResponseCallback done) {
    auto state = m_state;
    HttpRequest signed_request = request;
    api::Authorize(signed_request, state->access_token);
    Send(state, signed_request,
         [state, request = std::move(request), done = std::move(done)](HttpResponse response) {
             bool stale = response.status == 401 && !state->refresh_token.empty() &&
                          api::ErrorFromResponse(response).code == kTokenExpiredCode;
             if (!stale) {
                 done(std::move(response));
                 return;
             }
             RefreshShared(state, [state, request, done, response](bool refreshed) {
                 if (!refreshed) {
                     done(response);
                     return;
                 }
                 HttpRequest retry = request;
                 api::Authorize(retry, state->access_token);
                 Send(state, retry, done);
             });
         });
}

void ApiClient::Signup(const std::string& username, const std::string& email,
                       const std::string& password, Callback<User> done) {
    Send(m_state, api::Signup(username, email, password),
         [done = std::move(done)](HttpResponse r) { done(api::ParseUserResponse(r)); });
}

void ApiClient::Verify(const std::string& username, const std::string& code, Callback<Unit> done) {
    Send(m_state, api::Verify(username, code),
         [done = std::move(done)](HttpResponse r) { done(api::ParseEmptyResponse(r)); });
}

void ApiClient::Resend(const std::string& username, Callback<Unit> done) {
    Send(m_state, api::Resend(username),
         [done = std::move(done)](HttpResponse r) { done(api::ParseEmptyResponse(r)); });
}

void ApiClient::Login(const std::string& username_or_email, const std::string& password,
                      Callback<AuthSession> done) {
    auto state = m_state;
    Send(state, api::Login(username_or_email, password),
         [state, done = std::move(done)](HttpResponse r) {
             Result<AuthSession> session = api::ParseSessionResponse(r);
             if (session) StoreSession(state, session.value());
             done(std::move(session));
         });
}

void ApiClient::Refresh(Callback<AuthSession> done) {
    auto state = m_state;
    Send(state, api::Refresh(state->refresh_token),
         [state, done = std::move(done)](HttpResponse r) {
             Result<AuthSession> session = api::ParseSessionResponse(r);
             if (session) StoreSession(state, session.value());
             done(std::move(session));
         });
}

void ApiClient::Logout(Callback<Unit> done) {
    auto state = m_state;
    HttpRequest request = api::Logout(state->refresh_token);
    // Forget the tokens at once: signing out must work offline too.
    SetSession("", "");
    Send(state, request,
         [done = std::move(done)](HttpResponse r) { done(api::ParseEmptyResponse(r)); });
}

void ApiClient::Forgot(const std::string& email, Callback<Unit> done) {
    Send(m_state, api::Forgot(email),
         [done = std::move(done)](HttpResponse r) { done(api::ParseEmptyResponse(r)); });
}

void ApiClient::Reset(const std::string& email, const std::string& code,
                      const std::string& password, Callback<Unit> done) {
    Send(m_state, api::Reset(email, code, password),
         [done = std::move(done)](HttpResponse r) { done(api::ParseEmptyResponse(r)); });
}

void ApiClient::GetMe(Callback<User> done) {
    SendAuthorized(api::GetMe(),
                   [done = std::move(done)](HttpResponse r) { done(api::ParseUserResponse(r)); });
}

void ApiClient::DeleteMe(Callback<Unit> done) {
    auto state = m_state;
    SendAuthorized(api::DeleteMe(), [state, done = std::move(done)](HttpResponse r) {
        Result<Unit> result = api::ParseEmptyResponse(r);
        if (result) {
            state->access_token.clear();
            state->refresh_token.clear();
            if (state->session_listener) state->session_listener("");
        }
        done(std::move(result));
    });
}

void ApiClient::ListPosts(const api::PostQuery& query, Callback<PostPage> done) {
    SendAuthorized(api::ListPosts(query),
                   [done = std::move(done)](HttpResponse r) { done(api::ParsePageResponse(r)); });
}

void ApiClient::CreatePost(const std::string& text, Callback<Post> done) {
    SendAuthorized(api::CreatePost(text),
                   [done = std::move(done)](HttpResponse r) { done(api::ParsePostResponse(r)); });
}

void ApiClient::CreatePost(const api::NewPost& post, Callback<Post> done) {
    SendAuthorized(api::CreatePost(post),
                   [done = std::move(done)](HttpResponse r) { done(api::ParsePostResponse(r)); });
}

void ApiClient::UploadMedia(std::string bytes, const std::string& mime, Callback<Media> done) {
    UploadMedia(std::move(bytes), mime, {}, std::move(done));
}

void ApiClient::UploadMedia(std::string bytes, const std::string& mime, UploadOptions options,
                            Callback<Media> done) {
    HttpRequest request = api::UploadMedia(std::move(bytes), mime);
    request.upload_progress = std::move(options.progress);
    request.abort = std::move(options.abort);
    SendAuthorized(std::move(request),
                   [done = std::move(done)](HttpResponse r) { done(api::ParseMediaResponse(r)); });
}

void ApiClient::ListGroups(Callback<std::vector<Group>> done) {
    SendAuthorized(api::ListGroups(), [done = std::move(done)](HttpResponse r) {
        done(api::ParseGroupListResponse(r));
    });
}

void ApiClient::CreateGroup(const std::string& name, const std::string& description,
                            Callback<Group> done) {
    SendAuthorized(api::CreateGroup(name, description),
                   [done = std::move(done)](HttpResponse r) { done(api::ParseGroupResponse(r)); });
}

void ApiClient::GetGroup(const std::string& id, Callback<Group> done) {
    SendAuthorized(api::GetGroup(id),
                   [done = std::move(done)](HttpResponse r) { done(api::ParseGroupResponse(r)); });
}

void ApiClient::DeleteGroup(const std::string& id, Callback<Unit> done) {
    SendAuthorized(api::DeleteGroup(id),
                   [done = std::move(done)](HttpResponse r) { done(api::ParseEmptyResponse(r)); });
}

void ApiClient::GetPost(const std::string& id, Callback<Post> done) {
    SendAuthorized(api::GetPost(id),
                   [done = std::move(done)](HttpResponse r) { done(api::ParsePostResponse(r)); });
}

void ApiClient::DeletePost(const std::string& id, Callback<Unit> done) {
    SendAuthorized(api::DeletePost(id),
                   [done = std::move(done)](HttpResponse r) { done(api::ParseEmptyResponse(r)); });
}

}  // namespace skyloom
