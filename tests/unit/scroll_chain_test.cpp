// Nested scrolling: the inner area first, the rest to the outer one at its end.
#include "ui/scroll_chain.h"

#include <gtest/gtest.h>

namespace skyloom::ui {
namespace {

TEST(ScrollChain, TheInnerAreaTakesWhatItCan) {
    std::vector<ScrollAxis> chain = {{90, 100}, {0, 500}};
    EXPECT_EQ(ConsumeScroll(chain, 30), 0);
    EXPECT_EQ(chain[0].pos, 100);  // at its end after 10 px...
    EXPECT_EQ(chain[1].pos, 20);   // ... the outer page took the other 20
}

TEST(ScrollChain, BackUpTheInnerAreaGoesFirstAgain) {
    std::vector<ScrollAxis> chain = {{100, 100}, {20, 500}};
    EXPECT_EQ(ConsumeScroll(chain, -50), 0);
    EXPECT_EQ(chain[0].pos, 50);
    EXPECT_EQ(chain[1].pos, 20);
}

TEST(ScrollChain, AreasThatCannotScrollAreSkipped) {
    std::vector<ScrollAxis> chain = {{0, 0}, {0, 300}};
    EXPECT_EQ(ConsumeScroll(chain, 40), 0);
    EXPECT_EQ(chain[1].pos, 40);
}

TEST(ScrollChain, WhatNobodyTakesIsReturned) {
    std::vector<ScrollAxis> chain = {{0, 100}, {0, 300}};
    EXPECT_EQ(ConsumeScroll(chain, -25), -25);  // at the top: no rubber band
    EXPECT_EQ(chain[0].pos, 0);
    EXPECT_EQ(chain[1].pos, 0);
    std::vector<ScrollAxis> none;
    EXPECT_EQ(ConsumeScroll(none, 10), 10);
}

}  // namespace
}  // namespace skyloom::ui
