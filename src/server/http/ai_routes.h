// The /api/v1/ai/* routes (http/ai_routes.cpp); routes.cpp adds them to its route table.
//
// Streaming answers (autofill, chat) are server-sent events, Content-Type text/event-stream:
//   data: {"token":"..."}                       one per piece of text, in order
//   data: {"done":true, "inference_id", "model", "finish_reason", "tokens",
//          "first_token_ms", "latency_ms", ...}  last; autofill adds "completion",
//                                               chat adds "reply" and the stored "messages"
//   event: error / data: {"error":{code,message,retry_after?}}   when a model fails mid-stream
// A failure before the first piece is an ordinary JSON error with its status instead, and a
// client that sends `Accept: application/json` (without text/event-stream) gets only the final
// object as JSON.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "http/routes.h"

namespace skyloom::server {

using AiRoute = RouteSpec;

[[nodiscard]] std::vector<AiRoute> AiRoutes(const std::shared_ptr<RouteContext>& ctx);

}  // namespace skyloom::server
