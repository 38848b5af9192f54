#include "screens/reset_screen.h"

#include "imgui.h"
#include "screens/layout.h"
#include "screens/verify_screen.h"  // ExtractCode
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "validation/validation.h"  // core

namespace skyloom::app {

ResetAction DrawResetScreen(ResetScreen& s, const ui::FontSet& fonts) {
    ResetAction action = ResetAction::None;
    const FormLayout layout = BeginFormPage(s.card_height);
    ui::BeginCard(layout.card_width, layout.padding);

    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Choose a new password");
    ImGui::PopFont();
    ui::MutedText("Enter the 6-digit code we emailed you and your new password.");
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap));
    if (!s.notice.empty()) {
        ui::SuccessNote(s.notice, ui::ContentWidth());
        ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));
    }

    ui::TextFieldOptions email_options;
    email_options.hint = "ada@example.com";
    email_options.error = s.email_error;
    email_options.form = "reset";
    email_options.type = "email";
    email_options.autocomplete = "email";
    email_options.enter_key_hint = "next";
    bool submit = ui::TextField("email", "Email", &s.email, email_options);
    if (ImGui::IsItemEdited()) s.email_error.clear();
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    ui::TextFieldOptions code_options;
    code_options.hint = "123456";
    code_options.focus = s.focus_code && !s.email.empty();
    code_options.error = s.code_error;
    code_options.form = "reset";
    code_options.autocomplete = "one-time-code";
    code_options.input_mode = "numeric";
    code_options.enter_key_hint = "next";
    submit |= ui::TextField("code", "Reset code", &s.code, code_options);
    s.focus_code = false;
    if (ImGui::IsItemEdited()) {
        s.code = ExtractCode(s.code);
        s.code_error.clear();
    }
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    ui::TextFieldOptions password_options;
    password_options.hint = "At least 10 characters";
    password_options.password = true;
    password_options.show_password = &s.show_password;
    password_options.error = s.password_error;
    password_options.form = "reset";
    password_options.autocomplete = "new-password";
    password_options.enter_key_hint = "go";
    submit |= ui::TextField("password", "New password", &s.password, password_options);
    if (ImGui::IsItemEdited()) s.password_error.clear();
    ImGui::PushFont(fonts.small);
    std::vector<RuleStatus> rules = CheckPassword(s.password, "");
    std::erase_if(rules,
                  [](const RuleStatus& r) { return r.id == "not_username"; });  // unknown here
    ui::Checklist(rules, !s.password.empty());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    if (FormSubmitRow(fonts, "Set new password", s.error, s.request.in_progress(), submit))
        action = ResetAction::Submit;

    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap));
    if (ui::Link("Send me a new code")) action = ResetAction::GoToForgot;
    ImGui::Dummy(ImVec2(0, 2));
    if (ui::Link("Back to sign in")) action = ResetAction::GoToSignIn;

    ui::EndCard();
    s.card_height = EndFormPage(layout);
    return action;
}

}  // namespace skyloom::app
