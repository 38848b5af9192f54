// Keyboard shortcuts: single keys, "g" chords and their time limit.
#include "ui/shortcuts.h"

#include <gtest/gtest.h>

namespace skyloom::ui {
namespace {

TEST(Shortcuts, SingleKeys) {
    ShortcutReader r;
    EXPECT_EQ(r.Key('j', 0), Shortcut::kNextPost);
    EXPECT_EQ(r.Key('k', 10), Shortcut::kPreviousPost);
    EXPECT_EQ(r.Key('n', 20), Shortcut::kNewPost);
    EXPECT_EQ(r.Key('m', 30), Shortcut::kMakeMeme);
    EXPECT_EQ(r.Key('?', 40), Shortcut::kShowHelp);
    EXPECT_EQ(r.Key('x', 50), Shortcut::kNone);
    EXPECT_EQ(r.Key('J', 60), Shortcut::kNone);  // Shift+J is not j
}

TEST(Shortcuts, GThenALetterGoesSomewhere) {
    ShortcutReader r;
    EXPECT_EQ(r.Key('g', 0), Shortcut::kNone);
    EXPECT_TRUE(r.waiting_for_chord());
    EXPECT_EQ(r.Key('n', 300), Shortcut::kGoNotifications);  // not "new post"
    EXPECT_FALSE(r.waiting_for_chord());
    EXPECT_EQ(r.Key('g', 400), Shortcut::kNone);
    EXPECT_EQ(r.Key('h', 500), Shortcut::kGoHome);
    EXPECT_EQ(r.Key('g', 600), Shortcut::kNone);
    EXPECT_EQ(r.Key('p', 700), Shortcut::kGoPortfolio);
}

TEST(Shortcuts, AChordTooSlowIsAPlainKey) {
    ShortcutReader r;
    EXPECT_EQ(r.Key('g', 0), Shortcut::kNone);
    EXPECT_EQ(r.Key('n', ShortcutReader::kChordMs + 1), Shortcut::kNewPost);
}

TEST(Shortcuts, GThenAnythingElseIsDropped) {
    ShortcutReader r;
    EXPECT_EQ(r.Key('g', 0), Shortcut::kNone);
    EXPECT_EQ(r.Key('j', 100), Shortcut::kNone);  // swallowed, as on other sites
    EXPECT_EQ(r.Key('j', 200), Shortcut::kNextPost);
}

TEST(Shortcuts, TheHelpListsEveryShortcut) {
    bool has_gn = false;
    for (const ShortcutHelp& h : ShortcutList()) has_gn |= std::string(h.keys) == "g then n";
    EXPECT_TRUE(has_gn);
    EXPECT_GE(ShortcutList().size(), 8u);
}

}  // namespace
}  // namespace skyloom::ui
