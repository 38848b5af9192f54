// [SECTION] Index
//   Helpers: guarded handlers, route table with 405s, query parsing
//   Routes:  /api/openapi.json, /api/v1/auth/*, /api/v1/me, /api/v1/posts*, /api/v1/media*,
//            /api/v1/groups*; /api/v1/ai/* come from http/ai_routes.cpp
//   Social routes (issue 5): /api/v1/users/*, /api/v1/templates, /api/v1/notifications*,
//            /api/v1/me/settings
//   Shared links: /p/:id, /u/:name (HTML pages with preview tags) from http/preview_routes.cpp
//   Fallback: static site or JSON 404
#include "http/routes.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include "http/ai_routes.h"
#include "http/json_body.h"
#include "http/media_response.h"
#include "http/preview_routes.h"
#include "http/request_parsing.h"
#include "http/static_files.h"
#include "services/errors.h"

namespace skyloom::server {

// Generated from api/openapi.json.
const std::vector<std::pair<std::string, std::string>>& EmbeddedApiFiles();

namespace {

using Handler = RouteHandler;

Error InternalError() {
    return Error{"internal_error", "Something went wrong on our side; please try again", 500};
}

// Any exception escaping a handler is a bug or an environment fault: log it, answer 500 JSON,
// keep serving.
Handler Guard(Handler handler) {
    return [handler = std::move(handler)](const RequestHandle& request, RouteParams params) {
        try {
            return handler(request, std::move(params));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "error: %s %s: %s\n", request->header().method().c_str(),
                         std::string(request->header().path()).c_str(), e.what());
            return SendError(request, InternalError());
        }
    };
}

// Runs slow work on the worker pool and answers from there.
HandlerStatus Offload(RouteContext& ctx, const RequestHandle& request, std::function<void()> work) {
    ctx.workers.Post([request, work = std::move(work)] {
        try {
            work();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "error: %s: %s\n", std::string(request->header().path()).c_str(),
                         e.what());
            SendError(request, InternalError());
        }
    });
    return restinio::request_accepted();
}

template <typename T, typename ToJsonFn>
HandlerStatus SendResult(const RequestHandle& request, int status, const Result<T>& result,
                         ToJsonFn to_json) {
    if (!result) return SendError(request, result.error());
    return SendJson(request, status, DumpJson(to_json(result.value())));
}

// Collects routes so each path also answers 405 (with Allow) for methods it does not serve.
class RouteTable {
  public:
    explicit RouteTable(Router& router) : m_router(router) {}
    void Add(restinio::http_method_id_t method, const std::string& path, Handler handler) {
        m_router.add_handler(method, path, Guard(std::move(handler)));
        m_methods[path].push_back(method);
    }
    // Every path answers CORS preflights (OPTIONS) for the methods it serves.
    void AddPreflightHandlers() {
        for (auto& [path, methods] : m_methods) {
            std::string allow;
            for (auto method : methods)
                allow += (allow.empty() ? "" : ", ") + std::string(method.c_str());
            m_router.add_handler(restinio::http_method_options(), path,
                                 [allow](const RequestHandle& request, RouteParams) {
                                     return SendPreflight(request, allow);
                                 });
            methods.push_back(restinio::http_method_options());
        }
    }
    void AddMethodNotAllowedHandlers() {
        for (auto& [path, methods] : m_methods) {
            std::string allow;
            restinio::router::dynamic_none_of_methods_matcher_t matcher;
            for (auto method : methods) {
                matcher.add(method);
                allow += (allow.empty() ? "" : ", ") + std::string(method.c_str());
            }
            m_router.add_handler(std::move(matcher), path,
                                 [allow](const RequestHandle& request, RouteParams) {
                                     Error error{"method_not_allowed",
                                                 "This address does not accept that method", 405};
                                     return NewResponse(request, 405)
                                         .append_header(restinio::http_field::content_type,
                                                        "application/json; charset=utf-8")
                                         .append_header(restinio::http_field::allow, allow)
                                         .set_body(DumpJson(ToJson(error)))
                                         .done();
                                 });
        }
    }

