// core/text: which text needs the browser's engine, and the cache/budget policy behind
// the browser-rasterised text blocks (src/app/ui/rich_text.*).
#include <gtest/gtest.h>

#include <string>

#include "text/block_cache.h"
#include "text/script_ranges.h"

namespace skyloom::text {
namespace {

TEST(ScriptRanges, LatinGreekCyrillicStayInTheAtlas) {
    EXPECT_FALSE(NeedsBrowserEngine("Hello, world! 123"));
    EXPECT_FALSE(
        NeedsBrowserEngine("Caf\xC3\xA9 cr\xC3\xA8me \xE2\x80\x94 na\xC3\xAFve \xE2\x80\xA6"));
    EXPECT_FALSE(NeedsBrowserEngine(
        "\xCE\x9A\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xBC\xCE\xAD\xCF\x81\xCE\xB1"));  // Καλημέρα
    EXPECT_FALSE(NeedsBrowserEngine("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"));  // Привет
    EXPECT_FALSE(NeedsBrowserEngine("Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t"));  // Tiếng Việt
    EXPECT_FALSE(NeedsBrowserEngine("line one\nline two"));
    EXPECT_FALSE(NeedsBrowserEngine(""));
}

TEST(ScriptRanges, OtherScriptsAndEmojiNeedTheBrowser) {
    EXPECT_TRUE(NeedsBrowserEngine("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"));      // 日本語
    EXPECT_TRUE(NeedsBrowserEngine("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4"));      // 한국어
    EXPECT_TRUE(NeedsBrowserEngine("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"));  // مرحبا
    EXPECT_TRUE(NeedsBrowserEngine("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"));          // שלום
    EXPECT_TRUE(NeedsBrowserEngine("\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D"));  // नमस्
    EXPECT_TRUE(NeedsBrowserEngine("\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1"));  // สวั
    EXPECT_TRUE(NeedsBrowserEngine("ok \xF0\x9F\x98\x80"));                   // 😀, beyond U+FFFF
    EXPECT_TRUE(NeedsBrowserEngine("a\xCC\x81"));  // a + combining acute: needs mark placement
    EXPECT_TRUE(NeedsBrowserEngine("\xE2\x9D\xA4\xEF\xB8\x8F"));  // ❤️ (variation selector)
}

TEST(ScriptRanges, MalformedUtf8GoesToTheBrowserAsReplacementCharacters) {
    EXPECT_TRUE(NeedsBrowserEngine(std::string("ab\xC3", 3)));
    EXPECT_TRUE(NeedsBrowserEngine(std::string("\xFF", 1)));
}

TEST(ScriptRanges, AGlyphMissingFromTheFontOverridesTheRanges) {
    // A font built with Latin-1 only (ImGui's heading fonts): Greek is not in it.
    auto latin1_only = [](char32_t c) { return c <= 0xFF; };
    EXPECT_TRUE(NeedsBrowserEngine("\xCE\xB1", latin1_only));
    EXPECT_FALSE(NeedsBrowserEngine("\xC3\xA9t\xC3\xA9", latin1_only));
    // Even with every glyph present, right-to-left letters need reordering.
    auto everything = [](char32_t) { return true; };
    EXPECT_TRUE(NeedsBrowserEngine("\xD7\xA9", everything));
    EXPECT_FALSE(NeedsBrowserEngine("\xE6\x97\xA5", everything));
}

TEST(ScriptRanges, ShapingClasses) {
    EXPECT_FALSE(NeedsShaping(U'A'));
    EXPECT_FALSE(NeedsShaping(0x03B1));   // α
    EXPECT_TRUE(NeedsShaping(0x0301));    // combining acute
    EXPECT_TRUE(NeedsShaping(0x05D0));    // א
    EXPECT_TRUE(NeedsShaping(0x0627));    // ا
    EXPECT_TRUE(NeedsShaping(0x200D));    // zero-width joiner
    EXPECT_TRUE(NeedsShaping(0xFE0F));    // emoji presentation selector
    EXPECT_TRUE(NeedsShaping(0x1F3FD));   // skin tone
    EXPECT_FALSE(NeedsShaping(0x1F600));  // 😀 alone: a glyph the atlas lacks, not shaping
    EXPECT_FALSE(NeedsShaping(0x4E2D));   // 中
}

TEST(ScriptRanges, EagerRangesAreSortedPairs) {
    const uint16_t* r = kEagerFontRanges;
    uint16_t last = 0;
    for (; r[0] != 0; r += 2) {
        EXPECT_LE(r[0], r[1]);
        EXPECT_GT(r[0], last);
        last = r[1];
    }
    EXPECT_TRUE(InRanges(U'A', kEagerFontRanges));
    EXPECT_TRUE(InRanges(0x2026, kEagerFontRanges));  // … (the UI's own strings)
    EXPECT_TRUE(InRanges(0x00B7, kEagerFontRanges));  // ·
    EXPECT_FALSE(InRanges(0x4E2D, kEagerFontRanges));
}

struct FakeTexture {
    uint32_t handle = 0;
};

TEST(BlockCache, FindMarksSeenAndInsertReturnsWhatItReplaced) {
    BlockCache<FakeTexture> cache(CacheLimits{1000, 10});
    EXPECT_EQ(cache.Find("a", 1), nullptr);
    EXPECT_FALSE(cache.Insert("a", {7}, 100, 1).has_value());
    ASSERT_NE(cache.Find("a", 2), nullptr);
    EXPECT_EQ(cache.Find("a", 2)->handle, 7u);
    auto old = cache.Insert("a", {8}, 300, 2);
    ASSERT_TRUE(old.has_value());
    EXPECT_EQ(old->handle, 7u);
    EXPECT_EQ(cache.used_bytes(), 300u);
    EXPECT_EQ(cache.size(), 1u);
}

TEST(BlockCache, ReleasesEntriesUnseenForTooLong) {
    BlockCache<FakeTexture> cache(CacheLimits{1u << 30, 10});
    (void)cache.Insert("old", {1}, 10, 1);
    (void)cache.Insert("seen", {2}, 10, 1);
    for (uint64_t frame = 2; frame <= 11; frame++) {
        (void)cache.Find("seen", frame);
        EXPECT_TRUE(cache.Evict(frame).empty()) << frame;
    }
    (void)cache.Find("seen", 12);
    auto released = cache.Evict(12);
    ASSERT_EQ(released.size(), 1u);
    EXPECT_EQ(released[0].handle, 1u);
    EXPECT_EQ(cache.used_bytes(), 10u);
}

TEST(BlockCache, OverBudgetDropsLeastRecentlySeenButNeverWhatIsOnScreen) {
    BlockCache<FakeTexture> cache(CacheLimits{250, 1000});
    (void)cache.Insert("a", {1}, 100, 1);
    (void)cache.Insert("b", {2}, 100, 2);
    (void)cache.Insert("c", {3}, 100, 3);
    (void)cache.Find("a", 4);  // a is seen again: b is now the oldest
    auto released = cache.Evict(4);
    ASSERT_EQ(released.size(), 1u);
    EXPECT_EQ(released[0].handle, 2u);
    EXPECT_EQ(cache.used_bytes(), 200u);

    // Everything on screen this frame stays even over budget.
    (void)cache.Insert("d", {4}, 400, 5);
    (void)cache.Find("a", 5);
    (void)cache.Find("c", 5);
    EXPECT_TRUE(cache.Evict(5).empty());
    EXPECT_EQ(cache.used_bytes(), 600u);
    // Next frame only "d" is seen: the others go until the total fits (d alone is still over).
    (void)cache.Find("d", 6);
    EXPECT_EQ(cache.Evict(6).size(), 2u);
    EXPECT_EQ(cache.size(), 1u);
}

TEST(BlockCache, ClearHandsBackEverything) {
    BlockCache<FakeTexture> cache;
    (void)cache.Insert("a", {1}, 5, 1);
    (void)cache.Insert("b", {2}, 5, 1);
    EXPECT_EQ(cache.Clear().size(), 2u);
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.used_bytes(), 0u);
}

TEST(FrameBudget, VisibleAndPrefetchHaveTheirOwnAllowances) {
    using Use = FrameBudget::Use;
    FrameBudget budget(FrameBudgetLimits{3, 4.0, 1, 1.0});
    budget.BeginFrame();
    EXPECT_TRUE(budget.Allow(Use::kPrefetch));
    budget.Spend(Use::kPrefetch, 0.1);
    EXPECT_FALSE(budget.Allow(Use::kPrefetch));  // one prefetch request per frame
    EXPECT_TRUE(budget.deferred());
    for (int i = 0; i < 3; i++) {
        EXPECT_TRUE(budget.Allow(Use::kVisible)) << i;
        budget.Spend(Use::kVisible, 0.5);
    }
    EXPECT_FALSE(budget.Allow(Use::kVisible));  // three items
    EXPECT_EQ(budget.items(), 4);

    budget.BeginFrame();
    EXPECT_FALSE(budget.deferred());
    budget.Spend(Use::kVisible, 4.5);  // one slow block uses the frame's time for visible text...
    EXPECT_FALSE(budget.Allow(Use::kVisible));
    EXPECT_TRUE(budget.Allow(Use::kPrefetch));  // ... but not prefetching's
    budget.Spend(Use::kPrefetch, 1.2);
    EXPECT_FALSE(budget.Allow(Use::kPrefetch));  // which has a time limit of its own
}

}  // namespace
}  // namespace skyloom::text
