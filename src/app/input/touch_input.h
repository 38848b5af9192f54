// Touch on the canvas: the page's touch events go through core's TouchGesture; taps and claimed
// drags become ImGui mouse input (source: touch screen), drags scroll the ImGui windows under
// the finger, innermost first, handing what is left to the outer one at its end, with a fling.
//
//   TouchInput touch;  touch.Install();          // once, after the ImGui context exists
//   touch.BeginFrame(now_ms);  ImGui::NewFrame(); // each frame
//   ... while drawing: ClaimTouchDrag(box_rect); // a touch starting there drags it
//   ImGui::Render();  touch.EndFrame();
#pragma once

#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/touch_gesture.h"  // core

namespace skyloom::app {

// Something that takes drags itself (a meme box and its handles): a touch that starts inside
// it this frame's rects is a pointer drag, not a scroll.
void ClaimTouchDrag(const ImRect& rect);
// True while a finger scrolls or a fling runs (screens stop their own scroll animations).
[[nodiscard]] bool TouchScrollActive();

class TouchInput {
  public:
    void Install();
    // Before ImGui::NewFrame(): advances flings and long presses, feeds ImGui the pointer
    // events and applies the scroll to the windows of the last frame.
    void BeginFrame(double now_ms);
    // After the frame: the drag claims drawn in it apply to the next touch.
    void EndFrame();

    enum class Target { kCanvas = 0, kField = 1, kText = 2 };  // where a touch began
    void OnTouch(int type, int id, float x, float y, double t_ms, Target target);

  private:
    void ApplyPointer(const ui::GestureOutput& out);
    void ResolveScrollChain(ImVec2 anchor);
    void ApplyScroll(float dx, float dy);

    ui::TouchGesture m_gesture;
    ui::GestureOutput m_out;            // accumulated between frames
    std::vector<ImGuiID> m_chain;       // scrollable windows under the finger, innermost first
    Target m_target = Target::kCanvas;  // a field or selectable text handles its own taps
    std::vector<ImRect> m_claims;       // last frame's drag claims
};

}  // namespace skyloom::app
