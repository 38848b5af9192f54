#include "ai/builtin_provider.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <set>
#include <thread>

#include "ai/corpus.h"

namespace skyloom::server::ai {
namespace {

constexpr int kChatCandidates = 8;
constexpr size_t kMinContentWordBytes = 4;  // shorter words are mostly function words

std::set<std::string> ContentWords(const std::string& text) {
    std::set<std::string> words;
    for (std::string token : Tokenize(text)) {
        if (token.size() < kMinContentWordBytes) continue;
        for (char& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        words.insert(token);
    }
    return words;
}

uint64_t RandomSeed() {
    static std::random_device device;
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    return (uint64_t(device()) << 32) ^ device();
}

class BuiltinProvider final : public Provider {
  public:
    explicit BuiltinProvider(BuiltinOptions options) : m_options(std::move(options)) {
        m_trainer = std::thread([this] { Train(); });
    }
    ~BuiltinProvider() override { m_trainer.join(); }

    std::string Name() const override { return "builtin"; }

    Result<GenerationResult> Generate(const GenerationRequest& request,
                                      const TokenSink& sink) override {
        std::shared_ptr<const NgramModel> held = WaitForModel();
        const NgramModel& model = *held;
        uint64_t seed = request.seed ? *request.seed : RandomSeed();
        GenerationResult result;
        result.model = kBuiltinModelName;
        result.finish_reason = "stop";
        if (request.kind == GenerationKind::kChat) {
            std::vector<std::string> words =
                BuiltinChatReply(model, request.text, m_options.persona, request.max_tokens, seed);
            std::string reply;
            for (const std::string& word : words) {
                std::string piece = JoinToken(reply, word);
                reply += piece;
                ++result.tokens;
                if (!sink(piece)) return Cancelled(result);
            }
            if (result.tokens >= request.max_tokens) result.finish_reason = "length";
            return result;
        }
        std::mt19937_64 rng(seed);
        std::string text = request.text;
        bool cancelled = false;
        SampleOptions options;
        options.allow_end = false;  // autofill gives the words asked for
        model.Sample(model.ContextOf(text), request.max_tokens, rng, options, [&](WordId w) {
            std::string piece = JoinToken(text, model.Word(w));
            text += piece;
            ++result.tokens;
            cancelled = !sink(piece);
            return !cancelled;
        });
        if (cancelled) return Cancelled(result);
        result.finish_reason = "length";
        return result;
    }

    void Refresh() override { Train(); }

  private:
    static Result<GenerationResult> Cancelled(GenerationResult result) {
        result.finish_reason = "cancelled";
        return result;
    }

    void Train() {
        auto start = std::chrono::steady_clock::now();
        std::vector<std::string> documents = LoadFortunes(m_options.corpus_dir);
        size_t fortunes = documents.size();
        size_t posts = 0;
        if (m_options.load_posts) {
            try {
                for (std::string& post : m_options.load_posts()) {
                    documents.push_back(std::move(post));
                    ++posts;
                }
            } catch (const std::exception& e) {
                std::fprintf(stderr, "ai: could not read posts for the builtin model: %s\n",
                             e.what());
            }
        }
        if (documents.empty()) documents = FallbackDocuments();
        auto model = std::make_shared<const NgramModel>(NgramModel::Train(documents));
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
        std::fprintf(stderr,
                     "ai: builtin model trained in %lld ms from %zu fortunes and %zu posts "
                     "(%zu tokens, %zu words, %zu trigram types)\n",
                     static_cast<long long>(ms), fortunes, posts, model->TrainingTokens(),
                     model->VocabularySize(), model->TrigramTypes());
        {
            std::lock_guard lock(m_mutex);
            m_model = std::move(model);
        }
        m_ready.notify_all();
    }

    std::shared_ptr<const NgramModel> WaitForModel() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return m_model != nullptr; });
        return m_model;
    }

    BuiltinOptions m_options;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::shared_ptr<const NgramModel> m_model;  // replaced whole by Refresh(), never modified
    std::thread m_trainer;
};

}  // namespace

std::vector<std::string> BuiltinChatReply(const NgramModel& model, const std::string& message,
                                          const Persona& persona, int max_tokens, uint64_t seed) {
    std::set<std::string> asked = ContentWords(message);
    std::set<std::string> style = ContentWords(persona.style);
    std::mt19937_64 rng(seed);
    std::vector<std::string> best;
    double best_score = -1;
    for (int candidate = 0; candidate < kChatCandidates; ++candidate) {
        std::vector<std::string> words;
        // A reply starts a new sentence rather than continuing the user's.
        model.Sample(NgramContext{}, max_tokens, rng, SampleOptions{}, [&](WordId w) {
            words.push_back(model.Word(w));
            return true;
        });
        std::set<std::string> used = ContentWords(DetokenizeContinuation("", words));
        double score = 0;
        for (const std::string& word : used) score += asked.count(word) ? 2.0 : style.count(word);
        if (words.size() < 4) score -= 1;  // one-word replies read as rude
        if (score > best_score) {
            best_score = score;
            best = std::move(words);
        }
    }
    return best;
}

std::unique_ptr<Provider> MakeBuiltinProvider(BuiltinOptions options) {
    return std::make_unique<BuiltinProvider>(std::move(options));
}

}  // namespace skyloom::server::ai
