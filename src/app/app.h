// The browser app: owns the window, GL context, ImGui context, state and controller, and
// renders one frame per main-loop tick when something changed (see platform/loop_web.cpp).
#pragma once

#include <memory>

#include "api/api_client.h"
#include "input/touch_input.h"
#include "media/image_library.h"
#include "media/meme_layers.h"
#include "screens/message_screen.h"
#include "state/app_state.h"
#include "state/controller.h"
#include "ui/fonts.h"
#include "ui/rich_text.h"

struct SDL_Window;

namespace skyloom::app {

class App {
  public:
    App() = default;
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    [[nodiscard]] bool Init();
    void Tick();

  private:
    [[nodiscard]] bool InitWindow();
    void InstallTextFields();
    void LoadFonts();
    [[nodiscard]] bool RebuildFontsIfNeeded();  // true when it rebuilt the atlas
    void DrawScreens();
    // The page's accessibility mirror (bridge + platform/aria_web): this frame's patch out,
    // the page's focus and activations in.
    void UpdateMirror();
    void HandleShortcuts();  // j/k, n, m, g h/n/p, ? outside text fields (core ui::ShortcutReader)
    void OnMirrorEvent(const std::string& kind, const std::string& key);

    SDL_Window* m_window = nullptr;
    void* m_gl_context = nullptr;
    AppState m_state;
    MessageScreen m_message_screen;
    ui::FontLibrary m_fonts;
    ui::RichText m_text;  // text in scripts the atlas lacks, rasterised by the browser
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<Controller> m_controller;
    std::unique_ptr<ImageLibrary> m_images;
    TouchInput m_touch;
    MemeLayers m_meme_layers;  // the meme editor's text layers as textures
    bool m_had_user = false;   // to release every image texture at sign-out
    bool m_image_worker_warmed = false;
    bool m_gl_objects_ready = false;  // ImGui's shaders and buffers (made in a tick of their own)
    int m_fonts_pending = 0;
    double m_mirror_ms = 0;
    ui::ShortcutReader m_shortcuts;
    bool m_shift_held = false;  // Shift at the end of the last frame  // CPU ms of the last frame's
                                // mirror upkeep (make bench)
};

}  // namespace skyloom::app
