// The meme editor's background gallery (issue 5): template thumbnails with a name search, an
// upload button (file chooser; drop and paste work anywhere on the editor), and my images.
// Drawn in the editor's main area until a background is picked and after "Change background".
#pragma once

#include "imgui.h"
#include "screens/meme_editor.h"

namespace skyloom::app {

// Draws the gallery into the origin/size rectangle (scrolls inside it); picks go to `action`.
void DrawMemeGallery(MemeEditorScreen& s, const ui::FontSet& fonts, ImVec2 origin, ImVec2 size,
                     MemeEditorAction& action);

}  // namespace skyloom::app
