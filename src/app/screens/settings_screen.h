// #/settings: email notifications on/off, "blur sensitive images" (issue 6), and the user's
// AI history (the server's inference log) with delete one / delete all. Each toggle saves at
// once and is disabled while its request is in flight; a failure puts the old value back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api/ai_history.h"  // core: Inference
#include "model/social.h"    // core: UserSettings
#include "screens/social_action.h"
#include "ui/request_status.h"  // core

namespace skyloom::ui {
struct FontSet;
}

namespace skyloom::app {

struct SettingsScreen {
    UserSettings settings;  // as shown (optimistic while a save is in flight)
    bool loaded = false;
    ui::RequestStatus load_request;
    ui::RequestStatus email_save;
    ui::RequestStatus blur_save;
    std::vector<Inference> history;
    std::string history_cursor;  // "" = no more pages
    bool history_loaded = false;
    ui::RequestStatus history_request;
    ui::RequestStatus delete_request;  // one entry or all
    std::string deleting_id;           // "" with delete_request in flight: all
};

[[nodiscard]] SocialAction DrawSettingsScreen(const SettingsScreen& screen,
                                              const ui::FontSet& fonts, int64_t now_wall_ms);

}  // namespace skyloom::app
