#include "services/post_service.h"

#include <gtest/gtest.h>

#include <set>

#include "server_fixture.h"

namespace skyloom::server {
namespace {

using testing::ServiceFixture;

TEST(PostService, CursorRoundTripAndRejectsForgeries) {
    int64_t id = 0;
    EXPECT_TRUE(PostService::DecodeCursor(PostService::EncodeCursor(12345), id));
    EXPECT_EQ(id, 12345);
    for (const char* bad : {"", "x", "cDU5=", "!!!", "cA", "aDU5", "cC0x"}) {
        EXPECT_FALSE(PostService::DecodeCursor(bad, id)) << bad;
    }
}

TEST(PostService, UnverifiedAuthorsCannotPost) {
    ServiceFixture f;
    auto result = f.posts->Create(AuthUser{1, "ada", false}, "hello");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, "email_not_verified");
    EXPECT_EQ(result.error().http_status, 403);
}

TEST(PostService, PagesAreNewestFirstWithoutGapsOrDuplicates) {
    ServiceFixture f;
    AuthUser ada = f.SignupVerified("ada");
    for (int i = 1; i <= 45; ++i)
        ASSERT_TRUE(f.posts->Create(ada, "post " + std::to_string(i)).ok());
    std::vector<std::string> seen;
    FeedQuery query;
    query.limit = 20;
    for (;;) {
        auto page = f.posts->Page(query);
        ASSERT_TRUE(page.ok());
        for (const auto& post : page.value().items) seen.push_back(post.text);
        if (page.value().next_cursor.empty()) break;
        query.cursor = page.value().next_cursor;
    }
    ASSERT_EQ(seen.size(), 45u);
    for (int i = 0; i < 45; ++i) EXPECT_EQ(seen[i], "post " + std::to_string(45 - i));
}

TEST(PostService, CachedPageIsInvalidatedByWrites) {
    ServiceFixture f;
    AuthUser ada = f.SignupVerified("ada");
    ASSERT_TRUE(f.posts->Create(ada, "first").ok());
    auto before = f.posts->PageJson({});
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(before.value(), f.posts->PageJson({}).value());  // served from cache
    auto second = f.posts->Create(ada, "second");
    auto after = f.posts->PageJson({});
    EXPECT_NE(after.value()->find("second"), std::string::npos);
    ASSERT_TRUE(f.posts->Delete(ada, std::stoll(second.value().id)).ok());
    EXPECT_EQ(f.posts->PageJson({}).value()->find("second"), std::string::npos);
}

TEST(PostService, OnlyTheOwnerEditsOrDeletes) {
    ServiceFixture f;
    AuthUser ada = f.SignupVerified("ada");
    AuthUser bob = f.SignupVerified("bob");
    auto post = f.posts->Create(ada, "mine");
    int64_t id = std::stoll(post.value().id);
    EXPECT_EQ(f.posts->Delete(bob, id).error().http_status, 404);
    EXPECT_EQ(f.posts->Update(bob, id, "hijacked").error().http_status, 404);
    auto edited = f.posts->Update(ada, id, "edited");
    ASSERT_TRUE(edited.ok());
    EXPECT_EQ(edited.value().text, "edited");
    EXPECT_TRUE(f.posts->Delete(ada, id).ok());
    EXPECT_EQ(f.posts->Get(id).error().http_status, 404);
}

TEST(PostService, AuthorFilter) {
    ServiceFixture f;
    AuthUser ada = f.SignupVerified("ada");
    AuthUser bob = f.SignupVerified("bob");
    ASSERT_TRUE(f.posts->Create(ada, "by ada").ok());
    ASSERT_TRUE(f.posts->Create(bob, "by bob").ok());
    FeedQuery query;
    query.author = "BOB";
    auto page = f.posts->Page(query);
    ASSERT_EQ(page.value().items.size(), 1u);
    EXPECT_EQ(page.value().items[0].author.username, "bob");
}

}  // namespace
}  // namespace skyloom::server