  private:
    Router& m_router;
    std::map<std::string, std::vector<restinio::http_method_id_t>> m_methods;
};

Result<AuthUser> Authenticate(RouteContext& ctx, const RequestHandle& request) {
    return ctx.auth.Authenticate(
        request->header().get_field_or(restinio::http_field::authorization, ""));
}

std::string ClientAddress(const RequestHandle& request) {
    return request->remote_endpoint().address().to_string();
}

Json UserJson(const User& user) {
    return Json{{"user", ToJson(user)}};
}
Json PostJson(const Post& post) {
    return Json{{"post", ToJson(post)}};
}

// [SECTION] Auth routes

void AddAuthRoutes(RouteTable& routes, const std::shared_ptr<RouteContext>& ctx) {
    using restinio::http_method_post;
    routes.Add(
        http_method_post(), "/api/v1/auth/signup", [ctx](const RequestHandle& req, RouteParams) {
            auto fields = ReadFields(req->body(), {{"username"}, {"email"}, {"password"}});
            if (!fields) return SendError(req, fields.error());
            return Offload(*ctx, req, [ctx, req, f = std::move(fields).value()] {
                auto user =
                    ctx->auth.Signup(f.String("username"), f.String("email"), f.String("password"));
                SendResult(req, 201, user, UserJson);
            });
        });
    routes.Add(
        http_method_post(), "/api/v1/auth/verify", [ctx](const RequestHandle& req, RouteParams) {
            auto fields = ReadFields(req->body(), {{"username"}, {"code"}});
            if (!fields) return SendError(req, fields.error());
            auto user =
                ctx->auth.Verify(fields.value().String("username"), fields.value().String("code"));
            return SendResult(req, 200, user, UserJson);
        });
    routes.Add(http_method_post(), "/api/v1/auth/resend",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto fields = ReadFields(req->body(), {{"username"}});
                   if (!fields) return SendError(req, fields.error());
                   auto sent = ctx->auth.Resend(fields.value().String("username"));
                   if (!sent) return SendError(req, sent.error());
                   return SendJson(req, 202, R"({"status":"sent"})");
               });
    routes.Add(
        http_method_post(), "/api/v1/auth/login", [ctx](const RequestHandle& req, RouteParams) {
            auto fields = ReadFields(req->body(), {{"username"}, {"password"}});
            if (!fields) return SendError(req, fields.error());
            std::string address = ClientAddress(req);
            return Offload(*ctx, req, [ctx, req, address, f = std::move(fields).value()] {
                auto session = ctx->auth.Login(f.String("username"), f.String("password"), address);
                SendResult(req, 200, session, [](const AuthSession& s) { return ToJson(s); });
            });
        });
    routes.Add(
        http_method_post(), "/api/v1/auth/refresh", [ctx](const RequestHandle& req, RouteParams) {
            auto fields = ReadFields(req->body(), {{"refresh_token"}});
            if (!fields) return SendError(req, fields.error());
            auto session = ctx->auth.Refresh(fields.value().String("refresh_token"));
            return SendResult(req, 200, session, [](const AuthSession& s) { return ToJson(s); });
        });
    routes.Add(http_method_post(), "/api/v1/auth/logout",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto fields = ReadFields(req->body(), {{"refresh_token"}});
                   if (!fields) return SendError(req, fields.error());
                   auto done = ctx->auth.Logout(fields.value().String("refresh_token"));
                   if (!done) return SendError(req, done.error());
                   return SendEmpty(req, 204);
               });
    routes.Add(http_method_post(), "/api/v1/auth/forgot",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto fields = ReadFields(req->body(), {{"email"}});
                   if (!fields) return SendError(req, fields.error());
                   auto sent = ctx->auth.Forgot(fields.value().String("email"));
                   if (!sent) return SendError(req, sent.error());
                   return SendJson(req, 202, R"({"status":"sent_if_registered"})");
               });
    routes.Add(
        http_method_post(), "/api/v1/auth/reset", [ctx](const RequestHandle& req, RouteParams) {
            auto fields = ReadFields(req->body(), {{"email"}, {"code"}, {"new_password"}});
            if (!fields) return SendError(req, fields.error());
            return Offload(*ctx, req, [ctx, req, f = std::move(fields).value()] {
                auto done =
                    ctx->auth.Reset(f.String("email"), f.String("code"), f.String("new_password"));
                if (!done) {
                    SendError(req, done.error());
                } else {
                    SendJson(req, 200, R"({"status":"password_changed"})");
                }
            });
        });
}

