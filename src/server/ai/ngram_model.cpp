#include "ai/ngram_model.h"

#include <algorithm>
#include <cassert>
#include <cctype>

namespace skyloom::server::ai {
namespace {

// Ney's estimate D = n1 / (n1 + 2 n2) from the counts that occur once and twice.
double EstimateDiscount(uint64_t n1, uint64_t n2) {
    if (n1 + 2 * n2 == 0) return 0.5;
    return std::clamp(double(n1) / double(n1 + 2 * n2), 0.1, 0.95);
}

bool IsWordByte(unsigned char c) {
    return std::isalnum(c) || c >= 0x80;
}

bool IsSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Punctuation that attaches to the word before it.
bool AttachesLeft(std::string_view token) {
    if (token.empty()) return false;
    return std::string_view(".,!?;:)]}%").find(token[0]) != std::string_view::npos ||
           token == "'" || token == "'s";
}

std::string Lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::vector<std::string> Tokenize(std::string_view text) {
    std::vector<std::string> tokens;
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (IsSpace(text[i])) {
            ++i;
            continue;
        }
        size_t j = i + 1;
        if (IsWordByte(c)) {
            // Apostrophes and hyphens inside a word belong to it: don't, well-known.
            while (j < n) {
                unsigned char d = static_cast<unsigned char>(text[j]);
                bool joiner = (d == '\'' || d == '-') && j + 1 < n &&
                              IsWordByte(static_cast<unsigned char>(text[j + 1]));
                if (!IsWordByte(d) && !joiner) break;
                ++j;
            }
        } else if (c == '-' || c == '.') {
            while (j < n && text[j] == text[i]) ++j;  // "--", "..."
        }
        tokens.emplace_back(text.substr(i, j - i));
        i = j;
    }
    return tokens;
}

std::string JoinToken(std::string_view previous_text, std::string_view token) {
    if (previous_text.empty() || IsSpace(previous_text.back())) return std::string(token);
    char last = previous_text.back();
    bool open_quote = std::count(previous_text.begin(), previous_text.end(), '"') % 2 == 1;
    if (last == '(' || last == '[' || last == '{') return std::string(token);
    if (last == '"' && open_quote) return std::string(token);  // just after an opening quote
    if (AttachesLeft(token)) return std::string(token);
    if (token == "\"" && open_quote) return std::string(token);  // the closing quote
    return " " + std::string(token);
}

std::string DetokenizeContinuation(std::string_view before,
                                   const std::vector<std::string>& tokens) {
    std::string text(before);
    size_t start = text.size();
    for (const std::string& token : tokens) text += JoinToken(text, token);
    return text.substr(start);
}

NgramModel NgramModel::Train(const std::vector<std::string>& documents) {
    NgramModel model;
    model.m_words = {"<s>", "</s>", "<unk>"};
    model.m_ids.reserve(1 << 16);
    for (WordId id = 0; id < model.m_words.size(); ++id) model.m_ids[model.m_words[id]] = id;

    // Every trigram occurrence as one key (u, v, w) of 21 bits each (vocabularies stay far
    // below 2M words); sorting and counting runs is several times faster than hash maps here,
    // and sorted keys group each context's continuations together.
    constexpr int kBits = 21;
    constexpr uint64_t kMask = (uint64_t(1) << kBits) - 1;
    std::vector<uint64_t> keys;
    std::vector<WordId> sequence;
    for (const std::string& document : documents) {
        if (model.m_words.size() >= kMask - 1) break;  // a safety stop; never reached in practice
        sequence.assign({kBos, kBos});
        for (std::string& token : Tokenize(document)) {
            auto [it, inserted] = model.m_ids.try_emplace(token, WordId(model.m_words.size()));
            if (inserted) model.m_words.push_back(std::move(token));
            sequence.push_back(it->second);
        }
        if (sequence.size() == 2) continue;
        sequence.push_back(kEos);
        model.m_training_tokens += sequence.size() - 2;
        for (size_t i = 2; i < sequence.size(); ++i) {
            keys.push_back((uint64_t(sequence[i - 2]) << (2 * kBits)) |
                           (uint64_t(sequence[i - 1]) << kBits) | sequence[i]);
        }
    }
    std::sort(keys.begin(), keys.end());

    // Trigram level: raw counts c(u v w).
    uint64_t n1 = 0, n2 = 0;
    std::vector<uint64_t> bigram_keys;  // one (v, w) per trigram type: continuation counts
    bigram_keys.reserve(keys.size() / 2);
    model.m_trigrams.reserve(keys.size() / 3);
    for (size_t i = 0; i < keys.size();) {
        size_t j = i + 1;
        while (j < keys.size() && keys[j] == keys[i]) ++j;
        uint32_t count = uint32_t(j - i);
        uint64_t key = keys[i];
        i = j;
        WordId u = WordId(key >> (2 * kBits)), v = WordId((key >> kBits) & kMask),
               w = WordId(key & kMask);
        Range& range = model.m_trigrams[Key(u, v)];
        if (range.begin == range.end) {
            range.begin = range.end = uint32_t(model.m_trigram_entries.size());
        }
        model.m_trigram_entries.push_back(Entry{w, count});
        ++range.end;
        range.total += count;
        n1 += count == 1;
        n2 += count == 2;
        bigram_keys.push_back(Key(v, w));
    }
    keys = {};
    model.m_discount[2] = EstimateDiscount(n1, n2);

    // Bigram level with continuation counts N1+(. v w): distinct words u before "v w".
    std::sort(bigram_keys.begin(), bigram_keys.end());
    n1 = n2 = 0;
    model.m_unigram_counts.assign(model.m_words.size(), 0);
    model.m_bigrams.reserve(model.m_words.size());
    for (size_t i = 0; i < bigram_keys.size();) {
        size_t j = i + 1;
        while (j < bigram_keys.size() && bigram_keys[j] == bigram_keys[i]) ++j;
        uint32_t count = uint32_t(j - i);
        WordId v = WordId(bigram_keys[i] >> 32), w = WordId(bigram_keys[i] & 0xffffffffu);
        i = j;
        Range& range = model.m_bigrams[v];
        if (range.begin == range.end) {
            range.begin = range.end = uint32_t(model.m_bigram_entries.size());
        }
        model.m_bigram_entries.push_back(Entry{w, count});
        ++range.end;
        range.total += count;
        n1 += count == 1;
        n2 += count == 2;
        ++model.m_unigram_counts[w];  // N1+(. w): distinct words before w
    }
    model.m_discount[1] = EstimateDiscount(n1, n2);

    // Unigram level (continuation counts), drawn from by binary search on a cumulative table.
    n1 = n2 = 0;
    for (uint32_t count : model.m_unigram_counts) {
        n1 += count == 1;
        n2 += count == 2;
        model.m_unigram_total += count;
        model.m_unigram_types += count > 0;
    }
    model.m_discount[0] = EstimateDiscount(n1, n2);
    model.m_unigram_cumulative.resize(model.m_unigram_counts.size());
    double sum = 0;
    for (size_t i = 0; i < model.m_unigram_counts.size(); ++i) {
        uint32_t count = model.m_unigram_counts[i];
        if (count > 0) sum += count - model.m_discount[0];
        model.m_unigram_cumulative[i] = sum;
    }
    return model;
}

uint32_t NgramModel::CountIn(const std::vector<Entry>& entries, const Range& range, WordId w) {
    auto first = entries.begin() + range.begin, last = entries.begin() + range.end;
    auto it = std::lower_bound(first, last, w, [](const Entry& e, WordId id) { return e.w < id; });
    return it != last && it->w == w ? it->count : 0;
}

double NgramModel::UnigramProbability(WordId w) const {
    // Every word but <s> can follow: the uniform floor gives unseen and unknown words mass.
    double vocabulary = double(m_words.size() - 1);
    if (m_unigram_total == 0) return 1.0 / vocabulary;
    double d = m_discount[0];
    double count = w < m_unigram_counts.size() ? m_unigram_counts[w] : 0;
    double total = double(m_unigram_total);
    return std::max(count - d, 0.0) / total + d * m_unigram_types / total / vocabulary;
}

double NgramModel::BigramProbability(WordId v, WordId w) const {
    double lower = UnigramProbability(w);
    auto it = m_bigrams.find(v);
    if (it == m_bigrams.end()) return lower;
    const Range& range = it->second;
    double d = m_discount[1], total = double(range.total);
    double count = CountIn(m_bigram_entries, range, w);
    return std::max(count - d, 0.0) / total + d * (range.end - range.begin) / total * lower;
}

double NgramModel::Probability(NgramContext context, WordId w) const {
    double lower = BigramProbability(context.v, w);
    auto it = m_trigrams.find(Key(context.u, context.v));
    if (it == m_trigrams.end()) return lower;
    const Range& range = it->second;
    double d = m_discount[2], total = double(range.total);
    double count = CountIn(m_trigram_entries, range, w);
    return std::max(count - d, 0.0) / total + d * (range.end - range.begin) / total * lower;
}

double NgramModel::Probability(std::string_view u, std::string_view v, std::string_view w) const {
    return Probability(NgramContext{Find(u), Find(v)}, Find(w));
}

WordId NgramModel::Find(std::string_view word) const {
    if (word.empty()) return kUnk;
    std::string key(word);
    if (auto it = m_ids.find(key); it != m_ids.end()) return it->second;
    // Text typed by people varies in case more than the corpus: try lower and Capitalised.
    std::string lower = Lowercase(word);
    if (auto it = m_ids.find(lower); it != m_ids.end()) return it->second;
    lower[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lower[0])));
    if (auto it = m_ids.find(lower); it != m_ids.end()) return it->second;
    return kUnk;
}

