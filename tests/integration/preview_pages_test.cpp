// Shared links as a link preview crawler and a browser without the app see them: GET /p/ID and
// /u/NAME against the real server (http/preview_routes.cpp).
#include <gtest/gtest.h>

#include "api/requests.h"
#include "client_helpers.h"
#include "test_images.h"

namespace skyloom::testing {
namespace {

struct Page {
    int status = 0;
    std::string body;
    std::string headers;
};

Page Get(const ServerProcess& server, const std::string& path,
         std::vector<HttpHeader> headers = {}) {
    HttpRequest request;
    request.method = "GET";
    request.path = path;
    request.headers = std::move(headers);
    RawHttpResponse raw = CurlPerformWithHeaders(server.base_url(), request);
    return Page{raw.response.status, raw.response.body, raw.headers};
}

bool Has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The content="..." of <meta property|name="key">, or "" when the tag is missing.
std::string MetaContent(const std::string& html, const std::string& key) {
    for (const char* attribute : {"property", "name"}) {
        std::string tag = std::string("<meta ") + attribute + "=\"" + key + "\" content=\"";
        size_t at = html.find(tag);
        if (at == std::string::npos) continue;
        size_t start = at + tag.size();
        return html.substr(start, html.find('"', start) - start);
    }
    return "";
}

class PreviewPages : public ::testing::Test {
  protected:
    void SetUp() override {
        server = std::make_unique<ServerProcess>();
        ada = std::make_unique<ApiClient>(SignupAndLogin(*server, "ada"));
    }
    Post MakePost(const std::string& text, const std::string& media_id = "",
                  const std::string& alt = "") {
        api::NewPost post{text, media_id, ""};
        post.alt_text = alt;
        auto created = Await<Post>([&](auto cb) { ada->CreatePost(post, cb); });
        EXPECT_TRUE(created.ok());
        return created.ok() ? created.value() : Post{};
    }
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<ApiClient> ada;
};

TEST_F(PreviewPages, APostLinkCarriesOpenGraphTagsTheTextAndTheImage) {
    auto media =
        Await<skyloom::Media>([&](auto cb) { ada->UploadMedia(MakePng(64, 48), "image/png", cb); });
    ASSERT_TRUE(media.ok());
    Post post =
        MakePost("Sunset over the harbour, second try.", media.value().id, "Orange sky over boats");
    Page page = Get(*server, "/p/" + post.id, {{"Host", "skyloom.example"}});
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(Has(page.headers, "text/html; charset=utf-8")) << page.headers;
    EXPECT_EQ(MetaContent(page.body, "og:title"),
              "@ada on Skyloom: Sunset over the harbour, second try.");
    EXPECT_EQ(MetaContent(page.body, "og:description"), "Sunset over the harbour, second try.");
    EXPECT_EQ(MetaContent(page.body, "og:url"), "http://skyloom.example/p/" + post.id);
    EXPECT_EQ(MetaContent(page.body, "og:image"),
              "http://skyloom.example/api/v1/media/" + media.value().id);
    EXPECT_EQ(MetaContent(page.body, "og:image:alt"), "Orange sky over boats");
    EXPECT_EQ(MetaContent(page.body, "twitter:card"), "summary_large_image");
    // Readable without the app, and a way into it.
    EXPECT_TRUE(Has(page.body, "<p>Sunset over the harbour, second try.</p>"));
    EXPECT_TRUE(Has(page.body, "alt=\"Orange sky over boats\""));
    EXPECT_TRUE(Has(page.body, "href=\"http://skyloom.example/#/post/" + post.id + "\""));
    // The image the tag names is really there.
    EXPECT_EQ(Get(*server, "/api/v1/media/" + media.value().id).status, 200);
}

TEST_F(PreviewPages, HostileTextIsShownAsTextNeverAsMarkup) {
    Post post = MakePost("</title><script>alert(1)</script> \"quoted\" & <b>bold</b>");
    Page page = Get(*server, "/p/" + post.id);
    ASSERT_EQ(page.status, 200);
    EXPECT_FALSE(Has(page.body, "<script>")) << page.body;
    EXPECT_FALSE(Has(page.body, "<b>bold"));
    EXPECT_TRUE(Has(page.body,
                    "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; "
                    "&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"));
    // Exactly one title element: the text did not close it.
    size_t first = page.body.find("</title>");
    EXPECT_EQ(page.body.find("</title>", first + 1), std::string::npos);
    // A hostile Host header does not get into the page either.
    Page hostile = Get(*server, "/p/" + post.id, {{"Host", "evil.example\"><script>"}});
    ASSERT_EQ(hostile.status, 200);
    EXPECT_FALSE(Has(hostile.body, "evil.example"));
}

TEST_F(PreviewPages, DeletedMissingAndMalformedPostsAre404PagesWithoutPreviewTags) {
    Post post = MakePost("soon gone");
    ASSERT_EQ(Get(*server, "/p/" + post.id).status, 200);
    ASSERT_TRUE(Await<Unit>([&](auto cb) { ada->DeletePost(post.id, cb); }).ok());
    for (const std::string& path :
         {"/p/" + post.id, std::string("/p/999999"), std::string("/p/abc"), std::string("/p/-1")}) {
        Page page = Get(*server, path);
        EXPECT_EQ(page.status, 404) << path;
        EXPECT_TRUE(Has(page.headers, "text/html")) << path;
        EXPECT_EQ(MetaContent(page.body, "og:title"), "") << path;
        EXPECT_FALSE(Has(page.body, "soon gone")) << path;
    }
}

TEST_F(PreviewPages, AProfileLinkListsTheLatestPostsAndUnknownNamesAre404) {
    MakePost("first post");
    MakePost("second post");
    Page page = Get(*server, "/u/ada");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(MetaContent(page.body, "og:title"), "@ada on Skyloom");
    EXPECT_EQ(MetaContent(page.body, "og:description"), "2 posts · 0 memes · 0 subscribers");
    EXPECT_EQ(MetaContent(page.body, "og:type"), "profile");
    size_t second = page.body.find("second post");
    size_t first = page.body.find("first post");
    ASSERT_NE(second, std::string::npos);
    ASSERT_NE(first, std::string::npos);
    EXPECT_LT(second, first) << "newest first";
    EXPECT_TRUE(Has(page.body, "#/u/ada\""));
    Page nobody = Get(*server, "/u/nobody-here");
    EXPECT_EQ(nobody.status, 404);
    EXPECT_EQ(MetaContent(nobody.body, "og:title"), "");
}

TEST(PreviewPagesAppUrl, LinksGoToTheAppWhereverItIsHosted) {
    ServerProcess server({"--app-url", "https://app.skyloom.example/beta/"});
    ApiClient ada = SignupAndLogin(server, "ada");
    auto post = Await<Post>([&](auto cb) { ada.CreatePost("hello from elsewhere", cb); });
    ASSERT_TRUE(post.ok());
    Page page = Get(server, "/p/" + post.value().id);
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(
        Has(page.body, "href=\"https://app.skyloom.example/beta/#/post/" + post.value().id + "\""));
}

}  // namespace
}  // namespace skyloom::testing