// [SECTION] Account routes

void AddAccountRoutes(RouteTable& routes, const std::shared_ptr<RouteContext>& ctx) {
    routes.Add(restinio::http_method_get(), "/api/v1/me",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   return SendResult(req, 200, ctx->auth.GetUser(caller.value().id), UserJson);
               });
    routes.Add(restinio::http_method_delete(), "/api/v1/me",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   auto deleted = ctx->auth.DeleteUser(caller.value().id);
                   if (!deleted) return SendError(req, deleted.error());
                   ctx->posts.InvalidateFeeds();
                   return SendEmpty(req, 204);
               });
}

// [SECTION] Post routes

void AddPostRoutes(RouteTable& routes, const std::shared_ptr<RouteContext>& ctx) {
    routes.Add(
        restinio::http_method_get(), "/api/v1/posts", [ctx](const RequestHandle& req, RouteParams) {
            auto query = ParseQuery(req, {"author", "cursor", "limit", "group", "following"});
            if (!query) return SendError(req, query.error());
            FeedQuery feed;
            auto& q = query.value();
            if (q.count("following")) {
                if (q["following"] != "1") {
                    return SendError(req, errors::BadRequest("invalid_following",
                                                             "following must be 1 when given"));
                }
                auto caller = Authenticate(*ctx, req);  // whose subscriptions
                if (!caller) return SendError(req, caller.error());
                feed.following_of = caller.value().id;
            }
            if (q.count("author")) feed.author = q["author"];
            if (q.count("cursor")) feed.cursor = q["cursor"];
            if (q.count("group") && !ParseId(q["group"], feed.group_id)) {
                return SendError(req,
                                 errors::BadRequest("invalid_group", "group must be a group id"));
            }
            if (q.count("limit")) {
                int64_t limit = 0;
                if (!ParseId(q["limit"], limit) || limit > kMaxPageLimit) {
                    return SendError(req, errors::BadRequest("invalid_limit",
                                                             "limit must be between 1 and 100"));
                }
                feed.limit = static_cast<int>(limit);
            }
            auto page = ctx->posts.PageJson(feed);
            if (!page) return SendError(req, page.error());
            return SendJson(req, 200, *page.value());
        });
    routes.Add(restinio::http_method_post(), "/api/v1/posts",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   auto fields = ReadFields(req->body(), {{"text"},
                                                          {"media_id", FieldType::kString, false},
                                                          {"group_id", FieldType::kString, false},
                                                          {"meme", FieldType::kObject, false},
                                                          {"alt_text", FieldType::kString, false}});
                   if (!fields) return SendError(req, fields.error());
                   const Fields& f = fields.value();
                   PostService::NewPost post{f.String("text"), f.String("media_id"), 0};
                   post.alt_text = f.String("alt_text");
                   if (f.Has("meme")) {
                       auto meme = ParseMemeSpec(f.Value("meme"));  // 422 invalid_meme
                       if (!meme) return SendError(req, meme.error());
                       post.meme = std::move(meme).value();
                   }
                   if (f.Has("media_id") && !MediaStore::IsValidId(post.media_id)) {
                       return SendError(req, errors::Unprocessable("media_not_found",
                                                                   "That image was not uploaded"));
                   }
                   if (f.Has("group_id") && !ParseId(f.String("group_id"), post.group_id)) {
                       return SendError(req, errors::Unprocessable("group_not_found",
                                                                   "That group does not exist"));
                   }
                   return SendResult(req, 201, ctx->posts.Create(caller.value(), post), PostJson);
               });
    routes.Add(restinio::http_method_get(), "/api/v1/posts/:id",
               [ctx](const RequestHandle& req, RouteParams params) {
                   auto id = PathId(params, "The post");
                   if (!id) return SendError(req, id.error());
                   return SendResult(req, 200, ctx->posts.Get(id.value()), PostJson);
               });
    routes.Add(restinio::http_method_patch(), "/api/v1/posts/:id",
               [ctx](const RequestHandle& req, RouteParams params) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   auto id = PathId(params, "The post");
                   if (!id) return SendError(req, id.error());
                   auto fields = ReadFields(req->body(), {{"text"}});
                   if (!fields) return SendError(req, fields.error());
                   return SendResult(
                       req, 200,
                       ctx->posts.Update(caller.value(), id.value(), fields.value().String("text")),
                       PostJson);
               });
    routes.Add(restinio::http_method_delete(), "/api/v1/posts/:id",
               [ctx](const RequestHandle& req, RouteParams params) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   auto id = PathId(params, "The post");
                   if (!id) return SendError(req, id.error());
                   auto deleted = ctx->posts.Delete(caller.value(), id.value());
                   if (!deleted) return SendError(req, deleted.error());
                   return SendEmpty(req, 204);
               });
}

