// Posts against the real server: pagination under concurrent inserts, ownership, editing.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "api/requests.h"
#include "client_helpers.h"

namespace skyloom::testing {
namespace {

TEST(Posts, PaginationOf250PostsUnderConcurrentInsertsHasNoGapsOrDuplicates) {
    ServerProcess server;
    ApiClient writer = SignupAndLogin(server, "writer");
    std::set<int64_t> original;
    for (int i = 0; i < 250; ++i) {
        auto post =
            Await<Post>([&](auto cb) { writer.CreatePost("post " + std::to_string(i), cb); });
        ASSERT_TRUE(post.ok());
        original.insert(std::stoll(post.value().id));
    }

    ApiClient other = SignupAndLogin(server, "other");
    std::atomic<bool> reading{true};
    std::atomic<int> inserted{0};
    std::thread inserter([&] {
        while (reading && inserted < 200) {
            auto post = Await<Post>([&](auto cb) { other.CreatePost("concurrent", cb); });
            if (post.ok()) ++inserted;
        }
    });

    ApiClient reader = NewClient(server);
    std::vector<int64_t> seen;
    api::PostQuery query;
    query.limit = 7;  // an odd page size so page edges fall everywhere
    int pages = 0;
    for (;;) {
        auto page = Await<PostPage>([&](auto cb) { reader.ListPosts(query, cb); });
        ASSERT_TRUE(page.ok()) << page.error().message;
        for (const auto& post : page.value().items) seen.push_back(std::stoll(post.id));
        ++pages;
        if (page.value().next_cursor.empty()) break;
        query.cursor = page.value().next_cursor;
    }
    reading = false;
    inserter.join();
    EXPECT_GT(inserted.load(), 0) << "the inserter never ran beside the reader";
    EXPECT_GE(pages, 250 / 7);

    std::set<int64_t> unique(seen.begin(), seen.end());
    EXPECT_EQ(unique.size(), seen.size()) << "duplicates across pages";
    for (size_t i = 1; i < seen.size(); ++i) ASSERT_GT(seen[i - 1], seen[i]) << "not newest first";
    for (int64_t id : original) EXPECT_TRUE(unique.count(id)) << "gap: post " << id << " missing";
}

TEST(Posts, LimitDefaultsTo20AndAuthorFilters) {
    ServerProcess server;
    ApiClient ada = SignupAndLogin(server, "ada");
    ApiClient bob = SignupAndLogin(server, "bob");
    for (int i = 0; i < 25; ++i)
        ASSERT_TRUE(
            Await<Post>([&](auto cb) { ada.CreatePost("a" + std::to_string(i), cb); }).ok());
    ASSERT_TRUE(Await<Post>([&](auto cb) { bob.CreatePost("from bob", cb); }).ok());

    auto page = Await<PostPage>([&](auto cb) { ada.ListPosts({}, cb); });
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page.value().items.size(), 20u);
    EXPECT_EQ(page.value().items[0].text, "from bob");
    EXPECT_FALSE(page.value().next_cursor.empty());

    api::PostQuery by_bob;
    by_bob.author = "bob";
    auto bobs = Await<PostPage>([&](auto cb) { ada.ListPosts(by_bob, cb); });
    ASSERT_EQ(bobs.value().items.size(), 1u);
    EXPECT_TRUE(bobs.value().next_cursor.empty());
}

TEST(Posts, OnlyOwnersEditOrDeleteAndOthersSee404) {
    ServerProcess server;
    ApiClient ada = SignupAndLogin(server, "ada");
    ApiClient mallory = SignupAndLogin(server, "mallory");
    auto post = Await<Post>([&](auto cb) { ada.CreatePost("ada's words", cb); });
    ASSERT_TRUE(post.ok());
    std::string id = post.value().id;

    auto stolen_delete = Await<Unit>([&](auto cb) { mallory.DeletePost(id, cb); });
    ASSERT_FALSE(stolen_delete.ok());
    EXPECT_EQ(stolen_delete.error().http_status, 404);

    HttpRequest patch;
    patch.method = "PATCH";
    patch.path = "/api/v1/posts/" + id;
    patch.headers = {{"Content-Type", "application/json"}};
    patch.body = R"({"text":"pwned"})";
    std::optional<HttpResponse> answer;
    mallory.SendAuthorized(patch, [&](HttpResponse r) { answer = r; });
    EXPECT_EQ(answer->status, 404);

    auto still = Await<Post>([&](auto cb) { ada.GetPost(id, cb); });
    ASSERT_TRUE(still.ok());
    EXPECT_EQ(still.value().text, "ada's words");

    answer.reset();
    HttpRequest own_patch = patch;
    own_patch.body = R"({"text":"edited by ada"})";
    ada.SendAuthorized(own_patch, [&](HttpResponse r) { answer = r; });
    EXPECT_EQ(answer->status, 200);
    EXPECT_EQ(Await<Post>([&](auto cb) { ada.GetPost(id, cb); }).value().text, "edited by ada");

    EXPECT_TRUE(Await<Unit>([&](auto cb) { ada.DeletePost(id, cb); }).ok());
    EXPECT_EQ(Await<Post>([&](auto cb) { ada.GetPost(id, cb); }).error().http_status, 404);
}

TEST(Posts, OpenApiContractIsServed) {
    ServerProcess server;
    HttpRequest request;
    request.method = "GET";
    request.path = "/api/openapi.json";
    HttpResponse response = CurlPerform(server.base_url(), request);
    ASSERT_EQ(response.status, 200);
    Json doc = Json::parse(response.body, nullptr, false);
    ASSERT_FALSE(doc.is_discarded());
    EXPECT_EQ(doc["openapi"], "3.0.3");
    EXPECT_TRUE(doc["paths"].contains("/auth/signup"));
    EXPECT_TRUE(doc["paths"].contains("/posts/{id}"));
}

}  // namespace
}  // namespace skyloom::testing
