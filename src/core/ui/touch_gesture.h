// Touch gestures for an immediate-mode UI: turns one finger's touch points into what a person
// on a touch screen means.
//   - A tap is a click: the pointer goes down and up where the finger was (never a click when
//     the finger moved, or when it only stopped a fling).
//   - A drag scrolls whatever is under the finger; let go fast and it flings, slowing
//     exponentially, stopping at the ends (no rubber band).
//   - A drag that starts on something that takes drags itself (a meme box, a slider), or that
//     follows a long press, is passed through as a pointer drag.
//   - A second finger cancels the gesture without a click (pinch is not ours).
// Platform-free: the app feeds finger events with times in ms and applies the output (pointer
// events to ImGui, scroll deltas to the windows under the finger).
//
//   TouchGesture g;
//   GestureOutput out;
//   g.Down(id, {x, y, t}, claimed, out);  g.Move(...);  g.Up(...);
//   g.Step(now_ms, out);                  // once a frame: fling and long press
//   apply(out);  if (scroll did not move) g.StopFling();
#pragma once

#include <deque>
#include <vector>

namespace skyloom::ui {

struct TouchPoint {
    float x = 0, y = 0;
    double t_ms = 0;
};

struct PointerEvent {
    enum class Kind { kMove, kDown, kUp, kLeave };
    Kind kind = Kind::kMove;
    float x = 0, y = 0;
};

struct GestureOutput {
    std::vector<PointerEvent> pointer;  // in order, for ImGui's mouse
    bool scroll_started = false;        // find the scroll chain under `scroll_anchor` now
    float scroll_anchor_x = 0, scroll_anchor_y = 0;
    float scroll_dx = 0, scroll_dy = 0;  // to add to the scroll offsets (content moves by -d)
    bool tap = false;                    // a tap ended (the app blurs text fields on it)
    void Clear() { *this = GestureOutput(); }
};

struct TouchConfig {
    float slop_px = 8.0f;          // movement below this is still a tap
    double long_press_ms = 500.0;  // held still this long: the press goes through
    double velocity_window_ms = 100.0;
    float min_fling_px_s = 120.0f;  // slower releases just stop
    float max_fling_px_s = 8000.0f;
    double fling_time_constant_ms = 325.0;  // velocity falls to 1/e in this time
    float fling_stop_px_s = 15.0f;
};

class TouchGesture {
  public:
    explicit TouchGesture(TouchConfig config = {}) : m_config(config) {}

    // A finger touched at `p`; `claims_drag`: the point is on something that takes drags itself.
    void Down(int id, TouchPoint p, bool claims_drag, GestureOutput& out);
    void Move(int id, TouchPoint p, GestureOutput& out);
    void Up(int id, TouchPoint p, GestureOutput& out);
    void Cancel(int id, GestureOutput& out);
    // Once a frame: advances a fling and turns a long press into a press. True while something
    // time-driven is going on (keep rendering).
    bool Step(double now_ms, GestureOutput& out);
    // The scrolled content reached its end: the fling stops there.
    void StopFling() { m_fling = false; }

    [[nodiscard]] bool scrolling() const { return m_state == State::kScroll || m_fling; }
    [[nodiscard]] bool flinging() const { return m_fling; }
    [[nodiscard]] int fingers() const { return m_fingers; }
    [[nodiscard]] float fling_velocity_y() const { return m_fling_vy; }

  private:
    enum class State { kIdle, kPending, kScroll, kPassThrough, kIgnored };
    void EndGesture(GestureOutput& out, bool cancelled);
    void StartFling(double now_ms);

    TouchConfig m_config;
    State m_state = State::kIdle;
    int m_id = -1;
    int m_fingers = 0;
    TouchPoint m_start;
    TouchPoint m_last;
    bool m_caught_fling = false;       // this touch stopped a fling: lifting it is not a tap
    std::deque<TouchPoint> m_samples;  // recent points for the release velocity
    bool m_fling = false;
    double m_fling_start_ms = 0;
    float m_fling_vx = 0, m_fling_vy = 0;  // px/s of scroll offset at the start of the fling
    float m_fling_done_x = 0, m_fling_done_y = 0;  // offset already emitted
};

}  // namespace skyloom::ui
