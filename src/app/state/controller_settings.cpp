// Controller: #/settings. Settings load at sign-in (the feed needs blur_sensitive) and again
// when the screen opens; each toggle saves alone (PATCH with one field) and shows its new value
// at once, putting the old one back if the save fails. The AI history pages like a feed.
#include <algorithm>

#include "platform/platform.h"
#include "state/controller.h"

namespace skyloom::app {

void Controller::LoadSettings() {
    SettingsScreen& s = m_state.settings;
    if (s.load_request.in_progress()) return;
    s.load_request.Start();
    m_state.requests_in_flight++;
    m_client.GetSettings([this](Result<UserSettings> result) {
        m_state.requests_in_flight--;
        SettingsScreen& settings = m_state.settings;
        if (!result) {
            FailRequest(settings.load_request, result.error());
            return;
        }
        settings.load_request.Succeed();
        // A toggle saved meanwhile wins over the older read.
        if (!settings.email_save.in_progress())
            settings.settings.email_notifications = result.value().email_notifications;
        if (!settings.blur_save.in_progress())
            settings.settings.blur_sensitive = result.value().blur_sensitive;
        settings.loaded = true;
        m_state.feed.blur_sensitive = settings.settings.blur_sensitive;
    });
}

void Controller::SaveSetting(bool email, bool value) {
    SettingsScreen& s = m_state.settings;
    ui::RequestStatus& status = email ? s.email_save : s.blur_save;
    if (status.in_progress() || !s.loaded) return;
    bool& field = email ? s.settings.email_notifications : s.settings.blur_sensitive;
    if (field == value) return;
    const bool previous = field;
    field = value;
    if (!email) m_state.feed.blur_sensitive = value;
    status.Start();
    api::SettingsPatch patch;
    if (email)
        patch.email_notifications = value;
    else
        patch.blur_sensitive = value;
    m_state.requests_in_flight++;
    m_client.UpdateSettings(patch, [this, email, previous](Result<UserSettings> result) {
        m_state.requests_in_flight--;
        SettingsScreen& settings = m_state.settings;
        ui::RequestStatus& saving = email ? settings.email_save : settings.blur_save;
        bool& shown =
            email ? settings.settings.email_notifications : settings.settings.blur_sensitive;
        if (!result) {
            shown = previous;
            if (!email) m_state.feed.blur_sensitive = previous;
            FailRequest(saving, result.error());
            return;
        }
        saving.Succeed();
        shown = email ? result.value().email_notifications : result.value().blur_sensitive;
        if (!email) m_state.feed.blur_sensitive = shown;
    });
}

void Controller::LoadHistory(bool more) {
    SettingsScreen& s = m_state.settings;
    if (s.history_request.in_progress() || (more && s.history_cursor.empty())) return;
    s.history_request.Start();
    api::AiHistoryQuery query;
    if (more) query.cursor = s.history_cursor;
    m_state.requests_in_flight++;
    m_client.ListAiHistory(query, [this, more](Result<InferencePage> result) {
        m_state.requests_in_flight--;
        SettingsScreen& settings = m_state.settings;
        if (!result) {
            FailRequest(settings.history_request, result.error());
            return;
        }
        settings.history_request.Succeed();
        if (!more) settings.history.clear();
        for (Inference& entry : result.value().items) settings.history.push_back(std::move(entry));
        settings.history_cursor = result.value().next_cursor;
        settings.history_loaded = true;
    });
}

void Controller::DeleteHistory(const std::string& id) {
    SettingsScreen& s = m_state.settings;
    if (s.delete_request.in_progress()) return;
    s.delete_request.Start();
    s.deleting_id = id;
    m_state.requests_in_flight++;
    auto finish = [this, id](const Error* error) {
        m_state.requests_in_flight--;
        SettingsScreen& settings = m_state.settings;
        settings.deleting_id.clear();
        // 404: already gone (another tab); the list drops it all the same.
        if (error != nullptr && error->http_status != 404) {
            FailRequest(settings.delete_request, *error);
            return;
        }
        settings.delete_request.Succeed();
        if (id.empty()) {
            settings.history.clear();
            settings.history_cursor.clear();
            ShowToast("info", "Your AI history is deleted.");
        } else {
            std::erase_if(settings.history, [&](const Inference& e) { return e.id == id; });
        }
    };
    if (id.empty()) {
        m_client.DeleteAiHistory(
            [finish](Result<int64_t> result) { finish(result ? nullptr : &result.error()); });
    } else {
        m_client.DeleteAiHistoryEntry(
            id, [finish](Result<Unit> result) { finish(result ? nullptr : &result.error()); });
    }
}

}  // namespace skyloom::app
