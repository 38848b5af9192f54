// TEMPORARY: a minimal ApiClient used only while branch `app` builds against the stub core
// (SKYLOOM_CORE_STUB, see src/core/CMakeLists.txt on this branch). It speaks just enough of
// API v1 (login, refresh, logout) to exercise the fetch transport. Deleted once main's core lands.
#include <nlohmann/json.hpp>

#include "api/api_client.h"

namespace skyloom {
namespace {

Error ErrorOf(const HttpResponse& response) {
    if (response.status == 0) return {"network_error", response.transport_error, 0};
    auto j = nlohmann::json::parse(response.body, nullptr, false);
    if (!j.is_discarded() && j.contains("error") && j["error"].is_object())
        return {j["error"].value("code", "error"), j["error"].value("message", ""), response.status};
    return {"http_" + std::to_string(response.status),
            "The server answered " + std::to_string(response.status) + ".", response.status};
}

Result<AuthSession> SessionOf(const HttpResponse& response) {
    if (response.status < 200 || response.status >= 300) return ErrorOf(response);
    auto j = nlohmann::json::parse(response.body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Error{"malformed_json", "Bad answer", response.status};
    AuthSession s;
    s.access_token = j.value("access_token", "");
    s.refresh_token = j.value("refresh_token", "");
    if (j.contains("user") && j["user"].is_object()) s.user.username = j["user"].value("username", "");
    return s;
}

}  // namespace

ApiClient::ApiClient(Transport transport, std::string base_url)
    : m_state(std::make_shared<State>()) {
    m_state->transport = std::move(transport);
    m_state->base_url = std::move(base_url);
}

void ApiClient::SetSession(const std::string& access, const std::string& refresh) {
    m_state->access_token = access;
    m_state->refresh_token = refresh;
}
void ApiClient::ClearSession() { SetSession("", ""); }
void ApiClient::OnSessionChanged(std::function<void(const std::string&)> listener) {
    m_state->session_listener = std::move(listener);
}
void ApiClient::StoreSession(const AuthSession& session) {
    SetSession(session.access_token, session.refresh_token);
    if (m_state->session_listener) m_state->session_listener(session.refresh_token);
}

void ApiClient::Login(const std::string& login, const std::string& password,
                      Callback<AuthSession> done) {
    HttpRequest req{"POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}},
                    nlohmann::json{{"username", login}, {"password", password}}.dump()};
    auto state = m_state;
    m_state->transport(m_state->base_url, req, [this, state, done](HttpResponse r) {
        auto result = SessionOf(r);
        if (result) StoreSession(result.value());
        done(std::move(result));
    });
}

void ApiClient::Refresh(Callback<AuthSession> done) {
    HttpRequest req{"POST", "/api/v1/auth/refresh", {{"Content-Type", "application/json"}},
                    nlohmann::json{{"refresh_token", m_state->refresh_token}}.dump()};
    m_state->transport(m_state->base_url, req, [this, done](HttpResponse r) {
        auto result = SessionOf(r);
        if (result) StoreSession(result.value());
        done(std::move(result));
    });
}

void ApiClient::Logout(Callback<Unit> done) {
    HttpRequest req{"POST", "/api/v1/auth/logout", {{"Content-Type", "application/json"}},
                    nlohmann::json{{"refresh_token", m_state->refresh_token}}.dump()};
    m_state->transport(m_state->base_url, req, [done](HttpResponse r) {
        if (r.status >= 200 && r.status < 300) done(Unit{});
        else done(ErrorOf(r));
    });
}

}  // namespace skyloom
