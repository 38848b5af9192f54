#include "screens/verify_screen.h"

#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"
#include "screens/layout.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {

VerifyAction DrawVerifyScreen(VerifyScreen& s, const ui::FontSet& fonts, double now_ms) {
    VerifyAction action = VerifyAction::None;
    const FormLayout layout = BeginFormPage(s.card_height);
    ui::BeginCard(layout.card_width, layout.padding);

    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Check your email");
    ImGui::PopFont();
    const std::string to = s.email.empty() ? std::string("your email") : s.email;
    ui::MutedText(("We sent a 6-digit code to " + to + ". Enter it or paste it here.").c_str());
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap));

    bool submit = false;
    const bool ask_username = s.username.empty() || !s.username_error.empty();
    if (ask_username) {
        ui::TextFieldOptions username_options;
        username_options.hint = "ada_lovelace";
        username_options.error = s.username_error;
        username_options.form = "verify";
        username_options.autocomplete = "username";
        username_options.enter_key_hint = "next";
        submit |= ui::TextField("username", "Username", &s.username, username_options);
        if (ImGui::IsItemEdited()) s.username_error.clear();
        ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));
    }

    // A paste already filled the code; keep ImGui's active edit buffer from pasting it again.
    if (s.pasted) {
        ImGui::ClearActiveID();
        s.pasted = false;
    }
    ui::TextFieldOptions code_options;
    code_options.hint = "123456";
    code_options.focus = s.focus_code && !ask_username;
    code_options.error = s.code_error;
    code_options.form = "verify";
    code_options.autocomplete = "one-time-code";
    code_options.input_mode = "numeric";
    code_options.enter_key_hint = "go";
    submit |= ui::TextField("code", "Verification code", &s.code, code_options);
    s.focus_code = false;
    if (ImGui::IsItemEdited()) {
        s.code = ExtractCode(s.code);
        s.code_error.clear();
    }
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    if (!s.notice.empty()) {
        ui::SuccessNote(s.notice, ui::ContentWidth());
        ImGui::Dummy(ImVec2(0, 4));
    }
    ImGui::PushFont(fonts.strong);
    if (ui::PrimaryButton("Verify", 0.0f, s.request.in_progress()) ||
        (submit && !s.request.in_progress()))
        action = VerifyAction::Submit;
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    // Resend, or the countdown until it is allowed.
    const double wait_ms = s.resend_at_ms - now_ms;
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kTextMuted);
    ImGui::TextUnformatted("Didn't get it?");
    ImGui::PopStyleColor();
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemSpacing.x * 0.5f);
    if (s.resend.in_progress()) {
        ui::MutedText("Sending\xE2\x80\xA6");
    } else if (wait_ms > 0) {
        const int seconds = static_cast<int>(std::ceil(wait_ms / 1000.0));
        const std::string text = "Resend code in " + std::to_string(seconds) + "s";
        ui::MutedText(text.c_str());
    } else if (ui::Link("Resend code")) {
        action = VerifyAction::Resend;
    }

    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));
    if (ui::Link("Back to sign in")) action = VerifyAction::GoToSignIn;

    ui::EndCard();
    s.card_height = EndFormPage(layout);
    return action;
}

}  // namespace skyloom::app
