#include "meme/editor_state.h"

#include <algorithm>
#include <cmath>

namespace skyloom::meme {
namespace {

bool SameBox(const MemeBox& a, const MemeBox& b) {
    return a.text == b.text && a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h &&
           a.font == b.font && a.fill == b.fill && a.outline == b.outline && a.align == b.align &&
           a.all_caps == b.all_caps;
}

bool Inside(double x, double y, double rx, double ry, double rw, double rh) {
    return x >= rx && y >= ry && x <= rx + rw && y <= ry + rh;
}

}  // namespace

bool SameEdit(const EditState& a, const EditState& b) {
    if (a.selected != b.selected || a.spec.background.media_id != b.spec.background.media_id ||
        a.spec.background.template_id != b.spec.background.template_id ||
        a.spec.boxes.size() != b.spec.boxes.size()) {
        return false;
    }
    for (size_t i = 0; i < a.spec.boxes.size(); ++i) {
        if (!SameBox(a.spec.boxes[i], b.spec.boxes[i])) return false;
    }
    return true;
}

void EditorHistory::Commit(EditState next, std::string_view coalesce_key) {
    if (SameEdit(next, m_current)) return;
    const bool merge = !coalesce_key.empty() && coalesce_key == m_key && !m_undo.empty();
    if (!merge) {
        m_undo.push_back(m_current);
        if (m_undo.size() > kMaxUndoSteps) m_undo.erase(m_undo.begin());
    }
    m_key = std::string(coalesce_key);
    m_redo.clear();
    m_current = std::move(next);
}

void EditorHistory::Select(int index) {
    m_current.selected = index;
    m_key.clear();
}

void EditorHistory::Reset(EditState state) {
    m_undo.clear();
    m_redo.clear();
    m_key.clear();
    m_current = std::move(state);
}

bool EditorHistory::Undo() {
    if (m_undo.empty()) return false;
    m_redo.push_back(std::move(m_current));
    m_current = std::move(m_undo.back());
    m_undo.pop_back();
    m_key.clear();
    return true;
}

bool EditorHistory::Redo() {
    if (m_redo.empty()) return false;
    m_undo.push_back(std::move(m_current));
    m_current = std::move(m_redo.back());
    m_redo.pop_back();
    m_key.clear();
    return true;
}

Hit HitTest(const std::vector<MemeBox>& boxes, int selected, double x, double y, double width,
            double height, double handle_px) {
    if (selected >= 0 && size_t(selected) < boxes.size()) {
        const MemeBox& b = boxes[size_t(selected)];
        const double l = b.x * width, t = b.y * height, r = (b.x + b.w) * width,
                     bt = (b.y + b.h) * height, cx = (l + r) / 2, cy = (t + bt) / 2;
        const struct {
            Part part;
            double hx, hy;
        } handles[] = {{Part::kNW, l, t}, {Part::kNE, r, t}, {Part::kSE, r, bt}, {Part::kSW, l, bt},
                       {Part::kN, cx, t}, {Part::kE, r, cy}, {Part::kS, cx, bt}, {Part::kW, l, cy}};
        for (const auto& h : handles) {
            if (std::abs(x - h.hx) <= handle_px && std::abs(y - h.hy) <= handle_px) {
                return Hit{selected, h.part};
            }
        }
    }
    for (int i = int(boxes.size()) - 1; i >= 0; --i) {
        const MemeBox& b = boxes[size_t(i)];
        if (Inside(x, y, b.x * width, b.y * height, b.w * width, b.h * height)) {
            return Hit{i, Part::kBody};
        }
    }
    return Hit{};
}

MemeBox MoveBox(const MemeBox& box, double dx, double dy) {
    MemeBox out = box;
    out.x = std::clamp(box.x + dx, 0.0, 1.0 - box.w);
    out.y = std::clamp(box.y + dy, 0.0, 1.0 - box.h);
    return out;
}

MemeBox ResizeBox(const MemeBox& box, Part handle, double dx, double dy) {
    double l = box.x, t = box.y, r = box.x + box.w, b = box.y + box.h;
    const bool west = handle == Part::kW || handle == Part::kNW || handle == Part::kSW;
    const bool east = handle == Part::kE || handle == Part::kNE || handle == Part::kSE;
    const bool north = handle == Part::kN || handle == Part::kNW || handle == Part::kNE;
    const bool south = handle == Part::kS || handle == Part::kSW || handle == Part::kSE;
    if (west) l = std::clamp(l + dx, 0.0, r - kMinBoxFraction);
    if (east) r = std::clamp(r + dx, l + kMinBoxFraction, 1.0);
    if (north) t = std::clamp(t + dy, 0.0, b - kMinBoxFraction);
    if (south) b = std::clamp(b + dy, t + kMinBoxFraction, 1.0);
    MemeBox out = box;
    out.x = l;
    out.y = t;
    out.w = r - l;
    out.h = b - t;
    return out;
}

Rect SafeArea() {
    Rect r;
    r.x = kSafeInset;
    r.y = kSafeInset;
    r.w = 1 - 2 * kSafeInset;
    r.h = 1 - 2 * kSafeInset;
    return r;
}

}  // namespace skyloom::meme