// [SECTION] Media routes

namespace {

// Image labels are an AI request too: each upload's classification and each /ai/classify call
// goes into the caller's inference log beside autofill and chat (issue 6).
void LogLabels(RouteContext& ctx, const AuthUser& user, const Media& media, const char* source,
               std::chrono::steady_clock::time_point started) {
    if (!ctx.media.has_classifier()) return;
    InferenceRecord record;
    record.kind = "classify";
    record.input = std::string(source) + " media " + media.id;
    for (const MediaLabel& l : media.labels) {
        char line[96];
        std::snprintf(line, sizeof line, "%s%s %.1f%%", record.output.empty() ? "" : ", ",
                      l.label.c_str(), l.probability * 100.0);
        record.output += line;
    }
    record.provider = "skyloom-ml";
    record.model = "nsfwjs-mobilenet_v2";
    record.status = "ok";
    record.latency_ms = int64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - started)
                                    .count());
    (void)ctx.ai.LogInference(user, std::move(record));
}

}  // namespace

void AddMediaRoutes(RouteTable& routes, const std::shared_ptr<RouteContext>& ctx) {
    routes.Add(restinio::http_method_post(), "/api/v1/media",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   std::string type =
                       req->header().get_field_or(restinio::http_field::content_type, "");
                   // Decoding for the thumbnail and placeholder takes milliseconds to a second:
                   // keep it off the I/O threads.
                   return Offload(*ctx, req, [ctx, req, type, user = caller.value()] {
                       const auto started = std::chrono::steady_clock::now();
                       auto media = ctx->media.Upload(user, req->body(), type);
                       if (media) LogLabels(*ctx, user, media.value(), "upload", started);
                       SendResult(req, 201, media, [](const Media& m) {
                           return Json{{"media", ToJson(m)}};
                       });
                   });
               });
    routes.Add(restinio::http_method_get(), "/api/v1/media/:id",
               [ctx](const RequestHandle& req, RouteParams params) {
                   std::string id(params["id"]);
                   auto stored = ctx->media.Find(id);
                   if (!stored) return SendError(req, stored.error());
                   return SendMediaFile(req, id, stored.value().path, stored.value().mime,
                                        uint64_t(stored.value().byte_size));
               });
    // The server's labels for an uploaded image (never the client's claim).
    routes.Add(restinio::http_method_post(), "/api/v1/ai/classify",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   auto fields = ReadFields(req->body(), {{"media_id"}});
                   if (!fields) return SendError(req, fields.error());
                   if (!ctx->media.has_classifier())
                       return SendError(
                           req, Error{"classifier_unavailable",
                                      "Image labels are not available on this server", 503, 0});
                   return Offload(
                       *ctx, req,
                       [ctx, req, user = caller.value(), id = fields.value().String("media_id")] {
                           const auto started = std::chrono::steady_clock::now();
                           auto media = ctx->media.Labels(id);
                           if (media) LogLabels(*ctx, user, media.value(), "classify", started);
                           SendResult(req, 200, media, [](const Media& m) {
                               return Json{{"media_id", m.id},
                                           {"labels", ToJson(m.labels)},
                                           {"sensitive", m.sensitive}};
                           });
                       });
               });
}

