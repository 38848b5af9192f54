// A word trigram language model with interpolated Kneser-Ney smoothing, used by the built-in
// (offline) autofill and chat provider. Trained once from plain text documents; read-only and
// thread-safe afterwards.
//
//   NgramModel model = NgramModel::Train({"A day for firm decisions!", "Know thyself."});
//   std::mt19937_64 rng(42);
//   auto words = model.Sample(model.ContextOf("A day for"), 40, rng, {});
//   std::string text = DetokenizeContinuation("A day for", model.Words(words));
//
// Why interpolated Kneser-Ney (Chen & Goodman 1998, "An Empirical Study of Smoothing
// Techniques"): it is the best-performing classic n-gram smoother; unlike stupid backoff it is
// a normalised distribution (so the tests can check probabilities and sampling is exact), and
// its lower orders use continuation counts ("how many contexts does this word follow") instead
// of raw frequency, so a word like "Francisco" that is frequent but only after "San" does not
// flood the backed-off distribution. Every word of the vocabulary and the unknown word get a
// non-zero probability in every context through the interpolation with a uniform floor.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace skyloom::server::ai {

using WordId = uint32_t;
constexpr WordId kBos = 0;  // <s>: padding before a document's first word
constexpr WordId kEos = 1;  // </s>: the end of a document
constexpr WordId kUnk = 2;  // a word the model never saw

// Splits text into words and punctuation marks ("Don't panic!" -> Don't, panic, !).
[[nodiscard]] std::vector<std::string> Tokenize(std::string_view text);

// Joins generated tokens as a continuation of `before`: the returned string starts with the
// space the join needs (none after an empty text, whitespace or an opening bracket; none before
// punctuation), so `before + DetokenizeContinuation(before, tokens)` reads naturally.
[[nodiscard]] std::string DetokenizeContinuation(std::string_view before,
                                                 const std::vector<std::string>& tokens);
// The text to append for one more token after `previous` (the text so far ends with it).
[[nodiscard]] std::string JoinToken(std::string_view previous_text, std::string_view token);

struct NgramContext {
    WordId u = kBos;  // the word before v
    WordId v = kBos;  // the last word
};

struct SampleOptions {
    bool allow_end = true;  // false: never end the document (autofill wants max_tokens words)
    // Scales each order's back-off mass when sampling (1 = the exact Kneser-Ney distribution).
    // Below 1 it favours continuations actually seen after the longer context, like a
    // temperature below 1 does for neural models: with many singleton trigrams, KN backs off a
    // third of the time, and raw samples read as word salad. Probability() stays exact.
    double backoff_scale = 0.3;
};

class NgramModel {
  public:
    // Each document is one fortune or one post; documents are padded with <s> <s> ... </s>.
    [[nodiscard]] static NgramModel Train(const std::vector<std::string>& documents);

    // P(w | u v), interpolated Kneser-Ney; > 0 for every w (including kUnk and unseen words).
    [[nodiscard]] double Probability(NgramContext context, WordId w) const;
    [[nodiscard]] double Probability(std::string_view u, std::string_view v,
                                     std::string_view w) const;

    // The context at the end of `text`: its last two words (unknown words map to kUnk).
    [[nodiscard]] NgramContext ContextOf(std::string_view text) const;
    // Draws up to `count` words after `context` from the model; stops early at </s> when
    // options.allow_end. Deterministic for a given generator state.
    template <typename Visit>
    void Sample(NgramContext context, int count, std::mt19937_64& rng, SampleOptions options,
                Visit&& visit) const {
        for (int i = 0; i < count; ++i) {
            WordId w = Next(context, rng, options);
            if (w == kEos) return;
            if (!visit(w)) return;
            context = NgramContext{context.v, w};
        }
    }
    [[nodiscard]] WordId Next(NgramContext context, std::mt19937_64& rng,
                              SampleOptions options) const;

    [[nodiscard]] WordId Find(std::string_view word) const;  // kUnk when unknown
    [[nodiscard]] const std::string& Word(WordId id) const { return m_words[id]; }
    [[nodiscard]] size_t VocabularySize() const { return m_words.size(); }
    [[nodiscard]] size_t TrigramTypes() const { return m_trigram_entries.size(); }
    [[nodiscard]] size_t TrainingTokens() const { return m_training_tokens; }
    [[nodiscard]] double Discount(int order) const { return m_discount[order - 1]; }

  private:
    struct Entry {
        WordId w;
        uint32_t count;  // raw count (trigrams) or continuation count (bigrams, unigrams)
    };
    // A context's continuations: entries [begin, end) sorted by w.
    struct Range {
        uint32_t begin = 0;
        uint32_t end = 0;
        uint64_t total = 0;  // sum of counts
    };

    [[nodiscard]] static uint64_t Key(WordId u, WordId v) { return (uint64_t(u) << 32) | v; }
    [[nodiscard]] static uint32_t CountIn(const std::vector<Entry>& entries, const Range& range,
                                          WordId w);
    [[nodiscard]] double UnigramProbability(WordId w) const;
    [[nodiscard]] double BigramProbability(WordId v, WordId w) const;
    // One draw from the interpolated distribution: walk down the orders, taking the discounted
    // counts of an order with their share of its mass and backing off with the rest.
    [[nodiscard]] WordId Draw(NgramContext context, std::mt19937_64& rng,
                              double backoff_scale) const;
    [[nodiscard]] static double Uniform01(std::mt19937_64& rng);

    std::vector<std::string> m_words;  // by id; 0..2 are <s>, </s>, <unk>
    std::unordered_map<std::string, WordId> m_ids;

    std::vector<Entry> m_trigram_entries;  // raw counts c(u v w)
    std::unordered_map<uint64_t, Range> m_trigrams;
    std::vector<Entry> m_bigram_entries;  // continuation counts N1+(. v w)
    std::unordered_map<uint64_t, Range> m_bigrams;
    std::vector<uint32_t> m_unigram_counts;    // continuation counts N1+(. w), by id
    std::vector<double> m_unigram_cumulative;  // of the discounted counts, by id
    uint64_t m_unigram_total = 0;
    uint32_t m_unigram_types = 0;
    double m_discount[3] = {0.5, 0.75, 0.75};  // D1, D2, D3 from count-of-counts (Ney)
    size_t m_training_tokens = 0;
};

}  // namespace skyloom::server::ai
