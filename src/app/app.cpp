// [SECTION] Start-up: window, GL, ImGui, services
// [SECTION] Fonts
// [SECTION] Frame
#include "app.h"

#include <SDL.h>

#include <SDL_opengles2.h>
#include <cstdio>
#include <string>

#include "backends/imgui_impl_opengl3.h"
#include "backends/imgui_impl_sdl2.h"
#include "bridge/bridge.h"
#include "image/probe.h"  // core: kMaxFileBytes
#include "imgui.h"
#include "imgui_internal.h"
#include "input/touch_input.h"
#include "platform/image_worker.h"
#include "platform/platform.h"
#include "screens/chat_screen.h"
#include "screens/feed_screen.h"
#include "screens/forgot_screen.h"
#include "screens/groups_screen.h"
#include "screens/image_viewer.h"
#include "screens/meme_editor.h"
#include "screens/notifications_screen.h"
#include "screens/portfolio_screen.h"
#include "screens/reset_screen.h"
#include "screens/settings_screen.h"
#include "screens/shortcuts_dialog.h"
#include "screens/sign_in_screen.h"
#include "screens/sign_up_screen.h"
#include "screens/toast_layer.h"
#include "screens/top_bar.h"
#include "screens/verify_screen.h"
#include "ui/dom_overlay.h"
#include "ui/selectable_text.h"
#include "ui/text_input.h"
#include "ui/theme.h"

