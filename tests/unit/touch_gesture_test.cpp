// TouchGesture: taps are clicks, drags scroll with a fling, claimed drags and long presses go
// through, a second finger cancels.
#include "ui/touch_gesture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace skyloom::ui {
namespace {

using K = PointerEvent::Kind;

std::string Kinds(const GestureOutput& out) {
    std::string s;
    for (const PointerEvent& e : out.pointer)
        s += e.kind == K::kMove ? "m" : e.kind == K::kDown ? "D" : e.kind == K::kUp ? "U" : "L";
    return s;
}

bool HasPress(const GestureOutput& out) {
    return Kinds(out).find('D') != std::string::npos;
}

// A straight swipe from (x, y0) to (x, y1) over `ms`, one point every 8 ms.
void Swipe(TouchGesture& g, float y0, float y1, double t0, double ms, GestureOutput& out) {
    g.Down(1, {100, y0, t0}, false, out);
    const int steps = static_cast<int>(ms / 8);
    for (int i = 1; i <= steps; i++) {
        const float y = y0 + (y1 - y0) * static_cast<float>(i) / static_cast<float>(steps);
        g.Move(1, {100, y, t0 + i * 8.0}, out);
    }
}

TEST(TouchGesture, ATapIsAClickWhereTheFingerWas) {
    TouchGesture g;
    GestureOutput out;
    g.Down(1, {50, 60, 0}, false, out);
    g.Move(1, {53, 62, 40}, out);  // a finger always wobbles a little
    g.Up(1, {53, 62, 90}, out);
    EXPECT_EQ(Kinds(out), "mDUL");
    EXPECT_EQ(out.pointer[1].x, 50);
    EXPECT_EQ(out.pointer[1].y, 60);
    EXPECT_TRUE(out.tap);
    EXPECT_FALSE(out.scroll_started);
    EXPECT_EQ(out.scroll_dy, 0);
}

TEST(TouchGesture, ADragScrollsAndNeverClicks) {
    TouchGesture g;
    GestureOutput out;
    g.Down(1, {100, 500, 0}, false, out);
    g.Move(1, {100, 490, 16}, out);
    EXPECT_TRUE(out.scroll_started);
    EXPECT_EQ(out.scroll_anchor_y, 500);
    EXPECT_FLOAT_EQ(out.scroll_dy, 10);  // the finger went up: the content follows it
    g.Move(1, {100, 400, 32}, out);
    EXPECT_FLOAT_EQ(out.scroll_dy, 100);
    g.Up(1, {100, 400, 400}, out);  // rested before lifting: no fling
    EXPECT_FALSE(HasPress(out));
    EXPECT_FALSE(out.tap);
    EXPECT_FALSE(g.flinging());
}

TEST(TouchGesture, AFastReleaseFlingsAndSlowsToAStop) {
    TouchGesture g;
    GestureOutput out;
    Swipe(g, 600, 300, 0, 120, out);  // 2.5 px/ms upwards
    g.Up(1, {100, 300, 120}, out);
    ASSERT_TRUE(g.flinging());
    EXPECT_NEAR(g.fling_velocity_y(), 2500.0f, 1.0f);
    out.Clear();
    double t = 120;
    int frames = 0;
    float last_step = 1e9f;
    while (g.Step(t += 16, out) && frames < 1000) {
        frames++;
        EXPECT_LE(out.scroll_dy, last_step + 1e-3f) << "a fling only slows down";
        last_step = out.scroll_dy;
        out.Clear();
    }
    EXPECT_FALSE(g.flinging());
    EXPECT_GT(frames, 20);
    EXPECT_LT(frames, 200);
}

TEST(TouchGesture, AFlingGoesAsFarWhateverTheFrameRate) {
    float total[2] = {0, 0};
    const double frame_ms[2] = {16.0, 33.0};
    for (int k = 0; k < 2; k++) {
        TouchGesture g;
        GestureOutput out;
        Swipe(g, 600, 300, 0, 120, out);
        g.Up(1, {100, 300, 120}, out);
        out.Clear();
        double t = 120;
        while (g.Step(t += frame_ms[k], out)) {
        }
        total[k] = out.scroll_dy;
    }
    EXPECT_NEAR(total[0], total[1], 2.0f);
    EXPECT_NEAR(total[0], 2500.0f * 0.325f, 10.0f);  // v0 * tau
}

TEST(TouchGesture, TouchingDuringAFlingStopsItWithoutAClick) {
    TouchGesture g;
    GestureOutput out;
    Swipe(g, 600, 300, 0, 120, out);
    g.Up(1, {100, 300, 120}, out);
    ASSERT_TRUE(g.flinging());
    out.Clear();
    g.Down(2, {100, 300, 200}, false, out);
    EXPECT_FALSE(g.flinging());
    g.Up(2, {100, 300, 260}, out);
    EXPECT_FALSE(HasPress(out));
    EXPECT_FALSE(out.tap);
    // The next tap is a click again.
    out.Clear();
    g.Down(3, {10, 10, 500}, false, out);
    g.Up(3, {10, 10, 560}, out);
    EXPECT_TRUE(out.tap);
}

TEST(TouchGesture, AClaimedDragIsAPointerDrag) {
    TouchGesture g;
    GestureOutput out;
    g.Down(1, {200, 200, 0}, true, out);
    g.Move(1, {240, 260, 16}, out);
    g.Up(1, {250, 270, 32}, out);
    EXPECT_EQ(Kinds(out), "mDmmUL");
    EXPECT_FALSE(out.scroll_started);
    EXPECT_EQ(out.pointer[2].x, 240);
}

TEST(TouchGesture, ALongPressPressesAndThenDrags) {
    TouchGesture g;
    GestureOutput out;
    g.Down(1, {200, 200, 0}, false, out);
    EXPECT_TRUE(g.Step(300, out));  // still deciding: keep the frames coming
    EXPECT_FALSE(HasPress(out));
    (void)g.Step(520, out);
    EXPECT_EQ(Kinds(out), "mD");
    g.Move(1, {200, 260, 600}, out);
    g.Up(1, {200, 260, 650}, out);
    EXPECT_EQ(Kinds(out), "mDmmUL");
    EXPECT_FALSE(out.scroll_started);
}

TEST(TouchGesture, ASecondFingerCancelsWithoutAClick) {
    TouchGesture g;
    GestureOutput out;
    g.Down(1, {200, 200, 0}, true, out);    // pressing a slider...
    g.Down(2, {260, 260, 20}, false, out);  // ... then a pinch
    EXPECT_EQ(Kinds(out), "mDLU") << "released off the item, so not a click";
    out.Clear();
    g.Move(1, {200, 100, 40}, out);
    g.Up(2, {260, 260, 60}, out);
    g.Up(1, {200, 100, 80}, out);
    EXPECT_TRUE(out.pointer.empty());
    EXPECT_FALSE(out.scroll_started);
    // Both fingers are up: a new gesture starts clean.
    g.Down(3, {5, 5, 100}, false, out);
    g.Up(3, {5, 5, 150}, out);
    EXPECT_TRUE(out.tap);
}

TEST(TouchGesture, ACancelledTouchDoesNothing) {
    TouchGesture g;
    GestureOutput out;
    g.Down(1, {5, 5, 0}, false, out);
    g.Cancel(1, out);
    EXPECT_FALSE(HasPress(out));
    EXPECT_FALSE(out.tap);
}

TEST(TouchGesture, StopFlingEndsItAtTheEdge) {
    TouchGesture g;
    GestureOutput out;
    Swipe(g, 600, 300, 0, 120, out);
    g.Up(1, {100, 300, 120}, out);
    ASSERT_TRUE(g.flinging());
    g.StopFling();
    out.Clear();
    EXPECT_FALSE(g.Step(140, out));
    EXPECT_EQ(out.scroll_dy, 0);
}

}  // namespace
}  // namespace skyloom::ui