NgramContext NgramModel::ContextOf(std::string_view text) const {
    std::vector<std::string> tokens = Tokenize(text);
    NgramContext context;
    if (!tokens.empty()) context.v = Find(tokens.back());
    if (tokens.size() >= 2) context.u = Find(tokens[tokens.size() - 2]);
    return context;
}

double NgramModel::Uniform01(std::mt19937_64& rng) {
    // 53 random bits: the same value on every standard library (unlike the distributions).
    return double(rng() >> 11) * 0x1.0p-53;
}

WordId NgramModel::Draw(NgramContext context, std::mt19937_64& rng, double backoff_scale) const {
    auto draw_from = [&](const std::vector<Entry>& entries, const Range& range, double d,
                         WordId& out) {
        double kept = d * (range.end - range.begin);  // the mass KN moves to the lower order
        double backoff = kept * backoff_scale;
        double x = Uniform01(rng) * (double(range.total) - kept + backoff);
        if (x < backoff) return false;
        x -= backoff;
        for (uint32_t i = range.begin; i < range.end; ++i) {
            double mass = entries[i].count - d;
            if (x < mass || i + 1 == range.end) {
                out = entries[i].w;
                return true;
            }
            x -= mass;
        }
        return false;
    };
    WordId w = kUnk;
    if (auto it = m_trigrams.find(Key(context.u, context.v)); it != m_trigrams.end()) {
        if (draw_from(m_trigram_entries, it->second, m_discount[2], w)) return w;
    }
    if (auto it = m_bigrams.find(context.v); it != m_bigrams.end()) {
        if (draw_from(m_bigram_entries, it->second, m_discount[1], w)) return w;
    }
    double kept = m_discount[0] * m_unigram_types;
    double backoff = kept * backoff_scale;
    double x = Uniform01(rng) * (double(m_unigram_total) - kept + backoff);
    if (m_unigram_total > 0 && x >= backoff) {
        auto it =
            std::upper_bound(m_unigram_cumulative.begin(), m_unigram_cumulative.end(), x - backoff);
        if (it != m_unigram_cumulative.end()) return WordId(it - m_unigram_cumulative.begin());
    }
    // The uniform floor: any word but <s>.
    return WordId(1 + rng() % (m_words.size() - 1));
}

WordId NgramModel::Next(NgramContext context, std::mt19937_64& rng, SampleOptions options) const {
    // Rejection keeps the draw exact for the distribution conditioned on "not <unk>" (and "not
    // </s>" when the caller wants a fixed length). A few tries suffice: both are rare draws.
    constexpr int kMaxTries = 32;
    WordId w = kUnk;
    for (int attempt = 0; attempt < kMaxTries; ++attempt) {
        w = Draw(context, rng, options.backoff_scale);
        if (w == kUnk || w == kBos) continue;
        if (w == kEos && !options.allow_end) continue;
        return w;
    }
    return options.allow_end ? kEos : WordId(m_words.size() > 3 ? 3 : kEos);
}

}  // namespace skyloom::server::ai
