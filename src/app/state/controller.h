// Performs what screens ask for (network, storage, navigation) and writes the results back into
// AppState. API callbacks arrive through the platform's main-loop queue, so every mutation
// happens at the start of a frame on the main thread.
#pragma once

#include <string>

#include "api/api_client.h"
#include "screens/sign_in_screen.h"
#include "screens/top_bar.h"
#include "state/app_state.h"

namespace skyloom::app {

constexpr const char* kRefreshTokenKey = "skyloom.refresh_token";
constexpr double kToastMs = 5000.0;

class Controller {
public:
    Controller(AppState& state, ApiClient& client);

    // Reads the URL hash and restores a stored session (refresh token) if there is one.
    void Start();
    void OnHashChanged(const std::string& hash);
    void Navigate(const ui::Route& location, bool push = true);

    void Handle(SignInAction action);
    void Handle(TopBarAction action);
    void Update(double now_ms);  // expires toasts

private:
    void SignIn();
    void SignOut();
    void OnSignedIn(const AuthSession& session);
    void ShowRoute(const ui::Route& location);
    void ShowToast(std::string kind, std::string text);
    [[nodiscard]] ui::Route Fallback() const;
    [[nodiscard]] static std::string HumanMessage(const Error& error);

    AppState& m_state;
    ApiClient& m_client;
    bool m_restoring = false;  // a stored session is being refreshed
};

}  // namespace skyloom::app
