#include "screens/shortcuts_dialog.h"

#include <algorithm>

#include "bridge/bridge.h"
#include "imgui.h"
#include "ui/shortcuts.h"  // core
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {

bool DrawShortcutsDialog(const ui::FontSet& fonts) {
    constexpr const char* kId = "##shortcuts";
    if (!ImGui::IsPopupOpen(kId)) ImGui::OpenPopup(kId);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(380.0f, vp->Size.x - 32.0f), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(22, 20));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui::metric::kCardRounding);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoResize |
                                        ImGuiWindowFlags_NoSavedSettings;
    bool open = true;
    if (ImGui::BeginPopupModal(kId, nullptr, kFlags)) {
        bridge::Region dialog("dialog-shortcuts", "dialog", "Keyboard shortcuts", true);
        ImGui::PushFont(fonts.strong);
        ImGui::TextUnformatted("Keyboard shortcuts");
        ImGui::PopFont();
        bridge::Heading(2, "Keyboard shortcuts");
        ImGui::Dummy(ImVec2(0, 6));
        const float keys_w = 130.0f;
        for (const ui::ShortcutHelp& help : ui::ShortcutList()) {
            const float x = ImGui::GetCursorPosX();
            ImGui::PushFont(fonts.strong);
            ImGui::TextUnformatted(help.keys);
            ImGui::PopFont();
            ImGui::SameLine(x + keys_w);
            ui::MutedText(help.what);
            bridge::Text(std::string("shortcut:") + help.keys, "text",
                         std::string(help.keys) + ": " + help.what);
        }
        ImGui::Dummy(ImVec2(0, 8));
        ImGui::PushFont(fonts.strong);
        if (ui::SecondaryButton("Close", ImGui::GetContentRegionAvail().x) ||
            ImGui::IsKeyPressed(ImGuiKey_Escape, false))
            open = false;
        ImGui::PopFont();
        if (!open) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(3);
    return open;
}

}  // namespace skyloom::app
