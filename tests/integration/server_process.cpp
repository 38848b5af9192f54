#include "server_process.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace skyloom::testing {
namespace {

constexpr int kStartupTimeoutMs = 15000;

pid_t Spawn(const std::vector<std::string>& argv, int stdout_fd,
            const std::vector<std::pair<std::string, std::string>>& env = {}) {
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
        if (stdout_fd >= 0) dup2(stdout_fd, STDOUT_FILENO);
        std::vector<char*> args;
        for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    return pid;
}

void Stop(int pid) {
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    for (int i = 0; i < 100; ++i) {
        if (waitpid(pid, nullptr, WNOHANG) == pid) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

int FreePort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    int port = ntohs(addr.sin_port);
    close(fd);
    return port;
}

bool PortOpen(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    return ok;
}

}  // namespace

std::filesystem::path MakeTempDir(const std::string& prefix) {
    std::random_device random;
    auto dir = std::filesystem::temp_directory_path() /
               (prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(dir);
    return dir;
}

ServerProcess::ServerProcess(std::vector<std::string> extra_flags, std::filesystem::path data_dir,
                             std::vector<std::pair<std::string, std::string>> env) {
    m_owns_data_dir = data_dir.empty();
    m_data_dir = m_owns_data_dir ? MakeTempDir("skyloom-it") : data_dir;
    std::vector<std::string> argv = {SKYLOOM_SERVER_BINARY, "--port",   "0",     "--data",
                                     m_data_dir.string(),   "--mailer", "outbox"};
    argv.insert(argv.end(), extra_flags.begin(), extra_flags.end());
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
    m_pid = Spawn(argv, pipe_fds[1], env);
    close(pipe_fds[1]);
    // Read the first line: "listening on http://HOST:PORT".
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kStartupTimeoutMs);
    while (line.find('\n') == std::string::npos) {
        pollfd pfd{pipe_fds[0], POLLIN, 0};
        int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        deadline - std::chrono::steady_clock::now())
                                        .count());
        if (left <= 0 || poll(&pfd, 1, left) <= 0) break;
        char buffer[256];
        ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
        if (n <= 0) break;
        line.append(buffer, static_cast<size_t>(n));
    }
    // Keep draining stdout in the background so the server never blocks on a full pipe.
    std::thread([fd = pipe_fds[0]] {
        char buffer[256];
        while (read(fd, buffer, sizeof buffer) > 0) {
        }
        close(fd);
    }).detach();
    const std::string prefix = "listening on ";
    if (line.rfind(prefix, 0) != 0) {
        Stop(m_pid);
        throw std::runtime_error("server did not start: " + line);
    }
    m_base_url = line.substr(prefix.size(), line.find('\n') - prefix.size());
}

ServerProcess::~ServerProcess() {
    Stop(m_pid);
    std::error_code ec;
    if (m_owns_data_dir) std::filesystem::remove_all(m_data_dir, ec);
}

bool ServerProcess::running() const {
    return waitpid(m_pid, nullptr, WNOHANG) == 0;
}

SmtpSink::SmtpSink() {
    m_dir = MakeTempDir("skyloom-smtp");
    m_port = FreePort();
    // Debian's interpreter: python3-aiosmtpd is installed for it, not for other pythons on PATH.
    m_pid = Spawn(
        {"/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + std::to_string(m_port),
         "-c", "aiosmtpd.handlers.Mailbox", (m_dir / "Maildir").string()},
        -1);
    for (int i = 0; i < 250 && !PortOpen(m_port); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!PortOpen(m_port)) throw std::runtime_error("aiosmtpd did not start");
}

SmtpSink::~SmtpSink() {
    Stop(m_pid);
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
}

std::vector<std::string> SmtpSink::Messages() const {
    return ReadMessages(maildir());
}

std::vector<std::string> ReadMessages(const std::filesystem::path& dir) {
    std::vector<std::pair<std::string, std::string>> found;  // (name, text)
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
        if (!entry.is_regular_file()) continue;
        std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '.') continue;  // temp files, in-flight writes
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        found.emplace_back(name, text.str());
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> texts;
    for (auto& [_, text] : found) texts.push_back(std::move(text));
    return texts;
}

std::string WaitForCode(const std::filesystem::path& dir, const std::string& email,
                        const std::vector<std::string>& seen, int timeout_ms) {
    static const std::regex kCode(R"(code is (\d{6}))");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    do {
        auto messages = ReadMessages(dir);
        for (auto it = messages.rbegin(); it != messages.rend(); ++it) {
            if (it->find("To: <" + email + ">") == std::string::npos) continue;
            std::smatch match;
            if (std::regex_search(*it, match, kCode) &&
                std::find(seen.begin(), seen.end(), match[1].str()) == seen.end()) {
                return match[1];
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() < deadline);
    return "";
}

}  // namespace skyloom::testing