// [SECTION] Group routes

void AddGroupRoutes(RouteTable& routes, const std::shared_ptr<RouteContext>& ctx) {
    auto group_json = [](const Group& g) { return Json{{"group", ToJson(g)}}; };
    routes.Add(restinio::http_method_get(), "/api/v1/groups",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto groups = ctx->groups.List();
                   return SendResult(req, 200, groups, [](const std::vector<Group>& list) {
                       Json items = Json::array();
                       for (const Group& g : list) items.push_back(ToJson(g));
                       return Json{{"items", std::move(items)}};
                   });
               });
    routes.Add(restinio::http_method_post(), "/api/v1/groups",
               [ctx, group_json](const RequestHandle& req, RouteParams) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   auto fields = ReadFields(req->body(),
                                            {{"name"}, {"description", FieldType::kString, false}});
                   if (!fields) return SendError(req, fields.error());
                   auto group = ctx->groups.Create(caller.value(), fields.value().String("name"),
                                                   fields.value().String("description"));
                   return SendResult(req, 201, group, group_json);
               });
    routes.Add(restinio::http_method_get(), "/api/v1/groups/:id",
               [ctx, group_json](const RequestHandle& req, RouteParams params) {
                   auto id = PathId(params, "The group");
                   if (!id) return SendError(req, id.error());
                   return SendResult(req, 200, ctx->groups.Get(id.value()), group_json);
               });
    routes.Add(restinio::http_method_delete(), "/api/v1/groups/:id",
               [ctx](const RequestHandle& req, RouteParams params) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   auto id = PathId(params, "The group");
                   if (!id) return SendError(req, id.error());
                   auto deleted = ctx->groups.Delete(caller.value(), id.value());
                   if (!deleted) return SendError(req, deleted.error());
                   return SendEmpty(req, 204);
               });
}

// [SECTION] Social routes (issue 5): portfolios, subscriptions, settings, templates,
// notifications. Meme posts and the following feed are handled in the post routes above.

// The caller when a token is sent (an invalid one is a 401 so the client refreshes), else 0.
// A signed-out ApiClient sends "Bearer " with no token: that is no token.
Result<int64_t> OptionalCallerId(RouteContext& ctx, const RequestHandle& request) {
    std::string header = request->header().get_field_or(restinio::http_field::authorization, "");
    while (!header.empty() && header.back() == ' ') header.pop_back();
    if (header.empty() || header == "Bearer") return int64_t(0);
    auto caller = Authenticate(ctx, request);
    if (!caller) return caller.error();
    return caller.value().id;
}

// ?limit= within 1..max, `fallback` when absent.
Result<int> ParseLimit(std::map<std::string, std::string>& query, int fallback, int max) {
    if (!query.count("limit")) return fallback;
    int64_t limit = 0;
    if (!ParseId(query["limit"], limit) || limit > max) {
        return errors::BadRequest("invalid_limit",
                                  "limit must be between 1 and " + std::to_string(max));
    }
    return static_cast<int>(limit);
}

