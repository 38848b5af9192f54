// The accessibility mirror's model: a frame that changes nothing patches nothing, and every
// change is the smallest set of creates, updates, moves and removals.
#include "ui/aria_tree.h"

#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace skyloom::ui {
namespace {

AriaTree Feed(const std::vector<std::string>& posts, const std::string& tab = "Explore") {
    AriaTree t;
    t.Open("banner", "banner");
    t.Leaf("i:1", "link", "Skyloom");
    t.Close();
    t.Open("main", "main", tab);
    t.Leaf("h1", "heading", tab, "1");
    t.Leaf("i:2", "tab", "Explore", "", tab == "Explore" ? kAriaSelected : 0);
    for (const std::string& id : posts) {
        t.Open("post-" + id, "article", "@ada", "", kAriaFocusable);
        t.Leaf("post-" + id + "/text", "text", "post " + id);
        t.Close();
    }
    t.Close();
    return t;
}

nlohmann::json Patch(const AriaTree& a, const AriaTree& b) {
    const std::string s = AriaPatch(a, b);
    return s.empty() ? nlohmann::json() : nlohmann::json::parse(s);
}

TEST(AriaTree, AnUnchangedFrameWritesNothing) {
    EXPECT_EQ(AriaPatch(Feed({"1", "2"}), Feed({"1", "2"})), "");
}

TEST(AriaTree, TheFirstFrameCreatesEveryNodeAndPlacesIt) {
    const nlohmann::json p = Patch(AriaTree(), Feed({"1"}));
    EXPECT_EQ(p["set"].size(), 7u);  // banner, link, main, heading, tab, article, text
    EXPECT_EQ(p["set"][0]["k"], "banner");
    bool root_placed = false;
    for (const auto& kids : p["kids"])
        if (kids[0] == "") {
            root_placed = true;
            EXPECT_EQ(kids[1], nlohmann::json({"banner", "main"}));
        }
    EXPECT_TRUE(root_placed);
    EXPECT_TRUE(p["drop"].empty());
}

TEST(AriaTree, AChangedNameOrStateUpdatesOnlyThatNode) {
    const nlohmann::json p = Patch(Feed({"1"}, "Explore"), Feed({"1"}, "Following"));
    // main's name, the heading's text and the tab's selection changed; nothing moved.
    ASSERT_EQ(p["set"].size(), 3u);
    EXPECT_EQ(p["set"][0]["k"], "main");
    EXPECT_EQ(p["set"][1]["k"], "h1");
    EXPECT_EQ(p["set"][2]["k"], "i:2");
    EXPECT_EQ(p["set"][2]["s"], 0);
    EXPECT_TRUE(p["kids"].empty());
    EXPECT_TRUE(p["drop"].empty());
}

TEST(AriaTree, AScrolledListAddsAndDropsOnlyTheEnds) {
    const nlohmann::json p = Patch(Feed({"1", "2", "3"}), Feed({"2", "3", "4"}));
    ASSERT_EQ(p["set"].size(), 2u);  // post-4 and its text
    EXPECT_EQ(p["set"][0]["k"], "post-4");
    EXPECT_EQ(p["drop"], nlohmann::json({"post-1", "post-1/text"}));
    // main's children changed and the new article gets its own; nothing else moves.
    ASSERT_EQ(p["kids"].size(), 2u);
    std::map<std::string, nlohmann::json> kids;
    for (const auto& entry : p["kids"]) kids[entry[0]] = entry[1];
    EXPECT_EQ(kids["main"], nlohmann::json({"h1", "i:2", "post-2", "post-3", "post-4"}));
    EXPECT_EQ(kids["post-4"], nlohmann::json({"post-4/text"}));
}

TEST(AriaTree, AReorderIsAChildListWithoutCreates) {
    const nlohmann::json p = Patch(Feed({"1", "2"}), Feed({"2", "1"}));
    EXPECT_TRUE(p["set"].empty());
    EXPECT_TRUE(p["drop"].empty());
    ASSERT_EQ(p["kids"].size(), 1u);
}

TEST(AriaTree, DuplicateKeysKeepTheFirstAndTheirChildrenGoToTheEnclosingContainer) {
    AriaTree t;
    t.Open("main", "main");
    t.Leaf("i:1", "button", "Save");
    t.Leaf("i:1", "button", "Again");
    t.Open("main", "main");  // duplicate container
    t.Leaf("i:2", "button", "Inner");
    t.Close();
    t.Close();
    t.Leaf("i:3", "button", "After");
    ASSERT_EQ(t.nodes().size(), 4u);
    EXPECT_EQ(t.nodes()[1].name, "Save");
    EXPECT_EQ(t.nodes()[2].parent, 0);   // i:2 inside the first main
    EXPECT_EQ(t.nodes()[3].parent, -1);  // i:3 after main closed
    EXPECT_TRUE(t.Contains("i:2"));
    EXPECT_FALSE(t.Contains("i:4"));
}

TEST(AriaTree, ClearingEverythingDropsEveryNode) {
    const nlohmann::json p = Patch(Feed({"1"}), AriaTree());
    EXPECT_EQ(p["drop"].size(), 7u);
    ASSERT_EQ(p["kids"].size(), 1u);
    EXPECT_EQ(p["kids"][0][1], nlohmann::json::array());
}

}  // namespace
}  // namespace skyloom::ui
