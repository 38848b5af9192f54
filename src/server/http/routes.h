// Every HTTP route of the server, in one place (routes.cpp). Handlers are thin: they read the
// request, call a service, and write the service's value or Error.
#pragma once

#include <memory>
#include <string>

#include "http/http_types.h"
#include "http/worker_pool.h"
#include "services/ai_service.h"
#include "services/auth_service.h"
#include "services/group_service.h"
#include "services/media_service.h"
#include "services/notification_service.h"
#include "services/post_service.h"
#include "services/social_service.h"
#include "services/template_service.h"

namespace skyloom::server {

struct RouteContext {
    AuthService& auth;
    PostService& posts;
    MediaService& media;
    GroupService& groups;
    WorkerPool& workers;  // for argon2id work
    AiService& ai;
    WorkerPool& ai_workers;  // AI requests: one thread each for the whole (streamed) answer
    std::string site_dir;    // empty: no static site
    // Social (issue 5): portfolios, subscriptions, settings, templates, notifications.
    SocialService& social;
    TemplateService& templates;
    NotificationService& notifications;
    // --app-url: where shared-link pages (/p/ID, /u/NAME) send people into the app; empty: this
    // server's own site.
    std::string app_url{};
};

// One route, for files that build a group of them (ai_routes, preview_routes).
struct RouteSpec {
    restinio::http_method_id_t method;
    std::string path;
    RouteHandler handler;
};

[[nodiscard]] std::unique_ptr<Router> BuildRouter(std::shared_ptr<RouteContext> context);

}  // namespace skyloom::server