void AddSocialRoutes(RouteTable& routes, const std::shared_ptr<RouteContext>& ctx) {
    routes.Add(
        restinio::http_method_get(), "/api/v1/users/:username",
        [ctx](const RequestHandle& req, RouteParams params) {
            auto viewer = OptionalCallerId(*ctx, req);
            if (!viewer) return SendError(req, viewer.error());
            auto profile = ctx->social.Profile(std::string(params["username"]), viewer.value());
            return SendResult(req, 200, profile, [](const UserProfile& p) { return ToJson(p); });
        });
    auto subscription = [ctx](bool subscribe) {
        return [ctx, subscribe](const RequestHandle& req, RouteParams params) {
            auto caller = Authenticate(*ctx, req);
            if (!caller) return SendError(req, caller.error());
            std::string username(params["username"]);
            auto done = subscribe ? ctx->social.Subscribe(caller.value(), username)
                                  : ctx->social.Unsubscribe(caller.value(), username);
            if (!done) return SendError(req, done.error());
            return SendEmpty(req, 204);
        };
    };
    routes.Add(restinio::http_method_put(), "/api/v1/users/:username/subscription",
               subscription(true));
    routes.Add(restinio::http_method_delete(), "/api/v1/users/:username/subscription",
               subscription(false));

    auto settings_json = [](const UserSettings& s) { return ToJson(s); };
    routes.Add(restinio::http_method_get(), "/api/v1/me/settings",
               [ctx, settings_json](const RequestHandle& req, RouteParams) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   return SendResult(req, 200, ctx->social.Settings(caller.value().id),
                                     settings_json);
               });
    routes.Add(restinio::http_method_patch(), "/api/v1/me/settings",
               [ctx, settings_json](const RequestHandle& req, RouteParams) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   // A partial update: any of the fields, at least one.
                   auto fields =
                       ReadFields(req->body(), {{"email_notifications", FieldType::kBool, false},
                                                {"blur_sensitive", FieldType::kBool, false}});
                   if (!fields) return SendError(req, fields.error());
                   const Fields& f = fields.value();
                   auto field = [&f](const char* name) {
                       return f.Has(name) ? std::optional<bool>(f.Bool(name)) : std::nullopt;
                   };
                   if (!f.Has("email_notifications") && !f.Has("blur_sensitive")) {
                       return SendError(req, errors::BadRequest("missing_field",
                                                                "Send email_notifications or "
                                                                "blur_sensitive (or both)"));
                   }
                   auto settings = ctx->social.UpdateSettings(
                       caller.value().id, field("email_notifications"), field("blur_sensitive"));
                   return SendResult(req, 200, settings, settings_json);
               });

    routes.Add(restinio::http_method_get(), "/api/v1/templates",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto query = ParseQuery(req, {"q", "cursor", "limit"});
                   if (!query) return SendError(req, query.error());
                   auto& q = query.value();
                   auto limit = ParseLimit(q, kDefaultTemplateLimit, kMaxTemplateLimit);
                   if (!limit) return SendError(req, limit.error());
                   TemplateQuery page_query;
                   page_query.q = q["q"];
                   page_query.cursor = q["cursor"];
                   page_query.limit = limit.value();
                   return SendResult(req, 200, ctx->templates.Page(page_query),
                                     [](const TemplatePage& p) { return ToJson(p); });
               });
    routes.Add(restinio::http_method_post(), "/api/v1/templates",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   auto fields = ReadFields(
                       req->body(), {{"name"}, {"media_id"}, {"boxes", FieldType::kArray, false}});
                   if (!fields) return SendError(req, fields.error());
                   const Fields& f = fields.value();
                   std::optional<std::vector<MemeBox>> boxes;
                   if (f.Has("boxes")) {
                       auto parsed = ParseMemeBoxes(f.Value("boxes"));  // 422 invalid_meme
                       if (!parsed) return SendError(req, parsed.error());
                       boxes = std::move(parsed).value();
                   }
                   auto tmpl = ctx->templates.Create(caller.value(), f.String("name"),
                                                     f.String("media_id"), boxes);
                   return SendResult(req, 201, tmpl, [](const MemeTemplate& t) {
                       return Json{{"template", ToJson(t)}};
                   });
               });

    routes.Add(restinio::http_method_get(), "/api/v1/notifications",
               [ctx](const RequestHandle& req, RouteParams) {
                   auto caller = Authenticate(*ctx, req);
                   if (!caller) return SendError(req, caller.error());
                   auto query = ParseQuery(req, {"cursor", "limit"});
                   if (!query) return SendError(req, query.error());
                   auto& q = query.value();
                   auto limit = ParseLimit(q, kDefaultNotificationLimit, kMaxNotificationLimit);
                   if (!limit) return SendError(req, limit.error());
                   auto page = ctx->notifications.Page(caller.value(), q["cursor"], limit.value());
                   return SendResult(req, 200, page,
                                     [](const NotificationPage& p) { return ToJson(p); });
               });
    routes.Add(
        restinio::http_method_post(), "/api/v1/notifications/read",
        [ctx](const RequestHandle& req, RouteParams) {
            auto caller = Authenticate(*ctx, req);
            if (!caller) return SendError(req, caller.error());
            auto fields = ReadFields(
                req->body(), {{"ids", FieldType::kArray, false}, {"all", FieldType::kBool, false}});
            if (!fields) return SendError(req, fields.error());
            const Fields& f = fields.value();
            if (f.Has("ids") == f.Has("all")) {
                return SendError(req, errors::BadRequest("ids_or_all",
                                                         "Send either {\"ids\": [...]} or "
                                                         "{\"all\": true}"));
            }
            Result<int64_t> unread = int64_t(0);
            if (f.Has("all")) {
                if (!f.Bool("all")) {
                    return SendError(
                        req, errors::BadRequest("ids_or_all", "all must be true when given"));
                }
                unread = ctx->notifications.MarkAllRead(caller.value());
            } else {
                std::vector<std::string> ids;
                for (const Json& id : f.Value("ids")) {
                    if (!id.is_string()) {
                        return SendError(
                            req,
                            errors::BadRequest("wrong_type", "Field `ids` must hold id strings"));
                    }
                    ids.push_back(id.get<std::string>());
                }
                unread = ctx->notifications.MarkRead(caller.value(), ids);
            }
            return SendResult(req, 200, unread, [](int64_t count) {
                return Json{{"unread_count", count}};
            });
        });
}

}  // namespace

