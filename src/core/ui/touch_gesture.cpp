#include "ui/touch_gesture.h"

#include <algorithm>
#include <cmath>

namespace skyloom::ui {
namespace {

float Distance(const TouchPoint& a, const TouchPoint& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

void Push(GestureOutput& out, PointerEvent::Kind kind, float x = 0, float y = 0) {
    out.pointer.push_back({kind, x, y});
}

}  // namespace

void TouchGesture::Down(int id, TouchPoint p, bool claims_drag, GestureOutput& out) {
    m_fingers++;
    if (m_fingers > 1) {
        // A second finger: a pinch or a palm. Nothing the first finger started goes through.
        if (m_state != State::kIdle && m_state != State::kIgnored) EndGesture(out, true);
        m_state = State::kIgnored;
        return;
    }
    m_caught_fling = m_fling;
    m_fling = false;
    m_id = id;
    m_start = m_last = p;
    m_samples.assign(1, p);
    Push(out, PointerEvent::Kind::kMove, p.x, p.y);
    if (claims_drag) {
        m_state = State::kPassThrough;
        Push(out, PointerEvent::Kind::kDown, p.x, p.y);
    } else {
        m_state = State::kPending;
    }
}

void TouchGesture::Move(int id, TouchPoint p, GestureOutput& out) {
    if (id != m_id || m_state == State::kIdle || m_state == State::kIgnored) return;
    m_samples.push_back(p);
    while (m_samples.size() > 2 && m_samples.front().t_ms < p.t_ms - m_config.velocity_window_ms)
        m_samples.pop_front();
    switch (m_state) {
        case State::kPending:
            if (Distance(p, m_start) <= m_config.slop_px) break;
            m_state = State::kScroll;
            out.scroll_started = true;
            out.scroll_anchor_x = m_start.x;
            out.scroll_anchor_y = m_start.y;
            Push(out, PointerEvent::Kind::kLeave);  // nothing stays hovered under a scroll
            out.scroll_dx -= p.x - m_start.x;
            out.scroll_dy -= p.y - m_start.y;
            break;
        case State::kScroll:
            out.scroll_dx -= p.x - m_last.x;
            out.scroll_dy -= p.y - m_last.y;
            break;
        case State::kPassThrough:
            Push(out, PointerEvent::Kind::kMove, p.x, p.y);
            break;
        case State::kIdle:
        case State::kIgnored:
            break;
    }
    m_last = p;
}

void TouchGesture::Up(int id, TouchPoint p, GestureOutput& out) {
    m_fingers = std::max(0, m_fingers - 1);
    if (id != m_id) {
        if (m_fingers == 0 && m_state == State::kIgnored) m_state = State::kIdle;
        return;
    }
    switch (m_state) {
        case State::kPending:
            if (!m_caught_fling) {
                Push(out, PointerEvent::Kind::kDown, m_start.x, m_start.y);
                Push(out, PointerEvent::Kind::kUp, m_start.x, m_start.y);
                out.tap = true;
            }
            Push(out, PointerEvent::Kind::kLeave);
            break;
        case State::kScroll:
            Move(id, p, out);
            StartFling(p.t_ms);
            break;
        case State::kPassThrough:
            Push(out, PointerEvent::Kind::kMove, p.x, p.y);
            Push(out, PointerEvent::Kind::kUp, p.x, p.y);
            Push(out, PointerEvent::Kind::kLeave);
            break;
        case State::kIdle:
        case State::kIgnored:
            break;
    }
    m_state = m_fingers > 0 ? State::kIgnored : State::kIdle;
    m_id = -1;
}

void TouchGesture::Cancel(int id, GestureOutput& out) {
    m_fingers = std::max(0, m_fingers - 1);
    if (id == m_id) {
        EndGesture(out, true);
        m_id = -1;
    }
    if (m_fingers == 0) m_state = State::kIdle;
}

void TouchGesture::EndGesture(GestureOutput& out, bool cancelled) {
    if (cancelled && m_state == State::kPassThrough) {
        // Released away from everything, so the press is not a click.
        Push(out, PointerEvent::Kind::kLeave);
        Push(out, PointerEvent::Kind::kUp);
    } else if (m_state == State::kPending) {
        Push(out, PointerEvent::Kind::kLeave);
    }
    m_state = m_fingers > 0 ? State::kIgnored : State::kIdle;
}

void TouchGesture::StartFling(double now_ms) {
    const TouchPoint& first = m_samples.front();
    const TouchPoint& last = m_samples.back();
    const double dt = last.t_ms - first.t_ms;
    // A finger that rested before lifting has no recent samples: no fling.
    if (m_samples.size() < 2 || dt < 1.0 || now_ms - last.t_ms > m_config.velocity_window_ms)
        return;
    float vx = static_cast<float>(-(last.x - first.x) / dt * 1000.0);
    float vy = static_cast<float>(-(last.y - first.y) / dt * 1000.0);
    const float speed = std::hypot(vx, vy);
    if (speed < m_config.min_fling_px_s) return;
    if (speed > m_config.max_fling_px_s) {
        vx *= m_config.max_fling_px_s / speed;
        vy *= m_config.max_fling_px_s / speed;
    }
    m_fling = true;
    m_fling_start_ms = now_ms;
    m_fling_vx = vx;
    m_fling_vy = vy;
    m_fling_done_x = m_fling_done_y = 0;
}

bool TouchGesture::Step(double now_ms, GestureOutput& out) {
    if (m_state == State::kPending && now_ms - m_start.t_ms >= m_config.long_press_ms) {
        m_state = State::kPassThrough;
        Push(out, PointerEvent::Kind::kDown, m_start.x, m_start.y);
    }
    if (m_fling) {
        // Exact integral of v0 * exp(-t / tau): frame times do not change where it stops.
        const double tau_s = m_config.fling_time_constant_ms / 1000.0;
        const double t_s = std::max(0.0, now_ms - m_fling_start_ms) / 1000.0;
        const double decay = std::exp(-t_s / tau_s);
        const auto travelled = [&](float v) {
            return static_cast<float>(v * tau_s * (1.0 - decay));
        };
        const float x = travelled(m_fling_vx), y = travelled(m_fling_vy);
        out.scroll_dx += x - m_fling_done_x;
        out.scroll_dy += y - m_fling_done_y;
        m_fling_done_x = x;
        m_fling_done_y = y;
        const float speed = static_cast<float>(std::hypot(m_fling_vx, m_fling_vy) * decay);
        if (speed < m_config.fling_stop_px_s) m_fling = false;
    }
    return m_state == State::kPending || m_fling;
}

}  // namespace skyloom::ui
