// A local model server speaking the documented upstream formats, for the hf and openai
// adapters: Hugging Face text-generation ([{generated_text}]) and OpenAI-compatible
// /v1/completions and /v1/chat/completions with `stream: true` server-sent events. It records
// every request (path, headers, body) and can misbehave on demand (slow, 500, 503, garbage).
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace skyloom::testing {

class FakeUpstream {
  public:
    enum class Mode {
        kNormal,            // answers like a healthy server
        kEcho,              // openai chat: the reply repeats every user message it was sent
        kSlow,              // waits 3 s before answering
        kServerError,       // HTTP 500
        kBusy,              // HTTP 503 with Retry-After: 7
        kGarbage,           // HTTP 200 with HTML
        kGarbageMidStream,  // openai: one good chunk, then an unparseable one
        kSlowStream,        // openai: 50 chunks, 100 ms apart (stops when the reader goes)
    };
    struct Request {
        std::string method;
        std::string path;
        std::string headers;  // raw header lines, names as sent
        std::string body;
    };

    FakeUpstream();
    ~FakeUpstream();
    FakeUpstream(const FakeUpstream&) = delete;
    FakeUpstream& operator=(const FakeUpstream&) = delete;

    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    void SetMode(Mode mode) { m_mode = mode; }
    [[nodiscard]] std::vector<Request> Requests();
    void ClearRequests();
    // kSlowStream: chunks written before the reader went away (or all 50).
    [[nodiscard]] int slow_chunks_sent() const { return m_slow_chunks_sent; }

  private:
    void Accept();
    void Serve(int fd);

    int m_listen_fd = -1;
    int m_port = 0;
    std::atomic<Mode> m_mode{Mode::kNormal};
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_slow_chunks_sent{0};
    std::mutex m_mutex;
    std::vector<Request> m_requests;
    std::vector<std::thread> m_threads;  // connection threads, joined at the end
    std::thread m_acceptor;
};

}  // namespace skyloom::testing