std::unique_ptr<Router> BuildRouter(std::shared_ptr<RouteContext> ctx) {
    auto router = std::make_unique<Router>();
    RouteTable routes(*router);
    routes.Add(restinio::http_method_get(), "/api/openapi.json",
               [](const RequestHandle& req, RouteParams) {
                   return SendJson(req, 200, EmbeddedApiFiles().at(0).second);
               });
    AddAuthRoutes(routes, ctx);
    AddAccountRoutes(routes, ctx);
    AddPostRoutes(routes, ctx);
    AddMediaRoutes(routes, ctx);
    AddGroupRoutes(routes, ctx);
    for (AiRoute& route : AiRoutes(ctx))
        routes.Add(route.method, route.path, std::move(route.handler));
    AddSocialRoutes(routes, ctx);
    for (RouteSpec& route : PreviewRoutes(ctx))
        routes.Add(route.method, route.path, std::move(route.handler));
    routes.AddPreflightHandlers();
    routes.AddMethodNotAllowedHandlers();

    router->non_matched_request_handler([ctx](const RequestHandle& req) {
        try {
            std::string path(req->header().path());
            bool is_api = path.rfind("/api/", 0) == 0 || path == "/api";
            bool readable = req->header().method() == restinio::http_method_get() ||
                            req->header().method() == restinio::http_method_head();
            if (!is_api && readable && !ctx->site_dir.empty()) {
                return ServeStaticFile(req, ctx->site_dir);
            }
            return SendError(req,
                             Error{"not_found", "No such address: " + path.substr(0, 200), 404});
        } catch (const std::exception& e) {
            std::fprintf(stderr, "error: fallback handler: %s\n", e.what());
            return SendError(req, InternalError());
        }
    });
    return router;
}

}  // namespace skyloom::server
