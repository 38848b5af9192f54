#include "html/preview_page.h"

#include <cstdint>

namespace skyloom::server {
namespace {

constexpr size_t kDescriptionChars = 200;  // what preview cards show before cutting anyway
constexpr size_t kTitleChars = 70;
constexpr size_t kListedPostChars = 280;

// The page's look without a stylesheet request: readable on a phone, the app's colours.
// The app's icon, inline: a browser's request for /favicon.ico would otherwise get a 404.
constexpr std::string_view kIcon =
    "<link rel=\"icon\" href=\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' "
    "viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' "
    "fill='%234f46e5'/%3E%3C/svg%3E\">\n";
constexpr std::string_view kStyle =
    "body{margin:0;background:#f3f4f8;color:#1f2330;font:16px/1.5 system-ui,sans-serif}"
    "main{max-width:640px;margin:0 auto;padding:16px}"
    "header{display:flex;justify-content:space-between;align-items:center;padding:8px 0}"
    "header a{color:#1f2330;font-weight:700;text-decoration:none}"
    "article{background:#fff;border:1px solid #e3e5ee;border-radius:12px;padding:16px;"
    "margin:12px 0}"
    "article p{white-space:pre-wrap;overflow-wrap:anywhere;margin:8px 0}"
    "img{max-width:100%;height:auto;border-radius:8px}"
    ".meta{color:#5b6072;font-size:14px}.meta a{color:#4f46e5}"
    ".open{display:inline-block;background:#4f46e5;color:#fff;padding:10px 16px;"
    "border-radius:8px;text-decoration:none;font-weight:600}";

size_t CodePointLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;  // a stray continuation byte: one unit, never a read past the end
}

// A post marked sensitive keeps its image out of previews: a chat would show it unblurred.
bool ShowsImage(const Post& post) {
    return post.media.has_value() && !post.sensitive;
}

std::string Meta(std::string_view attribute, std::string_view key, std::string_view value) {
    return "<meta " + std::string(attribute) + "=\"" + std::string(key) + "\" content=\"" +
           HtmlEscape(value) + "\">\n";
}

std::string Head(std::string_view title, std::string_view description, std::string_view url,
                 std::string_view image, std::string_view image_alt, std::string_view type) {
    std::string h =
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        std::string(kIcon);
    h += "<title>" + HtmlEscape(title) + "</title>\n";
    h += Meta("name", "description", description);
    h += "<link rel=\"canonical\" href=\"" + HtmlEscape(url) + "\">\n";
    h += Meta("property", "og:site_name", "Skyloom");
    h += Meta("property", "og:type", type);
    h += Meta("property", "og:title", title);
    h += Meta("property", "og:description", description);
    h += Meta("property", "og:url", url);
    h += Meta("name", "twitter:card", image.empty() ? "summary" : "summary_large_image");
    h += Meta("name", "twitter:title", title);
    h += Meta("name", "twitter:description", description);
    if (!image.empty()) {
        h += Meta("property", "og:image", image);
        h += Meta("name", "twitter:image", image);
        if (!image_alt.empty()) {
            h += Meta("property", "og:image:alt", image_alt);
            h += Meta("name", "twitter:image:alt", image_alt);
        }
    }
    h += "<style>" + std::string(kStyle) + "</style>\n</head><body><main>\n";
    return h;
}

std::string Banner(const PreviewLinks& links) {
    return "<header><a href=\"" + HtmlEscape(links.app_url) + "\">Skyloom</a>" +
           "<a class=\"open\" href=\"" + HtmlEscape(links.app_url) + "#/signup\">Sign up</a>" +
           "</header>\n";
}

std::string Tail() {
    return "</main></body></html>\n";
}

std::string PostArticle(const Post& post, const PreviewLinks& links, size_t max_chars,
                        bool link_to_post) {
    const std::string author = post.author.username;
    std::string a = "<article>\n<div class=\"meta\"><a href=\"/u/" + HtmlEscape(author) + "\">@" +
                    HtmlEscape(author) + "</a> · <time datetime=\"" + HtmlEscape(post.created_at) +
                    "\">" + HtmlEscape(post.created_at.substr(0, 10)) + "</time>";
    if (post.group) a += " · in " + HtmlEscape(post.group->name);
    a += "</div>\n";
    if (!post.text.empty()) {
        a += "<p>" + HtmlEscape(max_chars > 0 ? Excerpt(post.text, max_chars) : post.text) +
             "</p>\n";
    }
    if (ShowsImage(post)) {
        a += "<img src=\"" + HtmlEscape(links.origin + post.media->url) + "\" width=\"" +
             std::to_string(post.media->width) + "\" height=\"" +
             std::to_string(post.media->height) + "\" alt=\"" + HtmlEscape(post.media->alt) +
             "\">\n";
    }
    if (link_to_post) {
        a += "<div class=\"meta\"><a href=\"/p/" + HtmlEscape(post.id) +
             "\">Open this post</a></div>\n";
    }
    return a + "</article>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;
                if (c == 0x7F) break;
                out += c;
        }
    }
    return out;
}

