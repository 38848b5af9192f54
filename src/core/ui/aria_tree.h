// The page's accessibility mirror as data: a tree of nodes (landmarks, headings, articles,
// buttons, ...) built each frame from what the canvas shows, and the smallest patch that turns
// last frame's tree into this one. The page applies the patch to real DOM elements
// (app/platform/aria_web.js), so a frame where nothing changed writes nothing.
//
//   AriaTree tree;
//   tree.Open("main", "main", "Explore");
//   tree.Leaf("i:1a2b3c4d", "button", "Sign in");
//   tree.Close();
//   std::string patch = AriaPatch(last_tree, tree);   // "" when nothing changed
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace skyloom::ui {

// Node states, as bits of AriaNode::state.
enum AriaState : uint8_t {
    kAriaDisabled = 1,
    kAriaSelected = 2,   // tabs: aria-selected
    kAriaChecked = 4,    // checkboxes: aria-checked
    kAriaFocusable = 8,  // containers that take the focus themselves (an article: j/k, Tab)
};

struct AriaNode {
    std::string key;    // unique in a tree and stable across frames; the page's element id
    std::string role;   // "main", "article", "button", "heading", "text", ... (aria_web.js)
    std::string name;   // the text or accessible name
    std::string extra;  // per role: a heading's level, a time's datetime, a field's id
    uint8_t state = 0;  // AriaState bits
    int parent = -1;    // index of the parent node; -1: the root

    bool SameContent(const AriaNode& other) const {
        return role == other.role && name == other.name && extra == other.extra &&
               state == other.state;
    }
};

class AriaTree {
  public:
    void Clear();
    // Opens a container: nodes added until its Close() are its children. A key already in the
    // tree opens nothing (its children go to the enclosing container) but still needs Close().
    void Open(std::string key, std::string role, std::string name = {}, std::string extra = {},
              uint8_t state = 0);
    void Close();
    // A node without children; a key already in the tree is ignored (first one wins).
    void Leaf(std::string key, std::string role, std::string name = {}, std::string extra = {},
              uint8_t state = 0);

    [[nodiscard]] const std::vector<AriaNode>& nodes() const { return m_nodes; }
    [[nodiscard]] bool Contains(const std::string& key) const;

  private:
    int Add(AriaNode node);
    std::vector<AriaNode> m_nodes;  // in document order (pre-order)
    std::vector<int> m_open;        // open containers; -1 for a duplicate's placeholder
    std::unordered_set<std::string> m_keys;
};

// JSON the page applies in order: {"set":[{"k","r","n","x","s"}...], "kids":[["parent key",
// ["child key", ...]], ...], "drop":["key", ...]}. "set" creates or updates a node, "kids" gives
// a container its children in order (the root's key is ""), "drop" removes nodes that are gone.
// Returns "" when the trees are the same.
[[nodiscard]] std::string AriaPatch(const AriaTree& before, const AriaTree& after);

}  // namespace skyloom::ui
