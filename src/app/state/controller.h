// Performs what screens ask for (network, storage, navigation) and writes the results back into
// AppState. API callbacks arrive through the platform's main-loop queue, so every mutation
// happens at the start of a frame on the main thread.
//
// Files: controller.cpp (session, routing, toasts), controller_auth.cpp (sign in/up, verify,
// forgot/reset), controller_feed.cpp (feeds, composer, delete, single post),
// controller_media.cpp (the composer's image), controller_groups.cpp (groups),
// controller_ai.cpp (autofill, the persona chat).
// controller_meme.cpp (the meme editor).
// controller_social.cpp (portfolios, subscribe), controller_notifications.cpp (the bell, its
// polling and the list), controller_settings.cpp (settings and AI history).
#pragma once

#include <optional>
#include <string>

#include "api/api_client.h"
#include "platform/image_worker.h"
#include "platform/platform.h"
#include "screens/chat_screen.h"
#include "screens/feed_screen.h"
#include "screens/forgot_screen.h"
#include "screens/meme_editor.h"
#include "screens/reset_screen.h"
#include "screens/sign_in_screen.h"
#include "screens/sign_up_screen.h"
#include "screens/social_action.h"
#include "screens/top_bar.h"
#include "screens/verify_screen.h"
#include "state/app_state.h"
#include "ui/shortcuts.h"  // core

namespace skyloom::app {

constexpr const char* kRefreshTokenKey = "skyloom.refresh_token";
constexpr double kToastMs = 5000.0;
constexpr int kFeedPageSize = 20;
// The bell polls this often while signed in and the page is visible (a hidden page renders no
// frames, so its timer's work waits until it shows again); focus polls at once, at most every
// kFocusPollMinMs.
constexpr double kNotificationPollMs = 30000.0;
constexpr double kFocusPollMinMs = 2000.0;
constexpr int kPortfolioPageSize = 30;

class Controller {
  public:
    Controller(AppState& state, ApiClient& client);

    // Reads the URL hash and restores a stored session (refresh token) if there is one.
    void Start();
    void OnHashChanged(const std::string& hash);
    void Navigate(const ui::Route& location, bool push = true);
    // Text the browser pasted (Ctrl/Cmd+V anywhere on the page).
    void OnPaste(const std::string& text);
    // An image picked in the file chooser, dropped on the page or pasted (controller_media.cpp).
    void OnImageFile(platform::PickedFile file);
    void OnDragging(bool dragging);

    void Handle(SignInAction action);
    void Handle(SignUpAction action);
    void Handle(VerifyAction action);
    void Handle(ForgotAction action);
    void Handle(ResetAction action);
    void Handle(TopBarAction action);
    void Handle(const FeedAction& action);
    void Handle(ChatAction action);
    void Handle(const MemeEditorAction& action);  // controller_meme.cpp
    void Handle(const SocialAction& action);
    // The page regained focus or visibility: refresh the bell unless it just did.
    void OnFocus();
    // controller_keyboard.cpp: a shortcut typed outside any field; a post the page's mirror
    // focused (a screen reader, Tab) is brought into view and becomes j/k's current post.
    void OnShortcut(ui::Shortcut shortcut);
    void RevealPost(const std::string& id);
    void Update(double now_ms);  // expires toasts, keeps countdowns ticking

