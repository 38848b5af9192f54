#include "ui/aria_tree.h"

#include <unordered_map>

#include <nlohmann/json.hpp>

namespace skyloom::ui {

void AriaTree::Clear() {
    m_nodes.clear();
    m_open.clear();
    m_keys.clear();  // keeps its buckets: no allocation per frame once warm
}

bool AriaTree::Contains(const std::string& key) const {
    return m_keys.count(key) > 0;
}

int AriaTree::Add(AriaNode node) {
    if (!m_keys.insert(node.key).second) return -1;  // first one wins
    int parent = -1;
    for (size_t i = m_open.size(); i-- > 0;)
        if (m_open[i] >= 0) {
            parent = m_open[i];
            break;
        }
    node.parent = parent;
    m_nodes.push_back(std::move(node));
    return static_cast<int>(m_nodes.size() - 1);
}

void AriaTree::Open(std::string key, std::string role, std::string name, std::string extra,
                    uint8_t state) {
    m_open.push_back(
        Add({std::move(key), std::move(role), std::move(name), std::move(extra), state, -1}));
}

void AriaTree::Close() {
    if (!m_open.empty()) m_open.pop_back();
}

void AriaTree::Leaf(std::string key, std::string role, std::string name, std::string extra,
                    uint8_t state) {
    (void)Add({std::move(key), std::move(role), std::move(name), std::move(extra), state, -1});
}

namespace {

bool SameTree(const std::vector<AriaNode>& a, const std::vector<AriaNode>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++)
        if (a[i].parent != b[i].parent || a[i].key != b[i].key || !a[i].SameContent(b[i]))
            return false;
    return true;
}

// Parent key -> child keys in order; the root is "".
using Children = std::unordered_map<std::string, std::vector<std::string>>;

Children ChildLists(const std::vector<AriaNode>& nodes) {
    Children out;
    out[""];
    for (const AriaNode& node : nodes) {
        out[node.parent < 0 ? std::string() : nodes[node.parent].key].push_back(node.key);
    }
    return out;
}

}  // namespace

std::string AriaPatch(const AriaTree& before, const AriaTree& after) {
    const std::vector<AriaNode>& old_nodes = before.nodes();
    const std::vector<AriaNode>& new_nodes = after.nodes();
    if (SameTree(old_nodes, new_nodes)) return {};

    std::unordered_map<std::string, const AriaNode*> old_by_key;
    old_by_key.reserve(old_nodes.size());
    for (const AriaNode& node : old_nodes) old_by_key.emplace(node.key, &node);

    nlohmann::json set = nlohmann::json::array();
    for (const AriaNode& node : new_nodes) {
        auto it = old_by_key.find(node.key);
        if (it != old_by_key.end() && it->second->SameContent(node)) continue;
        set.push_back({{"k", node.key},
                       {"r", node.role},
                       {"n", node.name},
                       {"x", node.extra},
                       {"s", node.state}});
    }

    const Children old_kids = ChildLists(old_nodes);
    const Children new_kids = ChildLists(new_nodes);
    nlohmann::json kids = nlohmann::json::array();
    for (const auto& [parent, list] : new_kids) {
        auto it = old_kids.find(parent);
        if (it != old_kids.end() && it->second == list) continue;
        kids.push_back({parent, list});
    }

    nlohmann::json drop = nlohmann::json::array();
    std::unordered_map<std::string, bool> kept;
    kept.reserve(new_nodes.size());
    for (const AriaNode& node : new_nodes) kept.emplace(node.key, true);
    for (const AriaNode& node : old_nodes)
        if (!kept.count(node.key)) drop.push_back(node.key);

    if (set.empty() && kids.empty() && drop.empty()) return {};
    nlohmann::json patch = {
        {"set", std::move(set)}, {"kids", std::move(kids)}, {"drop", std::move(drop)}};
    return patch.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace skyloom::ui
