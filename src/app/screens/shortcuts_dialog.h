// The list of keyboard shortcuts ("?"): a dialog over the page; Esc or Close closes it.
#pragma once

#include "ui/fonts.h"

namespace skyloom::app {

// Draws the dialog while `open`; returns false once the reader closed it.
[[nodiscard]] bool DrawShortcutsDialog(const ui::FontSet& fonts);

}  // namespace skyloom::app
