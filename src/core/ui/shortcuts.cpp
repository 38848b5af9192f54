#include "ui/shortcuts.h"

namespace skyloom::ui {

const std::vector<ShortcutHelp>& ShortcutList() {
    static const std::vector<ShortcutHelp> list = {
        {"j", "Next post"},
        {"k", "Previous post"},
        {"Enter", "Open the focused post"},
        {"n", "New post"},
        {"m", "Make a meme"},
        {"g then h", "Home (Explore)"},
        {"g then n", "Notifications"},
        {"g then p", "My portfolio"},
        {"Tab / Shift+Tab", "Next / previous control"},
        {"Esc", "Close a dialog"},
        {"?", "This list"},
    };
    return list;
}

Shortcut ShortcutReader::Key(char32_t ch, double now_ms) {
    if (m_g_at >= 0) {
        const bool in_time = now_ms - m_g_at <= kChordMs;
        m_g_at = -1;
        if (in_time) {
            switch (ch) {
                case 'h':
                    return Shortcut::kGoHome;
                case 'n':
                    return Shortcut::kGoNotifications;
                case 'p':
                    return Shortcut::kGoPortfolio;
                default:
                    return Shortcut::kNone;  // "g x": nothing, as on other sites
            }
        }
    }
    switch (ch) {
        case 'j':
            return Shortcut::kNextPost;
        case 'k':
            return Shortcut::kPreviousPost;
        case 'n':
            return Shortcut::kNewPost;
        case 'm':
            return Shortcut::kMakeMeme;
        case '?':
            return Shortcut::kShowHelp;
        case 'g':
            m_g_at = now_ms;
            return Shortcut::kNone;
        default:
            return Shortcut::kNone;
    }
}

}  // namespace skyloom::ui
