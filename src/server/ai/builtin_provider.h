// The offline provider: a Kneser-Ney word trigram model (ai/ngram_model.h) trained at start-up,
// on a background thread, from the fortune files and the site's posts. Requests that arrive
// before training ends wait for it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ai/ngram_model.h"
#include "ai/provider.h"

namespace skyloom::server::ai {

constexpr const char* kBuiltinModelName = "builtin-kn-trigram";

struct BuiltinOptions {
    std::string corpus_dir;  // fortune files; see LoadFortunes
    // The site's posts, read on the training thread (a database query in the server).
    std::function<std::vector<std::string>()> load_posts;
    Persona persona;
};

[[nodiscard]] std::unique_ptr<Provider> MakeBuiltinProvider(BuiltinOptions options);

// A reply for chat: several seeded candidate sentences, the one sharing most words with the
// message (and then the persona's style) wins. Exposed for unit tests.
[[nodiscard]] std::vector<std::string> BuiltinChatReply(const NgramModel& model,
                                                        const std::string& message,
                                                        const Persona& persona, int max_tokens,
                                                        uint64_t seed);

}  // namespace skyloom::server::ai
