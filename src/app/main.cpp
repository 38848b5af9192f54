// Skyloom's browser entry point: owns the main loop and nothing else. The loop pauses itself
// when idle and is resumed by input, fetch completions, timers and resizes (platform/loop_web).
#include <emscripten/emscripten.h>

#include "app.h"

namespace {
skyloom::app::App g_app;  // lives for the page's lifetime
}

int main() {
    if (!g_app.Init()) return 1;
    emscripten_set_main_loop_arg([](void* app) { static_cast<skyloom::app::App*>(app)->Tick(); },
                                 &g_app, 0, false);
    return 0;
}
