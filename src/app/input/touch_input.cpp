#include "input/touch_input.h"

#include <cfloat>
#include <cmath>

#include "platform/platform.h"
#include "ui/scroll_chain.h"  // core

namespace skyloom::app {
namespace {

// Drawn this frame; moved into the TouchInput at EndFrame (process-wide like ImGui's context).
std::vector<ImRect>& FrameClaims() {
    static std::vector<ImRect> claims;
    return claims;
}

bool& ScrollActive() {
    static bool active = false;
    return active;
}

// The deepest window of the last frame under `p`: g.Windows lists root windows back to front,
// each followed by its children, so the first hit from the end is the front-most, innermost.
ImGuiWindow* WindowAt(ImVec2 p) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = g.Windows.Size - 1; i >= 0; i--) {
        ImGuiWindow* w = g.Windows[i];
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
        if (w->OuterRectClipped.Contains(p)) return w;
    }
    return nullptr;
}

}  // namespace

void ClaimTouchDrag(const ImRect& rect) {
    FrameClaims().push_back(rect);
}

bool TouchScrollActive() {
    return ScrollActive();
}

void TouchInput::Install() {
    platform::InstallTouch([this](int type, int id, float x, float y, double t_ms, int target) {
        OnTouch(type, id, x, y, t_ms, static_cast<Target>(target));
    });
}

void TouchInput::OnTouch(int type, int id, float x, float y, double t_ms, Target target) {
    const ui::TouchPoint p{x, y, t_ms};
    switch (type) {
        case platform::kTouchStart: {
            bool claimed = false;
            for (const ImRect& r : m_claims) claimed |= r.Contains(ImVec2(x, y));
            // Only the first finger decides who handles the gesture.
            if (m_gesture.fingers() == 0) m_target = target;
            m_gesture.Down(id, p, claimed && m_target == Target::kCanvas, m_out);
            break;
        }
        case platform::kTouchMove:
            m_gesture.Move(id, p, m_out);
            break;
        case platform::kTouchEnd:
            m_gesture.Up(id, p, m_out);
            break;
        default:
            m_gesture.Cancel(id, m_out);
            break;
    }
    platform::RequestFrames();
}

void TouchInput::BeginFrame(double now_ms) {
    if (m_gesture.Step(now_ms, m_out)) platform::KeepAnimating();
    ui::GestureOutput out = std::move(m_out);
    m_out.Clear();
    // ImGui sees only touches on the canvas; the page handles taps on its fields and text.
    if (m_target == Target::kCanvas) ApplyPointer(out);
    if (out.tap && m_target != Target::kField) platform::BlurTextFields();  // a tap elsewhere
    if (out.scroll_started) ResolveScrollChain(ImVec2(out.scroll_anchor_x, out.scroll_anchor_y));
    if (out.scroll_dx != 0.0f || out.scroll_dy != 0.0f) ApplyScroll(out.scroll_dx, out.scroll_dy);
    ScrollActive() = m_gesture.scrolling();
}

void TouchInput::EndFrame() {
    m_claims.swap(FrameClaims());
    FrameClaims().clear();
}

void TouchInput::ApplyPointer(const ui::GestureOutput& out) {
    ImGuiIO& io = ImGui::GetIO();
    for (const ui::PointerEvent& e : out.pointer) {
        // ImGui then lets a touch press wait a frame for the hover it needs (no hover without
        // a finger), and never treats the released finger as still hovering.
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        switch (e.kind) {
            case ui::PointerEvent::Kind::kMove:
                io.AddMousePosEvent(e.x, e.y);
                break;
            case ui::PointerEvent::Kind::kDown:
                io.AddMousePosEvent(e.x, e.y);
                io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
                break;
            case ui::PointerEvent::Kind::kUp:
                io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
                break;
            case ui::PointerEvent::Kind::kLeave:
                io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
                break;
        }
    }
}

void TouchInput::ResolveScrollChain(ImVec2 anchor) {
    m_chain.clear();
    for (ImGuiWindow* w = WindowAt(anchor); w != nullptr; w = w->ParentWindow)
        if (w->ScrollMax.x > 0.0f || w->ScrollMax.y > 0.0f) m_chain.push_back(w->ID);
}

void TouchInput::ApplyScroll(float dx, float dy) {
    // The chain's offsets as they will be this frame: several touch moves can arrive within one
    // frame, so each builds on the target the last one set.
    std::vector<ImGuiWindow*> windows;
    std::vector<ui::ScrollAxis> ys, xs;
    for (ImGuiID id : m_chain) {
        ImGuiWindow* w = ImGui::FindWindowByID(id);
        if (w == nullptr || !w->Active) continue;
        windows.push_back(w);
        ys.push_back(
            {w->ScrollTarget.y != FLT_MAX ? w->ScrollTarget.y : w->Scroll.y, w->ScrollMax.y});
        xs.push_back(
            {w->ScrollTarget.x != FLT_MAX ? w->ScrollTarget.x : w->Scroll.x, w->ScrollMax.x});
    }
    const std::vector<ui::ScrollAxis> ys_before = ys, xs_before = xs;
    const float left_y = ui::ConsumeScroll(ys, dy);
    const float left_x = ui::ConsumeScroll(xs, dx);
    for (size_t i = 0; i < windows.size(); i++) {
        if (ys[i].pos != ys_before[i].pos) ImGui::SetScrollY(windows[i], ys[i].pos);
        if (xs[i].pos != xs_before[i].pos) ImGui::SetScrollX(windows[i], xs[i].pos);
    }
    // Nothing moved (every area is at its end that way): the fling is over.
    if (m_gesture.flinging() && left_y == dy && left_x == dx) m_gesture.StopFling();
}

}  // namespace skyloom::app
