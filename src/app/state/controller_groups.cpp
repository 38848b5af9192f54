// Controller: groups. The list feeds both #/groups and the composer's picker; a group's page
// loads the group and its own feed; the owner can delete an empty group.
#include <algorithm>

#include "state/controller.h"

namespace skyloom::app {

void Controller::LoadGroups() {
    FeedScreen& f = m_state.feed;
    if (f.groups_request.in_progress()) return;
    f.groups_request.Start();
    m_state.requests_in_flight++;
    m_client.ListGroups([this](Result<std::vector<Group>> result) {
        m_state.requests_in_flight--;
        FeedScreen& feed = m_state.feed;
        if (!result) {
            FailRequest(feed.groups_request, result.error());
            return;
        }
        feed.groups_request.Succeed();
        feed.groups = std::move(result.value());
        // The picker shows the chosen group's current name (or drops a deleted group).
        Composer& c = feed.composer;
        if (!c.group_id.empty()) {
            auto it = std::find_if(feed.groups.begin(), feed.groups.end(),
                                   [&](const Group& g) { return g.id == c.group_id; });
            if (it == feed.groups.end())
                c.group_id.clear(), c.group_name.clear();
            else
                c.group_name = it->name;
        }
    });
}

void Controller::LoadGroup(const std::string& id) {
    FeedScreen& f = m_state.feed;
    if (f.group_id != id) {
        f.group_id = id;
        f.group.Reset();
        f.group_info.reset();
        f.group_delete.Reset();
    }
    f.group_request.Start();
    m_state.requests_in_flight++;
    m_client.GetGroup(id, [this, id](Result<Group> result) {
        m_state.requests_in_flight--;
        FeedScreen& feed = m_state.feed;
        if (feed.group_id != id) return;  // the reader moved on
        if (!result) {
            FailRequest(feed.group_request, result.error());
            return;
        }
        feed.group_request.Succeed();
        feed.group_info = result.value();
        // Posting from a group's page posts into it (the picker can still change that).
        SelectGroup(id);
    });
}

void Controller::SelectGroup(const std::string& id) {
    Composer& c = m_state.feed.composer;
    c.group_id = id;
    c.group_name.clear();
    if (id.empty()) return;
    for (const Group& g : m_state.feed.groups)
        if (g.id == id) c.group_name = g.name;
    const auto& info = m_state.feed.group_info;
    if (c.group_name.empty() && info && info->id == id) c.group_name = info->name;
}

void Controller::CreateGroup() {
    FeedScreen& f = m_state.feed;
    if (f.group_create.in_progress()) return;
    if (f.new_group_name.empty()) {
        f.group_create_error = "Give the group a name.";
        return;
    }
    f.group_create_error.clear();
    f.group_create.Start();
    m_state.requests_in_flight++;
    m_client.CreateGroup(f.new_group_name, f.new_group_description, [this](Result<Group> result) {
        m_state.requests_in_flight--;
        FeedScreen& feed = m_state.feed;
        if (!result) {
            if (HandleSessionLost(result.error())) return;
            feed.group_create.Fail(result.error());
            feed.group_create_error = HumanMessage(result.error());  // the form keeps its text
            return;
        }
        feed.group_create.Succeed();
        feed.new_group_name.clear();
        feed.new_group_description.clear();
        feed.groups.insert(feed.groups.begin(), result.value());
        ShowToast("success", "Group \xE2\x80\x9C" + result.value().name + "\xE2\x80\x9D created.");
        Navigate({ui::Screen::kGroup, result.value().id});
    });
}

void Controller::DeleteGroup() {
    FeedScreen& f = m_state.feed;
    if (f.group_delete.in_progress() || !f.group_info) return;
    const std::string id = f.group_info->id;
    f.group_delete.Start();
    m_state.requests_in_flight++;
    m_client.DeleteGroup(id, [this, id](Result<Unit> result) {
        m_state.requests_in_flight--;
        FeedScreen& feed = m_state.feed;
        if (!result && result.error().http_status != 404) {
            FailRequest(feed.group_delete, result.error());
            return;
        }
        feed.group_delete.Succeed();
        std::erase_if(feed.groups, [&](const Group& g) { return g.id == id; });
        if (feed.composer.group_id == id) SelectGroup("");
        ShowToast("info", "Group deleted.");
        if (m_state.location.screen == ui::Screen::kGroup) Navigate({ui::Screen::kGroups, {}});
    });
}

}  // namespace skyloom::app
