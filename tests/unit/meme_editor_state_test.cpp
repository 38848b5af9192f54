// The meme editor's model (src/core/meme/editor_state.*): undo/redo with coalescing, hit-tests,
// moving and resizing inside the image, the safe area.
#include <gtest/gtest.h>

#include "meme/editor_state.h"

namespace skyloom::meme {
namespace {

EditState Initial() {
    EditState s;
    s.spec.background.template_id = "1";
    s.spec.boxes = DefaultMemeBoxes();
    s.selected = 0;
    return s;
}

TEST(MemeEditorHistory, UndoRedoSteps) {
    EditorHistory h(Initial());
    EXPECT_FALSE(h.CanUndo());
    EditState s = h.Current();
    s.spec.boxes[0].text = "a";
    h.Commit(s);
    s.spec.boxes[1].text = "b";
    h.Commit(s);
    EXPECT_EQ(h.UndoSteps(), 2u);
    ASSERT_TRUE(h.Undo());
    EXPECT_EQ(h.Current().spec.boxes[1].text, "");
    EXPECT_EQ(h.Current().spec.boxes[0].text, "a");
    ASSERT_TRUE(h.Redo());
    EXPECT_EQ(h.Current().spec.boxes[1].text, "b");
    EXPECT_FALSE(h.Redo());
    ASSERT_TRUE(h.Undo());
    ASSERT_TRUE(h.Undo());
    EXPECT_FALSE(h.Undo());
    EXPECT_TRUE(SameEdit(h.Current(), Initial()));
    // A new edit after undo drops the redo branch.
    s = h.Current();
    s.spec.boxes[0].text = "c";
    h.Commit(s);
    EXPECT_FALSE(h.CanRedo());
}

TEST(MemeEditorHistory, ADragIsOneStep) {
    EditorHistory h(Initial());
    const MemeBox start = h.Current().spec.boxes[0];
    for (int i = 1; i <= 30; ++i) {
        EditState s = h.Current();
        s.spec.boxes[0] = MoveBox(start, 0, 0.01 * i);
        h.Commit(s, "drag:0");
    }
    h.EndCoalescing();
    EXPECT_EQ(h.UndoSteps(), 1u);
    EXPECT_NEAR(h.Current().spec.boxes[0].y, start.y + 0.3, 1e-9);
    // The next drag (same key, after mouse-up) is a step of its own.
    EditState s = h.Current();
    s.spec.boxes[0] = MoveBox(s.spec.boxes[0], 0.01, 0);
    h.Commit(s, "drag:0");
    EXPECT_EQ(h.UndoSteps(), 2u);
    h.Undo();
    h.Undo();
    EXPECT_NEAR(h.Current().spec.boxes[0].y, start.y, 1e-9);
}

TEST(MemeEditorHistory, TypingCoalescesPerBoxAndUnchangedIsNoStep) {
    EditorHistory h(Initial());
    for (const char* t : {"o", "on", "one"}) {
        EditState s = h.Current();
        s.spec.boxes[0].text = t;
        h.Commit(s, "text:0");
    }
    EditState s = h.Current();
    s.spec.boxes[1].text = "x";
    h.Commit(s, "text:1");  // another box: a new step
    EXPECT_EQ(h.UndoSteps(), 2u);
    h.Commit(h.Current(), "text:1");  // identical: nothing
    h.Commit(h.Current());
    EXPECT_EQ(h.UndoSteps(), 2u);
    h.Select(1);  // selection is not an edit
    EXPECT_EQ(h.UndoSteps(), 2u);
    h.Undo();
    h.Undo();
    EXPECT_EQ(h.Current().spec.boxes[0].text, "");
}

TEST(MemeEditorHistory, IsBounded) {
    EditorHistory h(Initial());
    for (size_t i = 0; i < kMaxUndoSteps + 50; ++i) {
        EditState s = h.Current();
        s.spec.boxes[0].text = std::to_string(i);
        h.Commit(s);
    }
    EXPECT_EQ(h.UndoSteps(), kMaxUndoSteps);
}

TEST(MemeEditorHit, HandlesThenTopmostBox) {
    std::vector<MemeBox> boxes = DefaultMemeBoxes();  // top 0.05,0.03 0.9x0.2; bottom
    const double W = 1000, H = 500;
    const MemeBox& top = boxes[0];
    // Inside the top box.
    Hit hit = HitTest(boxes, -1, 500, top.y * H + 20, W, H, 8);
    EXPECT_EQ(hit.box, 0);
    EXPECT_EQ(hit.part, Part::kBody);
    // Corner handle of the selected box, a few pixels outside it.
    hit = HitTest(boxes, 0, top.x * W - 5, top.y * H - 5, W, H, 8);
    EXPECT_EQ(hit.part, Part::kNW);
    hit = HitTest(boxes, 0, (top.x + top.w) * W + 3, (top.y + top.h / 2) * H, W, H, 8);
    EXPECT_EQ(hit.part, Part::kE);
    // Handles only for the selected box.
    hit = HitTest(boxes, 1, top.x * W - 5, top.y * H - 5, W, H, 8);
    EXPECT_EQ(hit.box, -1);
    // Overlapping boxes: the last one drawn (topmost) wins.
    boxes.push_back(boxes[0]);
    hit = HitTest(boxes, -1, 500, top.y * H + 20, W, H, 8);
    EXPECT_EQ(hit.box, 2);
    // Empty space.
    EXPECT_EQ(HitTest(boxes, -1, 500, 250, W, H, 8).box, -1);
}

TEST(MemeEditorGeometry, MoveAndResizeStayInsideTheImage) {
    MemeBox box;
    box.x = 0.1, box.y = 0.1, box.w = 0.5, box.h = 0.2;
    MemeBox moved = MoveBox(box, 0.9, -0.5);
    EXPECT_DOUBLE_EQ(moved.x, 0.5);
    EXPECT_DOUBLE_EQ(moved.y, 0.0);
    EXPECT_DOUBLE_EQ(moved.w, 0.5);
    // A keyboard nudge of one pixel of a 1000 px image.
    MemeBox nudged = MoveBox(box, 1.0 / 1000, 0);
    EXPECT_NEAR(nudged.x, 0.101, 1e-12);

    MemeBox grown = ResizeBox(box, Part::kSE, 0.2, 0.1);
    EXPECT_NEAR(grown.w, 0.7, 1e-12);
    EXPECT_NEAR(grown.h, 0.3, 1e-12);
    EXPECT_DOUBLE_EQ(grown.x, 0.1);
    MemeBox clamped = ResizeBox(box, Part::kE, 5, 0);
    EXPECT_NEAR(clamped.x + clamped.w, 1.0, 1e-12);
    MemeBox tiny = ResizeBox(box, Part::kNW, 1, 1);  // past the opposite corner
    EXPECT_NEAR(tiny.w, kMinBoxFraction, 1e-12);
    EXPECT_NEAR(tiny.h, kMinBoxFraction, 1e-12);
    EXPECT_NEAR(tiny.x + tiny.w, 0.6, 1e-12);
    MemeBox left = ResizeBox(box, Part::kW, -0.5, 0);
    EXPECT_DOUBLE_EQ(left.x, 0.0);
    EXPECT_NEAR(left.w, 0.6, 1e-12);
}

TEST(MemeEditorGeometry, SafeAreaIsAFivePercentInset) {
    const Rect r = SafeArea();
    EXPECT_DOUBLE_EQ(r.x, 0.05);
    EXPECT_DOUBLE_EQ(r.y, 0.05);
    EXPECT_DOUBLE_EQ(r.w, 0.9);
    EXPECT_DOUBLE_EQ(r.h, 0.9);
}

}  // namespace
}  // namespace skyloom::meme