namespace skyloom::app {

//-----------------------------------------------------------------------------
// [SECTION] Start-up
//-----------------------------------------------------------------------------

namespace {
constexpr const char* kGlslVersion = "#version 300 es";  // WebGL2
// The page's text (fields, selectable copies) in the UI's font, then the system's.
const std::string kPageFontFamily =
    "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
}  // namespace

bool App::Init() {
    if (!InitWindow()) return false;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing persists through ImGui; state lives in AppState
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle page rendering
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ui::ApplyTheme(ImGui::GetStyle());
    ImGui_ImplSDL2_InitForOpenGL(m_window, m_gl_context);
    ImGui_ImplOpenGL3_Init(kGlslVersion);

    InstallTextFields();
    m_touch.Install();
    platform::InstallClipboard();
    platform::OnPaste([this](const std::string& text) { m_controller->OnPaste(text); });
    platform::InstallWakeOnEvents();
    platform::OnPixelRatioChange([] { platform::RequestFrames(); });

    m_client = std::make_unique<ApiClient>(platform::MakeFetchTransport(), platform::ApiBase());
    m_controller = std::make_unique<Controller>(m_state, *m_client);
    m_images = std::make_unique<ImageLibrary>(platform::ApiBase());
    platform::InstallImageInput(
        image::kMaxFileBytes,
        [this](platform::PickedFile file) { m_controller->OnImageFile(std::move(file)); },
        [this](bool dragging) { m_controller->OnDragging(dragging); });
    platform::OnHashChange([this](const std::string& hash) { m_controller->OnHashChanged(hash); });
    platform::OnFocus([this] { m_controller->OnFocus(); });  // the bell refreshes on return
    platform::InstallBridge([this] { return StateJson(m_state, m_images->stats()); });
    platform::InstallAria(
        [this](const std::string& kind, const std::string& key) { OnMirrorEvent(kind, key); });
    platform::InstallImageBridge();
    m_text.Init();
    ui::SetCurrentRichText(&m_text);
    m_controller->Start();
    LoadFonts();
    return true;
}

void App::InstallTextFields() {
    // The page's fields take the theme's colours so they read as part of the canvas.
    const auto css = [](ImU32 c) {
        char out[8];
        std::snprintf(out, sizeof out, "#%02x%02x%02x", (c >> IM_COL32_R_SHIFT) & 0xFF,
                      (c >> IM_COL32_G_SHIFT) & 0xFF, (c >> IM_COL32_B_SHIFT) & 0xFF);
        return std::string(out);
    };
    const std::string theme = std::string("{\"text\":\"") + css(ui::color::kText) +
                              "\",\"muted\":\"" + css(ui::color::kTextMuted) + "\",\"accent\":\"" +
                              css(ui::color::kAccent) + "\",\"font\":\"" + kPageFontFamily + "\"}";
    platform::InstallTextFields(theme, [](const std::string& json) {
        if (auto event = ui::ParseFieldEvent(json)) ui::FieldSync().Receive(std::move(*event));
    });
    platform::InstallTextLayer(kPageFontFamily);
}

bool App::InitWindow() {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        platform::ShowFatalError(std::string("Could not start: ") + SDL_GetError());
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    // The canvas's CSS decides the real size; SDL follows it because the window is resizable.
    m_window = SDL_CreateWindow("Skyloom", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 800,
                                600, flags);
    if (m_window == nullptr) {
        platform::ShowFatalError(std::string("Could not create the window: ") + SDL_GetError());
        return false;
    }
    m_gl_context = SDL_GL_CreateContext(m_window);
    if (m_gl_context == nullptr) {
        platform::ShowFatalError("WebGL2 is not available in this browser.");
        return false;
    }
    SDL_GL_MakeCurrent(m_window, m_gl_context);
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Fonts
//-----------------------------------------------------------------------------

void App::LoadFonts() {
    const std::pair<const char*, ui::FontFace> faces[] = {
        {"inter", ui::FontFace::Regular},
        {"inter_semibold", ui::FontFace::SemiBold},
    };
    m_fonts_pending = static_cast<int>(std::size(faces));
    for (const auto& [name, face] : faces) {
        platform::LoadFont(name, [this, face = face](std::vector<unsigned char> bytes) {
            if (bytes.empty()) {
                platform::ShowFatalError("Could not load the app's fonts. Please reload the page.");
                return;
            }
            m_fonts.SetFace(face, std::move(bytes));
            if (--m_fonts_pending == 0) m_state.fonts_ready = true;
        });
    }
}

bool App::RebuildFontsIfNeeded() {
    const float ratio = platform::DevicePixelRatio();
    if (!m_fonts.NeedsBuild(ratio)) return false;
    m_fonts.Build(ratio);
    m_text.SetFonts(m_fonts.fonts(), ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------

void App::Tick() {
    if (!platform::BeginTick()) return;
    const double tick_start_ms = platform::NowMs();
    platform::DrainMainLoopQueue();
    SDL_Event event;
    while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);
    if (!m_state.fonts_ready) return;  // the font download's completion wakes us

    platform::SyncCanvasSize();
    // The start's heavy steps, the font atlas (~20-30 ms) and ImGui's shaders (~30-40 ms in
    // a software-rendered browser), each end their tick: the browser can paint and take input
    // between them instead of one long task (Lighthouse's TBT, docs/benchmarks.md).
    if (RebuildFontsIfNeeded()) {
        platform::RequestFrames();
        return;
    }
    if (!m_gl_objects_ready) {
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        m_gl_objects_ready = true;
        platform::RequestFrames();
        return;
    }
    m_controller->Update(platform::NowMs());

    m_touch.BeginFrame(platform::NowMs());  // taps and scrolls since the last frame
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // Input consumed this frame can change state while drawing (a click lands mid-frame), and
    // ImGui trickles fast input (down/up, key/char) over several frames: after any input, draw
    // until the queue is empty plus the settle frames.
    const bool had_input = !ImGui::GetCurrentContext()->InputEventsQueue.empty();
    bridge::BeginFrame();
    ImGui::NewFrame();
    HandleShortcuts();
    DrawScreens();
    // After drawing (what is on screen this frame is known) and before rendering.
    if (m_had_user && !m_state.user) m_images->Clear();
    m_had_user = m_state.user.has_value();
    if (m_state.user && !m_image_worker_warmed) {
        m_image_worker_warmed = true;
        platform::WarmImageWorker();
    }
    m_images->EndFrame();
    m_text.EndFrame();
    bridge::DrawFocusRing();
    ImGui::Render();
    const double mirror_start_ms = platform::NowMs();
    bridge::EndFrame();
    UpdateMirror();
    m_mirror_ms = platform::NowMs() - mirror_start_ms;
    ui::FinishFieldsFrame();  // the page's text fields follow this frame's layout
    ui::FinishSelectableTextFrame();
    ui::EndDomOverlayFrame();
    m_touch.EndFrame();

    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    const ImVec4 bg = ui::ToVec4(ui::color::kBackground);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    platform::NotifyFrameRendered(m_state.location.screen == ui::Screen::kLogin,
                                  platform::NowMs() - tick_start_ms, m_mirror_ms);
    // ImGui trickles fast input over several frames (one key transition per frame); keep
    // drawing until its queue is empty, or queued keystrokes would wait for the next event.
    if (had_input || !ImGui::GetCurrentContext()->InputEventsQueue.empty())
        platform::RequestFrames();
}

void App::UpdateMirror() {
    if (!m_state.page_focus_request.empty()) {
        bridge::RequestPageFocus(std::move(m_state.page_focus_request));
        m_state.page_focus_request.clear();
    }
    const bridge::AriaUpdate update = bridge::TakeAriaUpdate();
    if (!update.patch.empty() || !update.focus.empty())
        platform::UpdateAria(update.patch, update.focus);
}

void App::OnMirrorEvent(const std::string& kind, const std::string& key) {
    constexpr std::string_view kPost = "post-";
    const bool post = key.compare(0, kPost.size(), kPost) == 0;
    if (kind == "focus") {
        bridge::SetPageFocus(key);
        if (post) m_controller->RevealPost(key.substr(kPost.size()));
    } else if (kind == "activate") {
        if (post)
            m_controller->Handle(PostAction(FeedActionKind::OpenPost, key.substr(kPost.size())));
        else
            (void)bridge::ClickItem(key);
    }
    platform::RequestFrames();
}

void App::DrawScreens() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    constexpr ImGuiWindowFlags kPageFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##page", nullptr, kPageFlags);
    const ui::FontSet& fonts = m_fonts.fonts();
    const bool busy = m_state.requests_in_flight > 0;
    const ui::Screen screen = m_state.location.screen;
    const bool visitor_page =
        !m_state.user && !m_state.restoring && ui::IsPublic(screen) && !ui::IsAuthScreen(screen);
    {
        bridge::Region banner("banner", "banner", "Skyloom");
        m_controller->Handle(
            DrawTopBar(fonts, m_state.user, busy, m_state.notifications.unread, visitor_page));
    }

    const bool signed_in_screen = !ui::IsAuthScreen(screen);
    // No scrollbar (its show/hide decision lags a frame behind layout). Form screens scroll by
    // ImGui's wheel handling; the feed scrolls itself (smoothed wheel, touch fling).
    ImGuiWindowFlags screen_flags = ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar;
    // The social screens (portfolio, notifications, settings) scroll with ImGui's wheel handling.
    // So does the meme editor, which is one long page on a phone.
    const bool social_screen = screen == ui::Screen::kUser ||
                               screen == ui::Screen::kNotifications ||
                               screen == ui::Screen::kSettings || screen == ui::Screen::kMemeNew ||
                               screen == ui::Screen::kMemeRemix;
    if (signed_in_screen && !social_screen) screen_flags |= ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::BeginChild("##screen", ImVec2(0, 0), ImGuiChildFlags_None, screen_flags);
    // The mirror's main landmark, named and headed like the page's title ("Explore").
    std::string heading = ui::PageTitle(m_state.location);
    if (const size_t dot = heading.rfind(" \xc2\xb7 Skyloom"); dot != std::string::npos)
        heading.resize(dot);
    bridge::BeginRegion("main", "main", heading);
    bridge::Heading(1, heading);
    const double now_ms = platform::NowMs();
    const std::string me = m_state.user.value_or("");
    switch (screen) {
        case ui::Screen::kLogin:
            m_controller->Handle(DrawSignInScreen(m_state.sign_in, fonts));
            break;
        case ui::Screen::kSignup:
            m_controller->Handle(DrawSignUpScreen(m_state.sign_up, fonts));
            break;
        case ui::Screen::kVerify:
            m_controller->Handle(DrawVerifyScreen(m_state.verify, fonts, now_ms));
            break;
        case ui::Screen::kForgot:
            m_controller->Handle(DrawForgotScreen(m_state.forgot, fonts));
            break;
        case ui::Screen::kReset:
            m_controller->Handle(DrawResetScreen(m_state.reset, fonts));
            break;
        case ui::Screen::kFeed:
        case ui::Screen::kMe:
        case ui::Screen::kPost:
        case ui::Screen::kGroups:
        case ui::Screen::kGroup:
        case ui::Screen::kFollowing:
        case ui::Screen::kUser:
        case ui::Screen::kNotifications:
        case ui::Screen::kSettings:
            // A visitor reads the public screens (ui::IsPublic); "" is nobody's username.
            if (!m_state.user && (m_state.restoring || !ui::IsPublic(screen))) {
                (void)DrawMessageScreen(m_message_screen, fonts, "Signing you in\xE2\x80\xA6",
                                        "Restoring your session.", "");
                break;
            }
            if (screen == ui::Screen::kPost)
                m_controller->Handle(
                    DrawPostScreen(m_state.feed, me, fonts, *m_images, platform::WallClockMs()));
            else if (screen == ui::Screen::kGroups)
                m_controller->Handle(DrawGroupsScreen(m_state.feed, !me.empty(), fonts));
            else if (screen == ui::Screen::kUser)
                m_controller->Handle(DrawPortfolioScreen(
                    m_state.portfolio, me, m_state.feed.blur_sensitive, fonts, *m_images));
            else if (screen == ui::Screen::kNotifications)
                m_controller->Handle(
                    DrawNotificationsScreen(m_state.notifications, fonts, platform::WallClockMs()));
            else if (screen == ui::Screen::kSettings)
                m_controller->Handle(
                    DrawSettingsScreen(m_state.settings, fonts, platform::WallClockMs()));
            else
                m_controller->Handle(DrawFeedScreen(m_state.feed, m_state.feed_tab(), me, fonts,
                                                    *m_images, platform::WallClockMs()));
            break;
        case ui::Screen::kChat:
            if (!m_state.user) {
                (void)DrawMessageScreen(m_message_screen, fonts, "Signing you in\xE2\x80\xA6",
                                        "Restoring your session.", "");
                break;
            }
            {
                FeedAction tabs;
                ImGui::Dummy(ImVec2(0, 16));  // the feed's top margin, so tabs stay put
                DrawSectionTabs(FeedSection::kChat, FeedColumn(), tabs);
                m_controller->Handle(tabs);
                m_controller->Handle(DrawChatScreen(m_state.chat, fonts));
            }
            break;
        // ---- meme editor (issue 5) ----
        case ui::Screen::kMemeNew:
        case ui::Screen::kMemeRemix:
            if (!m_state.user && (m_state.restoring || !ui::IsPublic(screen))) {
                (void)DrawMessageScreen(m_message_screen, fonts, "Signing you in\xE2\x80\xA6",
                                        "Restoring your session.", "");
                break;
            }
            m_meme_layers.LoadFonts();
            m_controller->Handle(DrawMemeEditorScreen(m_state.meme, fonts, m_meme_layers));
            break;
    }
    // The editor's layer textures live only while it is open.
    if (screen != ui::Screen::kMemeNew && screen != ui::Screen::kMemeRemix) m_meme_layers.Clear();
    bridge::EndRegion();  // main
    ImGui::EndChild();
    ImGui::End();
    if (m_state.feed.dragging_file)
        DrawDropTarget(fonts, screen == ui::Screen::kMemeNew || screen == ui::Screen::kMemeRemix
                                  ? "Drop the image to use it as the meme's background"
                                  : "Drop the image to add it to your post");
    DrawToasts(m_state.toasts);
    if (m_state.show_shortcuts) m_state.show_shortcuts = DrawShortcutsDialog(fonts);
}

void App::HandleShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    const bool was_shift = m_shift_held;
    m_shift_held = io.KeyShift;
    // Never while typing: the page's fields keep their keys from SDL, ImGui's own say so here.
    if (io.WantTextInput || ui::FieldSync().focused_id() != 0) return;
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    if (ui::IsAuthScreen(m_state.location.screen) || m_state.show_shortcuts) return;
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;  // a dialog or menu has them
    // The keys this frame took, in the order they were typed ("g" then "n" may arrive in one
    // frame), with Shift as it was at each.
    bool shift = was_shift;
    for (const ImGuiInputEvent& e : ImGui::GetCurrentContext()->InputEventsTrail) {
        if (e.Type != ImGuiInputEventType_Key) continue;
        const ImGuiKey key = e.Key.Key;
        if (key == ImGuiMod_Shift || key == ImGuiKey_LeftShift || key == ImGuiKey_RightShift) {
            shift = e.Key.Down;
            continue;
        }
        if (!e.Key.Down) continue;
        char32_t typed = 0;
        if (key >= ImGuiKey_A && key <= ImGuiKey_Z && !shift)
            typed = U'a' + static_cast<char32_t>(key - ImGuiKey_A);
        else if (key == ImGuiKey_Slash && shift)
            typed = U'?';
        if (typed != 0) m_controller->OnShortcut(m_shortcuts.Key(typed, platform::NowMs()));
    }
}

}  // namespace skyloom::app
