#include "fake_upstream.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>

#include "model/models.h"

namespace skyloom::testing {
namespace {

bool WriteAll(int fd, const std::string& text) {
    size_t sent = 0;
    while (sent < text.size()) {
        ssize_t n = send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += size_t(n);
    }
    return true;
}

std::string Response(int status, const std::string& type, const std::string& body,
                     const std::string& extra_headers = "") {
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + type +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra_headers +
           "Connection: close\r\n\r\n" + body;
}

std::string Chunk(const Json& json) {
    return "data: " + json.dump() + "\n\n";
}

}  // namespace

FakeUpstream::FakeUpstream() {
    m_listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(m_listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(m_listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(m_listen_fd, 64) != 0) {
        throw std::runtime_error("fake upstream: cannot listen");
    }
    socklen_t len = sizeof addr;
    getsockname(m_listen_fd, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_acceptor = std::thread([this] { Accept(); });
}

FakeUpstream::~FakeUpstream() {
    m_stopping = true;
    shutdown(m_listen_fd, SHUT_RDWR);
    close(m_listen_fd);
    m_acceptor.join();
    std::lock_guard lock(m_mutex);
    for (auto& thread : m_threads) thread.join();
}

std::vector<FakeUpstream::Request> FakeUpstream::Requests() {
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void FakeUpstream::ClearRequests() {
    std::lock_guard lock(m_mutex);
    m_requests.clear();
}

void FakeUpstream::Accept() {
    while (!m_stopping) {
        int fd = accept(m_listen_fd, nullptr, nullptr);
        if (fd < 0) return;
        std::lock_guard lock(m_mutex);
        m_threads.emplace_back([this, fd] { Serve(fd); });
    }
}

void FakeUpstream::Serve(int fd) {
    // Read the head, then Content-Length bytes of body.
    std::string data;
    char buffer[4096];
    size_t head_end;
    while ((head_end = data.find("\r\n\r\n")) == std::string::npos) {
        ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            close(fd);
            return;
        }
        data.append(buffer, size_t(n));
    }
    Request request;
    std::string head = data.substr(0, head_end);
    size_t line_end = head.find("\r\n");
    std::string request_line = head.substr(0, line_end);
    request.method = request_line.substr(0, request_line.find(' '));
    size_t path_start = request_line.find(' ') + 1;
    request.path = request_line.substr(path_start, request_line.rfind(' ') - path_start);
    request.headers = head.substr(line_end + 2);
    size_t length = 0;
    for (const char* name : {"Content-Length: ", "content-length: "}) {
        if (size_t at = head.find(name); at != std::string::npos) {
            length = std::stoul(head.substr(at + std::strlen(name)));
        }
    }
    request.body = data.substr(head_end + 4);
    while (request.body.size() < length) {
        ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        request.body.append(buffer, size_t(n));
    }
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(request);
    }

    Mode mode = m_mode;
    Json body = Json::parse(request.body, nullptr, false);
    bool chat = request.path.find("/chat/completions") != std::string::npos;
    bool openai = request.path.find("/v1/") != std::string::npos;
    switch (mode) {
        case Mode::kSlow:
            std::this_thread::sleep_for(std::chrono::seconds(3));
            WriteAll(fd, Response(200, "application/json", R"([{"generated_text":"late"}])"));
            break;
        case Mode::kServerError:
            WriteAll(fd, Response(500, "text/plain", "internal oops"));
            break;
        case Mode::kBusy:
            WriteAll(fd, Response(503, "application/json", R"({"error":"Model is loading"})",
                                  "Retry-After: 7\r\n"));
            break;
        case Mode::kGarbage:
            WriteAll(fd, Response(200, "application/json", "<html>this is not json</html>"));
            break;
        case Mode::kSlowStream: {
            WriteAll(fd,
                     "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: "
                     "close\r\n\r\n");
            m_slow_chunks_sent = 0;
            for (int i = 0; i < 50; ++i) {
                Json choice = {{"index", 0}, {"text", " word" + std::to_string(i)}};
                if (!WriteAll(fd, Chunk({{"choices", Json::array({choice})}}))) break;
                ++m_slow_chunks_sent;
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            WriteAll(fd, "data: [DONE]\n\n");
            break;
        }
        case Mode::kNormal:
        case Mode::kEcho:
        case Mode::kGarbageMidStream: {
            if (!openai) {  // Hugging Face text-generation
                std::string text = " hello from hf";
                if (body.is_object() && body["inputs"].is_string() &&
                    body["inputs"].get<std::string>().find("\nUser: ") != std::string::npos) {
                    text = " Hi there, friend!\nUser: this line must be cut";
                }
                WriteAll(fd, Response(200, "application/json",
                                      Json::array({{{"generated_text", text}}}).dump()));
                break;
            }
            std::vector<std::string> pieces = {"Hello", " world", "!"};
            if (mode == Mode::kEcho && body.is_object() && body["messages"].is_array()) {
                pieces.clear();
                for (const Json& m : body["messages"]) {
                    if (m.value("role", "") == "user") {
                        pieces.push_back("[" + m.value("content", "") + "]");
                    }
                }
            }
            WriteAll(fd,
                     "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: "
                     "close\r\n\r\n");
            std::string model = body.is_object() ? body.value("model", "") : "";
            if (chat) {
                WriteAll(
                    fd, Chunk({{"model", model},
                               {"choices", {{{"index", 0}, {"delta", {{"role", "assistant"}}}}}}}));
            }
            for (size_t i = 0; i < pieces.size(); ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
                Json choice = {{"index", 0}};
                if (chat) {
                    choice["delta"] = {{"content", pieces[i]}};
                } else {
                    choice["text"] = pieces[i];
                }
                choice["finish_reason"] = i + 1 == pieces.size() ? Json("length") : Json(nullptr);
                WriteAll(fd, Chunk({{"model", model}, {"choices", Json::array({choice})}}));
                if (mode == Mode::kGarbageMidStream) {
                    WriteAll(fd, "data: {\"choices\": [oops\n\n");
                    break;
                }
            }
            if (mode != Mode::kGarbageMidStream) WriteAll(fd, "data: [DONE]\n\n");
            break;
        }
    }
    shutdown(fd, SHUT_WR);
    close(fd);
}

}  // namespace skyloom::testing
