// Idle-aware main loop control: the loop runs only while frames are wanted, and pauses itself
// (no requestAnimationFrame at all) when nothing changes. Wakes: SDL events, posted results.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <SDL.h>

#include <algorithm>
#include <vector>

#include "platform/platform.h"

namespace skyloom::platform {
namespace {

struct LoopState {
    int frames_wanted = kFramesAfterWake;  // render the first frames unconditionally
    bool animating = false;
    bool paused = false;
    std::vector<std::function<void()>> queue;
};

LoopState& Loop() {
    static LoopState loop;
    return loop;
}

int WakeOnEvent(void*, SDL_Event* event) {
    // SDL_PollEvent() pushes a sentinel on every call (SDL >= 2.0.18); waking on it would
    // keep the loop spinning forever.
    if (event->type == SDL_POLLSENTINEL) return 1;
    RequestFrames();
    return 1;
}

}  // namespace

void RequestFrames(int count) {
    LoopState& loop = Loop();
    loop.frames_wanted = std::max(loop.frames_wanted, count);
    if (loop.paused && !PageHidden()) {
        loop.paused = false;
        emscripten_resume_main_loop();
    }
}

void KeepAnimating() { Loop().animating = true; }

bool BeginTick() {
    LoopState& loop = Loop();
    const bool wanted = loop.frames_wanted > 0 || loop.animating || !loop.queue.empty();
    if (!wanted || PageHidden()) {
        loop.paused = true;
        emscripten_pause_main_loop();
        return false;
    }
    if (loop.frames_wanted > 0) loop.frames_wanted--;
    loop.animating = false;
    return true;
}

void PostToMainLoop(std::function<void()> fn) {
    Loop().queue.push_back(std::move(fn));
    RequestFrames();
}

void DrainMainLoopQueue() {
    // Handlers may post more work; that runs next frame.
    std::vector<std::function<void()>> work;
    work.swap(Loop().queue);
    for (auto& fn : work) fn();
}

void InstallWakeOnEvents() { SDL_AddEventWatch(WakeOnEvent, nullptr); }

bool PageHidden() {
    EmscriptenVisibilityChangeEvent status;
    if (emscripten_get_visibility_status(&status) != EMSCRIPTEN_RESULT_SUCCESS) return false;
    return status.hidden != 0;
}

}  // namespace skyloom::platform
