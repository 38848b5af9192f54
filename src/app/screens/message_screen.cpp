#include "screens/message_screen.h"

#include "imgui.h"
#include "screens/layout.h"
#include "ui/fonts.h"
#include "ui/widgets.h"

namespace skyloom::app {

bool DrawMessageScreen(MessageScreen& screen, const ui::FontSet& fonts, const char* title,
                       const std::string& message, const char* action_label) {
    const FormLayout layout = BeginFormPage(screen.card_height);
    ui::BeginCard(layout.card_width, layout.padding);
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    ui::MutedText(message.c_str());
    ImGui::Dummy(ImVec2(0, 8));
    const bool clicked = action_label[0] != '\0' && ui::Link(action_label);
    ui::EndCard();
    screen.card_height = EndFormPage(layout);
    return clicked;
}

}  // namespace skyloom::app
