// The meme editor's model, free of any UI toolkit: the edit state (spec + selection), undo/redo
// with coalescing (a whole drag or a burst of typing is one step), hit-testing of boxes and
// their resize handles, moving/resizing/nudging that keeps boxes inside the image, and the
// safe area the editor draws. The app's screen turns mouse and keys into these calls.
//
//   meme::EditorHistory history(meme::EditState{spec, 0});
//   meme::EditState next = history.Current();
//   next.spec.boxes[0] = meme::MoveBox(start_box, dx, dy);
//   history.Commit(next, "drag:0");   // every motion of one drag -> one undo step
//   history.EndCoalescing();          // mouse released
//   history.Undo();
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "meme/meme_spec.h"

namespace skyloom::meme {

struct EditState {
    MemeSpec spec;
    int selected = -1;  // index into spec.boxes, -1 for none
};
[[nodiscard]] bool SameEdit(const EditState& a, const EditState& b);

constexpr size_t kMaxUndoSteps = 200;  // a step is a spec of at most 8 boxes: a few KB at most

class EditorHistory {
  public:
    EditorHistory() = default;
    explicit EditorHistory(EditState initial) : m_current(std::move(initial)) {}

    [[nodiscard]] const EditState& Current() const { return m_current; }
    // Makes `next` current. Consecutive commits with the same non-empty `coalesce_key` replace
    // each other in one undo step; an identical state is not a step; any commit clears redo.
    void Commit(EditState next, std::string_view coalesce_key = {});
    // The next commit starts a new step even with the same key (mouse up, focus change).
    void EndCoalescing() { m_key.clear(); }
    // Changes the selection without an undo step (selecting is not an edit).
    void Select(int index);
    // Replaces everything (a new background or a remix loaded): no undo across it.
    void Reset(EditState state);
    bool Undo();
    bool Redo();
    [[nodiscard]] bool CanUndo() const { return !m_undo.empty(); }
    [[nodiscard]] bool CanRedo() const { return !m_redo.empty(); }
    [[nodiscard]] size_t UndoSteps() const { return m_undo.size(); }

  private:
    std::vector<EditState> m_undo, m_redo;
    EditState m_current;
    std::string m_key;
};

// What a point on the image touches. Handles are the selected box's corners and edge middles.
enum class Part { kNone, kBody, kN, kNE, kE, kSE, kS, kSW, kW, kNW };
struct Hit {
    int box = -1;
    Part part = Part::kNone;
};
// (x, y) in pixels of the image as displayed at width x height; `handle_px` is the half-size
// of a handle's grab square. The selected box's handles win, then boxes topmost (last) first.
[[nodiscard]] Hit HitTest(const std::vector<MemeBox>& boxes, int selected, double x, double y,
                          double width, double height, double handle_px);

constexpr double kMinBoxFraction = 0.04;  // smallest box side, as a fraction of the image

// `box` moved by (dx, dy) fractions of the image, kept inside it.
[[nodiscard]] MemeBox MoveBox(const MemeBox& box, double dx, double dy);
// `box` with the edges named by `handle` moved by (dx, dy), kept inside the image and at least
// kMinBoxFraction on each side.
[[nodiscard]] MemeBox ResizeBox(const MemeBox& box, Part handle, double dx, double dy);

// The safe area the editor outlines: text inside it survives cropping by feeds and apps.
constexpr double kSafeInset = 0.05;
struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
};
[[nodiscard]] Rect SafeArea();  // in fractions of the image

}  // namespace skyloom::meme
