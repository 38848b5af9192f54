#include "screens/sign_in_screen.h"

#include <cmath>

#include "imgui.h"
#include "screens/layout.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {

SignInAction DrawSignInScreen(SignInScreen& s, const ui::FontSet& fonts) {
    SignInAction action = SignInAction::None;
    const FormLayout layout = BeginFormPage(s.card_height);
    ui::BeginCard(layout.card_width, layout.padding);

    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted("Welcome back");
    ImGui::PopFont();
    ui::MutedText("Sign in to see what the people you follow are making.");
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap));

    ui::TextFieldOptions login_options;
    login_options.hint = "ada or ada@example.com";
    login_options.focus = s.focus_login;
    login_options.error = s.login_error;
    login_options.name = "username";
    login_options.form = "sign-in";
    login_options.autocomplete = "username";
    login_options.input_mode = "email";  // letters plus @ and . on phones
    login_options.enter_key_hint = "next";
    bool submit = ui::TextField("login", "Username or email", &s.login, login_options);
    s.focus_login = false;
    if (ImGui::IsItemEdited()) s.login_error.clear();
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    ui::TextFieldOptions password_options;
    password_options.hint = "Your password";
    password_options.password = true;
    password_options.show_password = &s.show_password;
    password_options.error = s.password_error;
    password_options.form = "sign-in";
    password_options.autocomplete = "current-password";
    password_options.enter_key_hint = "go";
    submit |= ui::TextField("password", "Password", &s.password, password_options);

    // "Forgot password?" right-aligned under the field.
    ImGui::PushFont(fonts.small);
    const float forgot_w = ImGui::CalcTextSize("Forgot password?").x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ui::ContentWidth() - forgot_w);
    if (ui::Link("Forgot password?")) action = SignInAction::GoToForgot;
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap * 0.5f));

    if (FormSubmitRow(fonts, "Sign in", s.error, s.request.in_progress(), submit))
        action = SignInAction::Submit;

    ImGui::Dummy(ImVec2(0, ui::metric::kFieldGap));
    if (PromptWithLink("New to Skyloom?", "Sign up")) action = SignInAction::GoToSignUp;

    ui::EndCard();
    s.card_height = EndFormPage(layout);
    return action;
}

}  // namespace skyloom::app
