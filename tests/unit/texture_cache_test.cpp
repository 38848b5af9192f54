#include "ui/texture_cache.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace skyloom::ui {
namespace {

constexpr size_t kMB = 1024 * 1024;

TEST(TextureCache, LoadsAtMostFourAtATimeNewestFirst) {
    TextureCache cache;
    for (int i = 0; i < 6; ++i) cache.Touch("img" + std::to_string(i), 10 + i);
    auto first = cache.TakeLoadRequests();
    ASSERT_EQ(first.size(), 4u);
    EXPECT_EQ(first[0], "img5");
    EXPECT_TRUE(cache.TakeLoadRequests().empty()) << "four already in flight";
    cache.MarkReady("img5", 1, kMB, 0);
    cache.MarkFailed("img4");
    auto next = cache.TakeLoadRequests();
    EXPECT_EQ(next.size(), 2u);
    EXPECT_EQ(cache.state("img4"), TextureCache::State::kFailed);
}

TEST(TextureCache, StaysWithinBudgetEvictingLeastRecentlySeen) {
    TextureCache cache(10 * kMB);
    for (int i = 0; i < 5; ++i) {
        std::string id = "img" + std::to_string(i);
        cache.Touch(id, uint64_t(i));
        (void)cache.TakeLoadRequests();
        cache.MarkReady(id, uint32_t(100 + i), 3 * kMB, 0);
    }
    EXPECT_EQ(cache.used_bytes(), 15 * kMB);
    auto released = cache.Evict(5);
    EXPECT_LE(cache.used_bytes(), 10 * kMB);
    ASSERT_EQ(released.size(), 2u);
    EXPECT_TRUE(std::count(released.begin(), released.end(), 100u));
    EXPECT_TRUE(std::count(released.begin(), released.end(), 101u));
    EXPECT_EQ(cache.state("img0"), TextureCache::State::kMissing);
    EXPECT_EQ(cache.handle("img4"), 104u);
}

TEST(TextureCache, NeverEvictsWhatIsOnScreenThisFrame) {
    TextureCache cache(1 * kMB);
    cache.Touch("big", 7);
    (void)cache.TakeLoadRequests();
    cache.MarkReady("big", 9, 50 * kMB, 0);
    cache.Touch("big", 8);
    EXPECT_TRUE(cache.Evict(8).empty());
    EXPECT_EQ(cache.Evict(9).size(), 1u) << "once off screen, over budget goes";
}

TEST(TextureCache, ReleasesFarAwayImagesEvenUnderBudget) {
    TextureCache cache;
    cache.Touch("a", 1);
    (void)cache.TakeLoadRequests();
    cache.MarkReady("a", 5, kMB, 0);
    EXPECT_TRUE(cache.Evict(1 + kReleaseAfterUnseenFrames).empty());
    auto released = cache.Evict(2 + kReleaseAfterUnseenFrames);
    ASSERT_EQ(released.size(), 1u);
    EXPECT_EQ(released[0], 5u);
    EXPECT_EQ(cache.used_bytes(), 0u);
}

TEST(TextureCache, FadesInAfterReady) {
    TextureCache cache;
    cache.Touch("a", 1);
    (void)cache.TakeLoadRequests();
    EXPECT_EQ(cache.FadeAlpha("a", 0), 0.0f);
    cache.MarkReady("a", 5, kMB, 1000);
    EXPECT_NEAR(cache.FadeAlpha("a", 1100), 0.5f, 1e-6);
    EXPECT_EQ(cache.FadeAlpha("a", 5000), 1.0f);
    EXPECT_EQ(cache.Clear().size(), 1u);
    EXPECT_EQ(cache.state("a"), TextureCache::State::kMissing);
}

}  // namespace
}  // namespace skyloom::ui
