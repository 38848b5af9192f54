// The shared-link page renderer (src/server/html/preview_page.*): escaping and excerpts.
#include "html/preview_page.h"

#include <gtest/gtest.h>

namespace skyloom::server {
namespace {

TEST(HtmlEscape, EscapesMarkupAndQuotesAndDropsControlCharacters) {
    EXPECT_EQ(HtmlEscape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
    EXPECT_EQ(HtmlEscape(std::string("x\x01y\x7Fz\n\t", 7)), "xyz\n\t");
    EXPECT_EQ(HtmlEscape("日本語 ✓"), "日本語 ✓");
}

TEST(Excerpt, KeepsShortTextAndCutsLongTextAtAWordWithAnEllipsis) {
    EXPECT_EQ(Excerpt("short text", 20), "short text");
    EXPECT_EQ(Excerpt("one two three four five six", 14), "one two three…");
    EXPECT_EQ(Excerpt("line one\n\nline two", 40), "line one line two");
}

TEST(Excerpt, CountsCodePointsAndNeverSplitsOne) {
    // Ten 3-byte characters, no spaces: cut after five characters, not five bytes.
    EXPECT_EQ(Excerpt("今日は新しい機能をリ", 5), "今日は新し…");
    // A truncated sequence at the end is dropped rather than read past.
    EXPECT_EQ(Excerpt(std::string("ab\xE3\x81", 4), 10), "ab");
}

TEST(PostPreviewPage, ASensitiveImageStaysOutOfThePreview) {
    Post post;
    post.id = "7";
    post.author.username = "ada";
    post.text = "careful";
    post.sensitive = true;
    post.media = MediaRef{};
    post.media->url = "/api/v1/media/abc";
    std::string page = PostPreviewPage(post, PreviewLinks{"http://h", "http://h/"});
    EXPECT_EQ(page.find("og:image"), std::string::npos);
    EXPECT_EQ(page.find("/api/v1/media/abc"), std::string::npos);
    EXPECT_NE(page.find("content=\"summary\""), std::string::npos);
}

}  // namespace
}  // namespace skyloom::server
