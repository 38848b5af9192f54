#include "http/preview_routes.h"

#include "html/preview_page.h"
#include "http/request_parsing.h"

namespace skyloom::server {
namespace {

constexpr int kProfilePosts = 10;          // the latest posts a profile page lists
constexpr int kPreviewMaxAgeSeconds = 60;  // crawlers may cache a page this long

bool IsPlainHost(std::string_view host) {
    if (host.empty() || host.size() > 255) return false;
    for (char c : host) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
        if (!ok) return false;
    }
    return true;
}

PreviewLinks Links(const RouteContext& ctx, const RequestHandle& request) {
    PreviewLinks links;
    links.origin = RequestOrigin(request);
    links.app_url = ctx.app_url.empty() ? links.origin + "/" : ctx.app_url;
    return links;
}

HandlerStatus SendHtml(const RequestHandle& request, int status, std::string html) {
    static const std::string policy = PreviewPagePolicy(PreviewPageStyle());
    return NewResponse(request, status, policy)
        .append_header(restinio::http_field::content_type, "text/html; charset=utf-8")
        .append_header(restinio::http_field::cache_control,
                       status == 200 ? "public, max-age=" + std::to_string(kPreviewMaxAgeSeconds)
                                     : std::string("no-store"))
        .set_body(std::move(html))
        .done();
}

HandlerStatus PostPage(RouteContext& ctx, const RequestHandle& request, RouteParams params) {
    const PreviewLinks links = Links(ctx, request);
    int64_t id = 0;
    auto post = ParseId(std::string(params["id"]), id) ? ctx.posts.Get(id) : Result<Post>(Error{});
    if (!post) {
        if (post.error().http_status >= 500) return SendError(request, post.error());
        return SendHtml(request, 404,
                        NotFoundPreviewPage("This post does not exist or was deleted.", links));
    }
    return SendHtml(request, 200, PostPreviewPage(post.value(), links));
}

HandlerStatus ProfilePage(RouteContext& ctx, const RequestHandle& request, RouteParams params) {
    const PreviewLinks links = Links(ctx, request);
    const std::string name(params["name"]);
    auto profile = ctx.social.Profile(name, 0);
    if (!profile) {
        if (profile.error().http_status >= 500) return SendError(request, profile.error());
        return SendHtml(request, 404, NotFoundPreviewPage("No one here goes by that name.", links));
    }
    FeedQuery query;
    query.author = profile.value().user.username;
    query.limit = kProfilePosts;
    auto page = ctx.posts.Page(query);
    if (!page) return SendError(request, page.error());
    return SendHtml(request, 200, ProfilePreviewPage(profile.value(), page.value().items, links));
}

}  // namespace

std::string RequestOrigin(const RequestHandle& request) {
    std::string host = request->header().get_field_or(restinio::http_field::host, "");
    if (!IsPlainHost(host)) host = "localhost";
    std::string proto = request->header().get_field_or("X-Forwarded-Proto", "");
    return (proto == "https" ? "https://" : "http://") + host;
}

std::vector<RouteSpec> PreviewRoutes(const std::shared_ptr<RouteContext>& ctx) {
    return {
        {restinio::http_method_get(), "/p/:id",
         [ctx](const RequestHandle& req, RouteParams params) {
             return PostPage(*ctx, req, std::move(params));
         }},
        {restinio::http_method_get(), "/u/:name",
         [ctx](const RequestHandle& req, RouteParams params) {
             return ProfilePage(*ctx, req, std::move(params));
         }},
    };
}

}  // namespace skyloom::server