  private:
    // controller.cpp
    void SignOut();
    void EndSessionLocally();
    void ResetSocialState();  // portfolio, notifications and settings of the last session
    void OnSignedIn(const AuthSession& session);
    void ShowRoute(const ui::Route& location);
    void ShowToast(std::string kind, std::string text);
    // An authorized call failed with 401 after the client's refresh: the session is gone.
    [[nodiscard]] bool HandleSessionLost(const Error& error);
    // A request behind `status` failed: ends the session on 401, otherwise records the error
    // with its message in words (shown where the request was made).
    void FailRequest(ui::RequestStatus& status, const Error& error);
    [[nodiscard]] ui::Route Fallback() const;
    // A visitor's member action: sign in (or up, `screen`), then come back to this very page.
    void AskSignIn(ui::Screen screen = ui::Screen::kLogin);
    [[nodiscard]] static std::string HumanMessage(const Error& error);
    // controller_auth.cpp
    void SignIn();
    void SignUp();
    void Verify();
    void Resend();
    void Forgot();
    void Reset();
    void SignInAfter(const std::string& login, const std::string& password,
                     ui::RequestStatus* status, std::string* error);
    // controller_feed.cpp
    void LoadMore(FeedTab tab);
    void MoveKeyboardPost(int step);
    void SubmitPost();
    void DeletePost(const std::string& id);
    void LoadPost(const std::string& id);
    void SubmitPostNow();
    // controller_media.cpp: the composer's image, and the full-size viewer
    void StartImage(platform::PickedFile file);
    void UploadImage(uint64_t token, image::ProcessedImage processed);
    void ToggleLabelOverlay();
    void FailImage(std::string message);
    void DiscardAttachment();
    // controller_ai.cpp: autofill ghost text in the composer
    void StartAutofill();
    void StopAutofill();  // accepted or dismissed: the stream stops, the ghost goes
    void ConsumeGhost(size_t chars);
    // controller_ai.cpp: the persona chat
    void LoadChat();
    void LoadOlderChat();
    void SendChat();
    void StopChat();  // the reply is dropped and the message goes back into the field
    // controller_groups.cpp
    void LoadGroups();
    void LoadGroup(const std::string& id);
    void CreateGroup();
    void DeleteGroup();
    void SelectGroup(const std::string& id);
    // controller_social.cpp
    void LoadProfile(const std::string& username);
    void LoadPortfolioPage();
    void SetSubscribed(bool subscribed);
    // controller_notifications.cpp
    void StartNotificationPolling();
    void PollNotifications();
    void LoadMoreNotifications();
    void MarkNotificationsRead(const std::string& id);  // "" = all
    // controller_settings.cpp
    void LoadSettings();
    void SaveSetting(bool email, bool value);  // email: the email toggle, else the blur one
    void LoadHistory(bool more);
    void DeleteHistory(const std::string& id);  // "" = all

    // controller_meme.cpp: the meme editor (#/meme/new, #/meme/remix/ID)
    void OpenMemeEditor(const ui::Route& location);
    void ResetMemeEditor();
    void LoadTemplates(const std::string& query);
    void ApplyPendingTemplate();
    void PickTemplate(const std::string& id);
    void PickMyImage(size_t index);
    void LoadMyImages();
    void LoadMemeThumb(const MediaRef& media);
    void SetMemeBackgroundUrl(const std::string& url);
    // The background's AI labels, in the browser (bytes, or a URL the worker fetches).
    void LabelMemeBackground(uint64_t token, std::string bytes, const std::string& url);
    void SetMemeBackgroundTexture(const platform::Texture& texture);
    void StartMemeBackgroundFile(platform::PickedFile file);
    void PostMeme();
    void CancelMemePost();

    AppState& m_state;
    ApiClient& m_client;
    std::string m_signup_password;   // held in memory only, to sign in right after verify
    bool m_countdown_timer = false;  // a one-second wake-up for the resend countdown is set
    uint64_t m_next_attachment = 1;  // tokens tell a current attachment from a discarded one
    uint64_t m_next_autofill = 1;    // the same for autofill streams
    uint64_t m_next_chat = 1;        // and for chat replies
    std::optional<ui::Route> m_after_sign_in;  // a signed-in page that sent the visitor to log in
    std::string m_pending_template;            // a remix's template id, waiting for the gallery
    std::string m_visitor_template;            // picked by a visitor, applied after sign-in
    std::optional<ui::Route> m_meme_route;     // the route the meme editor is open for
    uint64_t m_meme_session = 0;               // bumped when the editor resets (stale thumbnails)
    uint64_t m_poll_generation = 0;            // bumps at sign-in/out: an old session's timer stops
};

}  // namespace skyloom::app
