#include "screens/sign_up_screen.h"

#include <cmath>

#include "imgui.h"
#include "screens/layout.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "validation/validation.h"  // core

namespace skyloom::app {

SignUpAction DrawSignUpScreen(SignUpScreen& s, const ui::FontSet& fonts) {
    SignUpAction action = SignUpAction::None;
    const FormLayout layout = BeginFormPage(s.card_height);
    ui::BeginCard(layout.card_width, layout.padding);

    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Create your account");
    ImGui::PopFont();
    ui::MutedText("Post, make memes and follow the people you like.");
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap));

    ui::TextFieldOptions username_options;
    username_options.hint = "ada_lovelace";
    username_options.focus = s.focus_username;
    username_options.error = s.username_error;
    username_options.form = "sign-up";
    username_options.autocomplete = "username";
    username_options.enter_key_hint = "next";
    bool submit = ui::TextField("username", "Username", &s.username, username_options);
    s.focus_username = false;
    if (ImGui::IsItemEdited()) s.username_error.clear();
    if (!s.username.empty() && !IsValidUsername(s.username)) {
        ImGui::PushFont(fonts.small);
        ui::Checklist(CheckUsername(s.username), true);
        ImGui::PopFont();
    }
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    ui::TextFieldOptions email_options;
    email_options.hint = "ada@example.com";
    email_options.error = s.email_error;
    email_options.form = "sign-up";
    email_options.type = "email";
    email_options.autocomplete = "email";
    email_options.enter_key_hint = "next";
    submit |= ui::TextField("email", "Email", &s.email, email_options);
    if (ImGui::IsItemEdited()) s.email_error.clear();
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    ui::TextFieldOptions password_options;
    password_options.hint = "At least 10 characters";
    password_options.password = true;
    password_options.show_password = &s.show_password;
    password_options.error = s.password_error;
    password_options.form = "sign-up";
    password_options.autocomplete = "new-password";
    password_options.enter_key_hint = "go";
    submit |= ui::TextField("password", "Password", &s.password, password_options);
    if (ImGui::IsItemEdited()) s.password_error.clear();
    ImGui::PushFont(fonts.small);
    ui::Checklist(CheckPassword(s.password, s.username), !s.password.empty());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    if (FormSubmitRow(fonts, "Create account", s.error, s.request.in_progress(), submit))
        action = SignUpAction::Submit;

    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap));
    if (PromptWithLink("Already have an account?", "Sign in")) action = SignUpAction::GoToSignIn;

    ui::EndCard();
    s.card_height = EndFormPage(layout);
    return action;
}

}  // namespace skyloom::app
