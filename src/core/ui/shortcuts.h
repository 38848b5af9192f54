// Keyboard shortcuts in the style of social sites, read from keys typed outside any text field:
// j / k next / previous post, n new post, m make a meme, g then h / n / p home, notifications,
// my portfolio, ? the list of shortcuts. A "g" waits kChordMs for its second key.
#pragma once

#include <vector>

namespace skyloom::ui {

enum class Shortcut {
    kNone,
    kNextPost,
    kPreviousPost,
    kNewPost,
    kMakeMeme,
    kGoHome,
    kGoNotifications,
    kGoPortfolio,
    kShowHelp,
};

struct ShortcutHelp {
    const char* keys;  // as shown: "g then n"
    const char* what;
};
// Every shortcut, in the order the help lists them.
[[nodiscard]] const std::vector<ShortcutHelp>& ShortcutList();

class ShortcutReader {
  public:
    static constexpr double kChordMs = 1500;
    // One typed character (the key's text after the layout: 'j', '?'), typed at `now_ms`, with
    // no Ctrl, Alt or Meta held. Returns the shortcut it completes, if any.
    Shortcut Key(char32_t ch, double now_ms);
    [[nodiscard]] bool waiting_for_chord() const { return m_g_at >= 0; }

  private:
    double m_g_at = -1;  // when "g" was typed; -1: no chord pending
};

}  // namespace skyloom::ui
