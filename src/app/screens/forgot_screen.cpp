#include "screens/forgot_screen.h"

#include "imgui.h"
#include "screens/layout.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {

ForgotAction DrawForgotScreen(ForgotScreen& s, const ui::FontSet& fonts) {
    ForgotAction action = ForgotAction::None;
    const FormLayout layout = BeginFormPage(s.card_height);
    ui::BeginCard(layout.card_width, layout.padding);

    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Forgot your password?");
    ImGui::PopFont();
    ui::MutedText("Enter your account's email and we'll send you a code to choose a new one.");
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap));

    ui::TextFieldOptions email_options;
    email_options.hint = "ada@example.com";
    email_options.focus = s.focus_email;
    email_options.error = s.email_error;
    email_options.form = "forgot";
    email_options.type = "email";
    email_options.autocomplete = "email";
    email_options.enter_key_hint = "send";
    const bool submit = ui::TextField("email", "Email", &s.email, email_options);
    s.focus_email = false;
    if (ImGui::IsItemEdited()) s.email_error.clear();
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    if (FormSubmitRow(fonts, "Send code", s.error, s.request.in_progress(), submit))
        action = ForgotAction::Submit;

    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap));
    if (ui::Link("I already have a code")) action = ForgotAction::HaveCode;
    ImGui::Dummy(ImVec2(0, 2));
    if (ui::Link("Back to sign in")) action = ForgotAction::GoToSignIn;

    ui::EndCard();
    s.card_height = EndFormPage(layout);
    return action;
}

}  // namespace skyloom::app
