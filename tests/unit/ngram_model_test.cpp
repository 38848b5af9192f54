// The builtin autofill model: interpolated Kneser-Ney trigrams (src/server/ai/ngram_model.h).
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <sstream>

#include "ai/builtin_provider.h"
#include "ai/corpus.h"
#include "ai/ngram_model.h"

namespace skyloom::server::ai {
namespace {

const std::vector<std::string> kDocs = {
    "The cat sat on the mat.",
    "The cat ate the fish.",
    "The dog sat on the log.",
    "A dog barked at the cat.",
    "The quick brown fox jumps over the lazy dog.",
};

TEST(Tokenize, SplitsWordsAndPunctuation) {
    EXPECT_EQ(Tokenize("Don't panic!  It's well-known..."),
              (std::vector<std::string>{"Don't", "panic", "!", "It's", "well-known", "..."}));
    EXPECT_EQ(Tokenize("-- Mark Twain"), (std::vector<std::string>{"--", "Mark", "Twain"}));
    EXPECT_TRUE(Tokenize(" \n\t").empty());
}

TEST(Tokenize, JoinsPunctuationWithoutSpaces) {
    EXPECT_EQ(DetokenizeContinuation("Hello", {",", "world", "!"}), ", world!");
    EXPECT_EQ(DetokenizeContinuation("", {"Hi", "there"}), "Hi there");
    EXPECT_EQ(DetokenizeContinuation("Ends with space ", {"word"}), "word");
    EXPECT_EQ(DetokenizeContinuation("He said", {"\"", "yes", "\"", "."}), " \"yes\".");
    EXPECT_EQ(DetokenizeContinuation("(", {"aside", ")"}), "aside)");
}

TEST(NgramModel, ProbabilitiesFormADistribution) {
    NgramModel model = NgramModel::Train(kDocs);
    for (auto [u, v] : {std::pair{"The", "cat"}, {"the", "dog"}, {"sat", "on"}, {"zzz", "qqq"}}) {
        NgramContext context{model.Find(u), model.Find(v)};
        double sum = 0;
        for (WordId w = 1; w < model.VocabularySize(); ++w) sum += model.Probability(context, w);
        EXPECT_NEAR(sum, 1.0, 1e-9) << u << " " << v;
    }
}

TEST(NgramModel, SmoothingGivesUnseenContinuationsMass) {
    NgramModel model = NgramModel::Train(kDocs);
    // Seen: "The cat" -> "sat".
    double seen = model.Probability("The", "cat", "sat");
    // Never seen after "The cat", but a known word: interpolated lower orders give it mass.
    double unseen_known = model.Probability("The", "cat", "barked");
    // A word the model never saw at all: the uniform floor.
    double unknown = model.Probability("The", "cat", "xylophone");
    // An unseen context entirely backs off.
    double unseen_context = model.Probability("purple", "elephant", "sat");
    EXPECT_GT(seen, unseen_known);
    EXPECT_GT(unseen_known, 0.0);
    EXPECT_GT(unknown, 0.0);
    EXPECT_GT(unseen_context, 0.0);
    EXPECT_LT(unknown, unseen_known);
    // Kneser-Ney's continuation counts: "cat" follows 3 different words, "fish" only "the".
    EXPECT_GT(model.Probability("purple", "elephant", "cat"),
              model.Probability("purple", "elephant", "fish"));
}

TEST(NgramModel, DiscountsComeFromCountsOfCounts) {
    NgramModel model = NgramModel::Train(kDocs);
    for (int order = 1; order <= 3; ++order) {
        EXPECT_GT(model.Discount(order), 0.0);
        EXPECT_LT(model.Discount(order), 1.0);
    }
}

TEST(NgramModel, SamplingIsDeterministicForASeed) {
    NgramModel model = NgramModel::Train(kDocs);
    auto sample = [&](uint64_t seed) {
        std::mt19937_64 rng(seed);
        std::vector<std::string> words;
        SampleOptions options;
        options.allow_end = false;
        model.Sample(model.ContextOf("The cat"), 30, rng, options, [&](WordId w) {
            words.push_back(model.Word(w));
            return true;
        });
        return words;
    };
    EXPECT_EQ(sample(7), sample(7));
    EXPECT_EQ(sample(7).size(), 30u);  // no early end when the caller asks for a fixed length
    EXPECT_NE(sample(7), sample(8));
}

TEST(NgramModel, ContinuesFromTheLastWords) {
    NgramModel model = NgramModel::Train(kDocs);
    // After "quick brown" the corpus only ever has "fox": with the exact distribution (scale 1)
    // a tiny corpus backs off often (D is near 1), the default sharpened sampling mostly takes
    // the seen trigram; neither ever produces <s> or <unk>.
    auto count_fox = [&](double scale) {
        int fox = 0;
        SampleOptions options;
        options.backoff_scale = scale;
        for (uint64_t seed = 0; seed < 400; ++seed) {
            std::mt19937_64 rng(seed);
            WordId w = model.Next(model.ContextOf("A very quick brown"), rng, options);
            EXPECT_NE(w, kBos);
            EXPECT_NE(w, kUnk);
            fox += model.Word(w) == "fox";
        }
        return fox;
    };
    int exact = count_fox(1.0), sharpened = count_fox(SampleOptions{}.backoff_scale);
    // Exact: P(fox | quick brown) from the model itself, within sampling noise.
    double p = model.Probability("quick", "brown", "fox");
    EXPECT_NEAR(exact / 400.0, p, 0.08);
    EXPECT_GT(sharpened, exact);
    EXPECT_GT(sharpened, exact * 3 / 2);
    // Context is the last two words, case-insensitively when the exact case is unknown.
    NgramContext context = model.ContextOf("well, THE CAT");
    EXPECT_EQ(model.Word(context.u), "the");  // "THE" is unknown; its lowercase is known
    EXPECT_EQ(model.Word(context.v), "cat");
    EXPECT_EQ(model.ContextOf("").v, kBos);
}

TEST(NgramModel, ChatReplyPrefersTheMessagesWords) {
    NgramModel model = NgramModel::Train(kDocs);
    Persona persona;
    auto reply = BuiltinChatReply(model, "tell me about the lazy fox", persona, 20, 3);
    ASSERT_FALSE(reply.empty());
    EXPECT_EQ(reply, BuiltinChatReply(model, "tell me about the lazy fox", persona, 20, 3));
}

TEST(Corpus, SplitsFortuneFiles) {
    auto fortunes = SplitFortunes("One.\n%\nTwo\n-- not a source\n%\n\n%\nThree\n");
    ASSERT_EQ(fortunes.size(), 3u);
    EXPECT_EQ(fortunes[1], "Two\n-- not a source\n");  // a dash in the text stays
    EXPECT_TRUE(LoadFortunes("/nonexistent-dir").empty());
}

// The model copied "-- Albert Einstein" into drafts: sources are not training text.
TEST(Corpus, DropsAttributionLines) {
    auto fortunes = SplitFortunes(
        "Imagination is more important than knowledge.\n\t\t-- Albert Einstein\n%\n"
        "Quoted twice.\n    --Addison Mizner and Oliver Herford, \"The Entirely\n"
        "\tNew Cynic's Calendar\"\n%\nKeep this -- it is text.\n");
    ASSERT_EQ(fortunes.size(), 3u);
    EXPECT_EQ(fortunes[0], "Imagination is more important than knowledge.\n");
    EXPECT_EQ(fortunes[1], "Quoted twice.\n");
    EXPECT_EQ(fortunes[2], "Keep this -- it is text.\n");
}

// Trains on the real corpus when installed (scripts/setup installs `fortunes`): the start-up
// cost and that every word of a 40-word continuation is a real word.
TEST(Corpus, TrainsOnInstalledFortunes) {
    auto start = std::chrono::steady_clock::now();
    auto documents = LoadFortunes(kDefaultFortuneDir);
    if (documents.empty()) GTEST_SKIP() << "fortunes not installed";
    // No line of the training text starts, after its indentation, with an attribution dash.
    size_t with_source = 0;
    for (const std::string& d : documents) {
        std::istringstream lines(d);
        for (std::string line; std::getline(lines, line);) {
            const size_t start = line.find_first_not_of(" \t");
            with_source +=
                start > 0 && start != std::string::npos && line.compare(start, 2, "--") == 0;
        }
    }
    EXPECT_EQ(with_source, 0u) << "no attribution line reaches the model";
    NgramModel model = NgramModel::Train(documents);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    std::printf("trained on %zu fortunes in %lld ms: %zu tokens, %zu words, %zu trigram types\n",
                documents.size(), static_cast<long long>(ms), model.TrainingTokens(),
                model.VocabularySize(), model.TrigramTypes());
    EXPECT_GT(model.VocabularySize(), 10000u);
    std::mt19937_64 rng(1);
    std::vector<std::string> words;
    SampleOptions options;
    options.allow_end = false;
    model.Sample(model.ContextOf("The meaning of life is"), 40, rng, options, [&](WordId w) {
        words.push_back(model.Word(w));
        return true;
    });
    EXPECT_EQ(words.size(), 40u);
    std::printf("The meaning of life is%s\n",
                DetokenizeContinuation("The meaning of life is", words).c_str());
}

}  // namespace
}  // namespace skyloom::server::ai
