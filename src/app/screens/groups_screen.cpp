#include "screens/groups_screen.h"
#include "screens/join_card.h"

#include "bridge/bridge.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/fonts.h"
#include "ui/rich_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace skyloom::app {
namespace {

constexpr float kGap = 12.0f;

void DrawCreateForm(FeedScreen& s, float width, const ui::FontSet& fonts, FeedAction& action) {
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    const float pad = width < ui::metric::kCompactWidth ? 14.0f : 18.0f;
    ui::BeginCard(width, pad);
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted("Start a group");
    ImGui::PopFont();
    ui::MutedText("Groups collect posts on one topic, like Cats or Travel.");
    ImGui::Dummy(ImVec2(0, 4));
    ui::TextFieldOptions name_options;
    name_options.hint = "Cats";
    name_options.max_length = 64;
    name_options.autocapitalize = "words";
    name_options.spellcheck = true;
    name_options.enter_key_hint = "next";
    const bool enter = ui::TextField("##group-name", "Name", &s.new_group_name, name_options);
    ui::TextFieldOptions description_options;
    description_options.hint = "What the group is about";
    description_options.max_length = 280;
    description_options.autocapitalize = "sentences";
    description_options.spellcheck = true;
    description_options.enter_key_hint = "done";
    const bool enter2 = ui::TextField("##group-description", "Description",
                                      &s.new_group_description, description_options);
    if (!s.group_create_error.empty()) ui::ErrorNote(s.group_create_error, ui::ContentWidth());
    ImGui::Dummy(ImVec2(0, 2));
    ImGui::PushFont(fonts.strong);
    const bool valid = !s.new_group_name.empty();
    if (ui::PrimaryButton("Create group", 150.0f, s.group_create.in_progress(), valid) ||
        ((enter || enter2) && valid))
        action.kind = FeedActionKind::CreateGroup;
    ImGui::PopFont();
    ui::EndCard();
    ImGui::Dummy(ImVec2(width, kGap));
}

// One group as a clickable card row: name, description, owner.
void DrawGroupRow(const Group& g, float width, const ui::FontSet& fonts, FeedAction& action) {
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    ImGui::PushID(g.id.c_str());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float pad = 16.0f;
    ImGui::PushFont(fonts.body);
    const float line = ImGui::GetTextLineHeight();
    const float desc_h = g.description.empty()
                             ? 0.0f
                             : ui::TextBlockSize(g.description, fonts.body, width - pad * 2).y + 4;
    ImGui::PopFont();
    const float h = pad * 2 + line + desc_h + line;
    if (ImGui::InvisibleButton("##open", ImVec2(width, h))) {
        action.kind = FeedActionKind::OpenGroup;
        action.group_id = g.id;
    }
    bridge::Annotate(ImGui::GetItemID(), bridge::ItemKind::Link, g.name);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max = origin + ImVec2(width, h);
    dl->AddRectFilled(origin, max, hovered ? ui::color::kAccentSoft : ui::color::kSurface,
                      ui::metric::kCardRounding);
    dl->AddRect(origin, max, ui::color::kBorder, ui::metric::kCardRounding);
    dl->PushClipRect(origin, max, true);  // a long name stops at the card's edge
    ui::DrawTextBlock(dl, origin + ImVec2(pad, pad), g.name, fonts.strong, ui::color::kText, 0.0f);
    dl->PopClipRect();
    float y = origin.y + pad + line + 4;
    if (!g.description.empty()) {
        ui::DrawTextBlock(dl, ImVec2(origin.x + pad, y), g.description, fonts.body,
                          ui::color::kText, width - pad * 2);
        y += desc_h;
    }
    ImGui::PushFont(fonts.small);
    const std::string owner = g.owner.empty() ? "" : "by @" + g.owner;
    dl->AddText(ImVec2(origin.x + pad, y), ui::color::kTextMuted, owner.c_str());
    ImGui::PopFont();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(width, kGap * 0.5f));
}

}  // namespace

FeedAction DrawGroupsScreen(FeedScreen& s, bool member, const ui::FontSet& fonts) {
    FeedAction action;
    ImGui::Dummy(ImVec2(0, 16));
    const float width = FeedColumn();
    DrawSectionTabs(FeedSection::kGroups, width, action);
    if (member) {
        DrawCreateForm(s, width, fonts, action);
    } else {
        DrawJoinCard(width, fonts, "Start a group, post into one, follow the people you like.",
                     action);
        ImGui::Dummy(ImVec2(width, kGap));
    }
    if (s.groups_request.failed()) {
        if (StateCard(width, fonts, "Couldn't load groups", s.groups_request.error.message, "Retry",
                      false))
            action.kind = FeedActionKind::RetryGroups;
    } else if (s.groups.empty() && s.groups_request.in_progress()) {
        (void)StateCard(width, fonts, "Loading groups\xE2\x80\xA6", "", nullptr, true);
    } else if (s.groups.empty()) {
        (void)StateCard(width, fonts, "No groups yet", "Start the first one above.", nullptr,
                        false);
    }
    for (const Group& g : s.groups) DrawGroupRow(g, width, fonts, action);
    ImGui::Dummy(ImVec2(width, 32));
    return action;
}

void DrawGroupHeader(const FeedScreen& s, const std::string& user, float width,
                     const ui::FontSet& fonts, FeedAction& action) {
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    if (ui::Link("\xE2\x80\xB9 All groups")) action.kind = FeedActionKind::ShowGroups;
    ImGui::Dummy(ImVec2(0, 6));
    if (!s.group_info || s.group_info->id != s.group_id) {
        if (s.group_request.failed()) {
            if (StateCard(width, fonts, "Couldn't load this group", s.group_request.error.message,
                          "Retry", false))
                action.kind = FeedActionKind::RetryGroup;
        } else {
            (void)StateCard(width, fonts, "Loading the group\xE2\x80\xA6", "", nullptr, true);
        }
        ImGui::Dummy(ImVec2(width, kGap));
        return;
    }
    const Group& g = *s.group_info;
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) * 0.5f);
    ui::BeginCard(width, 18.0f);
    ImGui::PushFont(fonts.title);
    ui::TextWrappedAny(g.name, ui::color::kText);
    ImGui::PopFont();
    if (!g.description.empty()) ui::TextWrappedAny(g.description, ui::color::kText);
    if (!g.owner.empty()) ui::MutedText(("Started by @" + g.owner).c_str());
    if (g.owner == user) {
        if (s.group_delete.failed())
            ui::ErrorNote(s.group_delete.error.message, ui::ContentWidth());
        ImGui::PushStyleColor(ImGuiCol_Text, ui::color::kError);
        if (ui::Link("Delete group")) action.kind = FeedActionKind::DeleteGroup;
        ImGui::PopStyleColor();
    }
    ui::EndCard();
    ImGui::Dummy(ImVec2(width, kGap));
}

}  // namespace skyloom::app