std::string Excerpt(std::string_view text, size_t max_chars) {
    std::string out;
    size_t chars = 0;
    size_t last_space = std::string::npos;  // byte offset in out
    size_t i = 0;
    while (i < text.size() && chars < max_chars) {
        size_t n = CodePointLength(static_cast<unsigned char>(text[i]));
        if (i + n > text.size()) return out;  // a truncated sequence at the end: the end
        std::string_view cp = text.substr(i, n);
        if (cp == "\n" || cp == "\r" || cp == "\t") cp = " ";
        if (cp == " ") {
            if (!out.empty() && out.back() == ' ') {  // collapse runs of blanks
                i += n;
                continue;
            }
            last_space = out.size();
        }
        out += cp;
        chars++;
        i += n;
    }
    if (i >= text.size()) return out;
    // Cut: prefer the last word boundary in the final fifth.
    if (last_space != std::string::npos && last_space * 5 >= out.size() * 4) out.resize(last_space);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
}

std::string PostPreviewPage(const Post& post, const PreviewLinks& links) {
    const std::string author = "@" + post.author.username;
    const bool meme = post.meme.has_value();
    std::string title = (meme ? "A meme by " : "") + author + (meme ? "" : " on Skyloom");
    if (!post.text.empty()) title += ": " + Excerpt(post.text, kTitleChars);
    std::string description = post.text.empty()
                                  ? (meme ? "A meme by " : "A picture by ") + author + " on Skyloom"
                                  : Excerpt(post.text, kDescriptionChars);
    std::string image;
    std::string image_alt;
    if (ShowsImage(post)) {
        image = links.origin + post.media->url;
        image_alt = post.media->alt;
    }
    std::string page =
        Head(title, description, links.origin + "/p/" + post.id, image, image_alt, "article");
    page += Banner(links);
    page += PostArticle(post, links, 0, false);
    page += "<p><a class=\"open\" href=\"" + HtmlEscape(links.app_url) + "#/post/" +
            HtmlEscape(post.id) + "\">Open in Skyloom</a></p>\n";
    return page + Tail();
}

std::string ProfilePreviewPage(const UserProfile& profile, const std::vector<Post>& recent,
                               const PreviewLinks& links) {
    const std::string name = profile.user.username;
    const std::string title = "@" + name + " on Skyloom";
    const std::string counts = std::to_string(profile.post_count) + " posts · " +
                               std::to_string(profile.meme_count) + " memes · " +
                               std::to_string(profile.subscriber_count) + " subscribers";
    std::string image;
    for (const Post& p : recent) {
        if (ShowsImage(p)) {
            image = links.origin + p.media->url;
            break;
        }
    }
    std::string page = Head(title, counts, links.origin + "/u/" + name, image, "", "profile");
    page += Banner(links);
    page +=
        "<h1>@" + HtmlEscape(name) + "</h1>\n<p class=\"meta\">" + HtmlEscape(counts) + "</p>\n";
    page += "<p><a class=\"open\" href=\"" + HtmlEscape(links.app_url) + "#/u/" + HtmlEscape(name) +
            "\">Open in Skyloom</a></p>\n";
    if (!recent.empty()) page += "<h2>Latest posts</h2>\n";
    for (const Post& p : recent) page += PostArticle(p, links, kListedPostChars, true);
    return page + Tail();
}

std::string_view PreviewPageStyle() {
    return kStyle;
}

std::string NotFoundPreviewPage(std::string_view message, const PreviewLinks& links) {
    std::string page =
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n" +
        std::string(kIcon) + "<title>Not found · Skyloom</title>\n<style>" + std::string(kStyle) +
        "</style>\n</head><body><main>\n";
    page += Banner(links);
    page += "<h1>Not found</h1>\n<p>" + HtmlEscape(message) + "</p>\n";
    page +=
        "<p><a class=\"open\" href=\"" + HtmlEscape(links.app_url) + "\">Go to the feed</a></p>\n";
    return page + Tail();
}

}  // namespace skyloom::server
