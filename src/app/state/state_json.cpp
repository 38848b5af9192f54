#include <nlohmann/json.hpp>

#include "state/app_state.h"

namespace skyloom::app {

std::string RouteName(const ui::Route& route) {
    std::string hash = ui::FormatRoute(route);  // "#/post/42"
    const size_t start = hash.find('/') + 1;
    return hash.substr(start, hash.find('/', start) - start);
}

namespace {

// Inline messages on the current screen count as messages the user sees now.
std::vector<std::pair<const char*, const std::string*>> InlineMessages(const AppState& s) {
    switch (s.location.screen) {
        case ui::Screen::kLogin:
            return {{"error", &s.sign_in.login_error},
                    {"error", &s.sign_in.password_error},
                    {"error", &s.sign_in.error}};
        case ui::Screen::kSignup:
            return {{"error", &s.sign_up.username_error},
                    {"error", &s.sign_up.email_error},
                    {"error", &s.sign_up.password_error},
                    {"error", &s.sign_up.error}};
        case ui::Screen::kVerify:
            return {{"error", &s.verify.username_error},
                    {"error", &s.verify.code_error},
                    {"success", &s.verify.notice}};
        case ui::Screen::kForgot:
            return {{"error", &s.forgot.email_error}, {"error", &s.forgot.error}};
        case ui::Screen::kReset:
            return {{"success", &s.reset.notice},
                    {"error", &s.reset.email_error},
                    {"error", &s.reset.code_error},
                    {"error", &s.reset.password_error},
                    {"error", &s.reset.error}};
        case ui::Screen::kFeed:
        case ui::Screen::kMe:
        case ui::Screen::kPost:
        case ui::Screen::kFollowing:
            return {{"error", &s.feed.composer.error},
                    {"error", &s.feed.composer.attachment.error},
                    {"error", &s.feed.composer.autofill.request.error.message}};
        case ui::Screen::kGroup:
            return {{"error", &s.feed.composer.error},
                    {"error", &s.feed.composer.attachment.error},
                    {"error", &s.feed.group_request.error.message},
                    {"error", &s.feed.group_delete.error.message}};
        case ui::Screen::kGroups:
            return {{"error", &s.feed.group_create_error},
                    {"error", &s.feed.groups_request.error.message}};
        case ui::Screen::kChat:
            return {{"error", &s.chat.history.error.message},
                    {"error", &s.chat.send.error.message}};
        case ui::Screen::kMemeNew:
        case ui::Screen::kMemeRemix:
            return {{"error", &s.meme.background.error.message},
                    {"error", &s.meme.templates_request.error.message},
                    {"error", &s.meme.post.error.message}};
        case ui::Screen::kUser:
            return {{"error", &s.portfolio.profile_request.error.message},
                    {"error", &s.portfolio.subscribe_request.error.message},
                    {"error", &s.portfolio.posts.status().error.message}};
        case ui::Screen::kNotifications:
            return {{"error", &s.notifications.list_request.error.message},
                    {"error", &s.notifications.more_request.error.message},
                    {"error", &s.notifications.mark_request.error.message}};
        case ui::Screen::kSettings:
            return {{"error", &s.settings.load_request.error.message},
                    {"error", &s.settings.email_save.error.message},
                    {"error", &s.settings.blur_save.error.message},
                    {"error", &s.settings.history_request.error.message},
                    {"error", &s.settings.delete_request.error.message}};
    }
    return {};
}

}  // namespace

namespace {

const char* PhaseName(Attachment::Phase phase) {
    switch (phase) {
        case Attachment::Phase::kNone:
            return "none";
        case Attachment::Phase::kProcessing:
            return "processing";
        case Attachment::Phase::kUploading:
            return "uploading";
        case Attachment::Phase::kReady:
            return "ready";
        case Attachment::Phase::kFailed:
            return "failed";
    }
    return "none";
}

nlohmann::json LabelsJson(const std::vector<MediaLabel>& labels) {
    nlohmann::json out = nlohmann::json::array();
    for (const MediaLabel& l : labels)
        out.push_back({{"label", l.label}, {"probability", l.probability}});
    return out;
}

nlohmann::json MediaJson(const MediaRef& m) {
    return {{"id", m.id},
            {"url", m.url},
            {"width", m.width},
            {"height", m.height},
            {"labels", LabelsJson(m.labels)},
            {"alt", m.alt}};
}

// ---- the meme editor (issue 5): its spec, selection, canvas rectangle and request states ----
const char* RequestName(const ui::RequestStatus& s) {
    switch (s.state) {
        case ui::RequestState::kNotAttempted:
            return "idle";
        case ui::RequestState::kInProgress:
            return "busy";
        case ui::RequestState::kFailed:
            return "failed";
        case ui::RequestState::kSucceeded:
            break;
    }
    return "done";
}

nlohmann::json MemeEditorJson(const MemeEditorScreen& m) {
    const meme::EditState& edit = m.history.Current();
    nlohmann::json templates = nlohmann::json::array();
    for (const MemeTemplate& t : m.templates)
        templates.push_back({{"id", t.id}, {"name", t.name}, {"url", t.media.url}});
    nlohmann::json mine = nlohmann::json::array();
    for (const MediaRef& r : m.my_images) mine.push_back(r.id);
    return {
        {"labels", LabelsJson(m.labels)},
        {"remix_of", m.remix_of},
        {"spec", ToJson(edit.spec)},
        {"selected", edit.selected},
        {"can_undo", m.history.CanUndo()},
        {"can_redo", m.history.CanRedo()},
        {"background",
         {{"state", RequestName(m.background)},
          {"error", m.background.error.message},
          {"ready", m.background_texture != 0},
          {"width", m.background_width},
          {"height", m.background_height}}},
        {"canvas", {{"x", m.canvas_x}, {"y", m.canvas_y}, {"w", m.canvas_w}, {"h", m.canvas_h}}},
        {"templates", std::move(templates)},
        {"templates_state", RequestName(m.templates_request)},
        {"layers", {{"renders", m.layer_renders}, {"last_ms", m.last_layer_ms}}},
        {"my_images", std::move(mine)},
        {"choosing_background", m.choosing_background},
        {"post",
         {{"state", RequestName(m.post)},
          {"error", m.post.error.message},
          {"progress", m.post_progress},
          {"stage", m.post_stage},
          {"posted_id", m.posted_id}}}};
}

}  // namespace

namespace {

// Issues 5/6: the portfolio, the bell and its list, settings and AI history.
void AddSocialJson(const AppState& state, nlohmann::json& j) {
    const PortfolioScreen& p = state.portfolio;
    nlohmann::json tiles = nlohmann::json::array();
    for (const Post& post : p.posts.posts())
        tiles.push_back({{"id", post.id},
                         {"has_image", post.media.has_value()},
                         {"meme", post.meme.has_value()},
                         {"sensitive", post.sensitive}});
    j["profile"] = {{"username", p.username},
                    {"loaded", p.profile.has_value()},
                    {"subscribing", p.subscribe_request.in_progress()},
                    {"posts", std::move(tiles)},
                    {"last_visible", p.last_visible}};
    if (p.profile) {
        j["profile"]["post_count"] = p.profile->post_count;
        j["profile"]["meme_count"] = p.profile->meme_count;
        j["profile"]["subscriber_count"] = p.profile->subscriber_count;
        j["profile"]["subscribed"] = p.profile->subscribed;
    }
    const NotificationsScreen& n = state.notifications;
    nlohmann::json items = nlohmann::json::array();
    for (const Notification& item : n.items)
        items.push_back({{"id", item.id},
                         {"kind", item.kind},
                         {"actor", item.actor},
                         {"post_id", item.post_id},
                         {"text", item.text},
                         {"read", item.read}});
    j["notifications"] = {{"unread", n.unread},
                          {"loaded", n.loaded_once},
                          {"polling", n.list_request.in_progress()},
                          {"polls", n.polls},
                          {"marking", n.mark_request.in_progress()},
                          {"items", std::move(items)}};
    const SettingsScreen& s = state.settings;
    nlohmann::json history = nlohmann::json::array();
    for (const Inference& e : s.history)
        history.push_back({{"id", e.id}, {"kind", e.kind}, {"input", e.input}});
    j["settings"] = {{"loaded", s.loaded},
                     {"email_notifications", s.settings.email_notifications},
                     {"blur_sensitive", s.settings.blur_sensitive},
                     {"saving", s.email_save.in_progress() || s.blur_save.in_progress()},
                     {"history_loaded", s.history_loaded},
                     {"history", std::move(history)},
                     {"deleting", s.delete_request.in_progress()}};
}

}  // namespace

std::string StateJson(const AppState& state, const ImageStats& images) {
    nlohmann::json j;
    j["route"] = RouteName(state.location);
    j["location_param"] = state.location.param;  // the post id on #/post/ID, the name on #/u/NAME
    j["user"] = state.user ? nlohmann::json(*state.user) : nlohmann::json(nullptr);
    j["busy"] = state.requests_in_flight;
    nlohmann::json toasts = nlohmann::json::array();
    for (const Toast& t : state.toasts) toasts.push_back({{"kind", t.kind}, {"text", t.text}});
    for (const auto& [kind, text] : InlineMessages(state))
        if (!text->empty()) toasts.push_back({{"kind", kind}, {"text", *text}});
    const ui::FeedModel& model = state.feed.Model(state.feed_tab());
    if (model.status().failed())
        toasts.push_back({{"kind", "error"}, {"text", model.status().error.message}});
    j["toasts"] = std::move(toasts);

    const bool me = state.feed_tab() == FeedTab::kMe;
    nlohmann::json posts = nlohmann::json::array();
    for (const Post& p : model.posts()) {
        nlohmann::json post = {{"id", p.id},
                               {"author", p.author.username},
                               {"text", p.text},
                               {"has_image", p.media.has_value()},
                               {"sensitive", p.sensitive},
                               {"revealed", state.feed.revealed.count(p.id) > 0}};
        if (p.media) post["media"] = MediaJson(*p.media);
        if (p.group) post["group"] = {{"id", p.group->id}, {"name", p.group->name}};
        if (p.meme) post["meme"] = ToJson(*p.meme);
        posts.push_back(std::move(post));
    }
    const FeedTab tab = state.feed_tab();
    j["feed"] = {{"tab", tab == FeedTab::kGroup       ? "group"
                         : tab == FeedTab::kFollowing ? "following"
                         : me                         ? "me"
                                                      : "explore"},
                 {"blur_sensitive", state.feed.blur_sensitive},
                 {"posts", std::move(posts)},
                 {"loading", model.status().in_progress()},
                 {"reached_end", model.reached_end()},
                 {"last_visible_row", state.feed.last_visible_row}};
    const Composer& c = state.feed.composer;
    const Attachment& a = c.attachment;
    j["composer"] = {
        {"draft", c.draft},
        {"busy", c.request.in_progress()},
        {"group_id", c.group_id},
        {"image",
         {{"phase", PhaseName(a.phase)},
          {"file_name", a.file_name},
          {"original_bytes", a.original_bytes},
          {"processed_bytes", a.processed_bytes},
          {"width", a.width},
          {"height", a.height},
          {"progress", a.progress},
          {"stage", a.stage},
          {"error", a.error},
          {"preview", a.preview_texture != 0},
          {"media_id", a.media ? a.media->id : ""},
          {"local_labels", LabelsJson(a.local_labels)},
          {"labels_ms", a.labels_ms},
          {"labels_error", a.labels_error},
          {"alt_text", a.alt_text},
          {"overlay", a.overlay},
          {"server_labels", LabelsJson(a.media ? a.media->labels : std::vector<MediaLabel>{})}}}};
    j["composer"]["autofill"] = {{"streaming", c.autofill.request.in_progress()},
                                 {"ghost", c.autofill.visible(c.draft) ? c.autofill.ghost : ""},
                                 {"error", c.autofill.request.error.message}};
    j["viewer"] = state.feed.viewer ? MediaJson(*state.feed.viewer) : nlohmann::json(nullptr);
    j["dragging_file"] = state.feed.dragging_file;
    nlohmann::json groups = nlohmann::json::array();
    for (const Group& g : state.feed.groups)
        groups.push_back({{"id", g.id}, {"name", g.name}, {"owner", g.owner}});
    j["groups"] = std::move(groups);
    j["group"] = state.feed.group_info ? nlohmann::json{{"id", state.feed.group_info->id},
                                                        {"name", state.feed.group_info->name}}
                                       : nlohmann::json(nullptr);
    j["images"] = {{"used_bytes", images.used_bytes}, {"budget_bytes", images.budget_bytes},
                   {"ready", images.ready},           {"loading", images.loading},
                   {"failed", images.failed},         {"placeholders", images.placeholders}};
    j["verify"] = {{"code", state.verify.code}, {"resend_at_ms", state.verify.resend_at_ms}};
    nlohmann::json chat_messages = nlohmann::json::array();
    for (const ChatMessage& m : state.chat.messages)
        chat_messages.push_back({{"id", m.id}, {"role", m.role}, {"content", m.content}});
    j["chat"] = {{"persona", state.chat.persona.name},
                 {"messages", std::move(chat_messages)},
                 {"loaded", state.chat.history.state == ui::RequestState::kSucceeded},
                 {"streaming", state.chat.send.in_progress()},
                 {"sending", state.chat.sending},
                 {"reply", state.chat.reply},
                 {"draft", state.chat.draft}};
    j["meme"] = MemeEditorJson(state.meme);
    AddSocialJson(state, j);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace skyloom::app
