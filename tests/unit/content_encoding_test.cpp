// Picking a precompressed static file by Accept-Encoding.
#include "http/content_encoding.h"

#include <gtest/gtest.h>

namespace skyloom::server {
namespace {

TEST(ContentEncoding, BrotliFirstThenGzipThenTheFileItself) {
    EXPECT_EQ(ChooseContentEncoding("gzip, deflate, br, zstd", true, true), "br");
    EXPECT_EQ(ChooseContentEncoding("gzip, deflate", true, true), "gzip");
    EXPECT_EQ(ChooseContentEncoding("gzip, br", false, true), "gzip");  // no .br beside it
    EXPECT_EQ(ChooseContentEncoding("br", false, true), "");
    EXPECT_EQ(ChooseContentEncoding("", true, true), "");
    EXPECT_EQ(ChooseContentEncoding("identity", true, true), "");
}

TEST(ContentEncoding, QValuesAndWildcards) {
    EXPECT_EQ(ChooseContentEncoding("br;q=0, gzip", true, true), "gzip");
    EXPECT_EQ(ChooseContentEncoding("br;q=0.5, gzip;q=0.8", true, true), "gzip");
    EXPECT_EQ(ChooseContentEncoding("*", true, true), "br");
    EXPECT_EQ(ChooseContentEncoding("*;q=0", true, true), "");
    EXPECT_EQ(ChooseContentEncoding("GZIP", false, true), "gzip");
    EXPECT_EQ(ChooseContentEncoding("brotli, xgzip", true, true), "");  // not the same tokens
}

}  // namespace
}  // namespace skyloom::server
