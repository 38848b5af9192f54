// The server-sent events parser (src/core/api/sse.h), fed in arbitrary pieces.
#include <gtest/gtest.h>

#include "api/sse.h"

namespace skyloom {
namespace {

TEST(SseParser, ParsesEventsSplitAnywhere) {
    const std::string stream =
        ": keep-alive\r\n\r\ndata: {\"a\":1}\n\nevent: error\ndata: line one\ndata: line two\n"
        "id: 7\n\ndata:[DONE]\r\rdata: unfinished";
    for (size_t step : {1u, 2u, 5u, 1000u}) {
        SseParser parser;
        std::vector<SseEvent> events;
        for (size_t i = 0; i < stream.size(); i += step) {
            parser.Feed(std::string_view(stream).substr(i, step),
                        [&](const SseEvent& e) { events.push_back(e); });
        }
        ASSERT_EQ(events.size(), 3u) << "step " << step;
        EXPECT_EQ(events[0].data, "{\"a\":1}");
        EXPECT_EQ(events[0].event, "message");
        EXPECT_EQ(events[1].event, "error");
        EXPECT_EQ(events[1].data, "line one\nline two");
        EXPECT_EQ(events[1].id, "7");
        EXPECT_EQ(events[2].data, "[DONE]");
        EXPECT_GT(parser.pending_bytes(), 0u);
    }
    EXPECT_EQ(ParseSse("data: x").size(), 1u);  // a complete stream may end without a blank line
}

}  // namespace
}  // namespace skyloom
