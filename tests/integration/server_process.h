// Starts the real skyloom-server binary on a free loopback port with a throwaway data directory
// and stops it at the end of the test. Also finds mailed codes in the outbox or a Maildir.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace skyloom::testing {

class ServerProcess {
  public:
    // Extra flags are appended to: --port 0 --data DIR --mailer outbox. With an explicit
    // `data_dir` the directory is kept afterwards (the caller owns it). `env` is set in the
    // server's environment only (e.g. SKYLOOM_AI_KEY, which has no flag).
    explicit ServerProcess(std::vector<std::string> extra_flags = {},
                           std::filesystem::path data_dir = {},
                           std::vector<std::pair<std::string, std::string>> env = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    [[nodiscard]] const std::string& base_url() const { return m_base_url; }
    [[nodiscard]] const std::filesystem::path& data_dir() const { return m_data_dir; }
    [[nodiscard]] bool running() const;

  private:
    int m_pid = -1;
    std::string m_base_url;
    std::filesystem::path m_data_dir;
    bool m_owns_data_dir = true;
};

// A real SMTP server (python3 -m aiosmtpd) that stores every message in a Maildir.
class SmtpSink {
  public:
    SmtpSink();
    ~SmtpSink();
    [[nodiscard]] std::string url() const { return "smtp://127.0.0.1:" + std::to_string(m_port); }
    [[nodiscard]] std::filesystem::path maildir() const { return m_dir / "Maildir"; }
    [[nodiscard]] std::vector<std::string> Messages() const;

  private:
    int m_pid = -1;
    int m_port = 0;
    std::filesystem::path m_dir;
};

// Texts of the .eml files in an outbox or the files in a Maildir (new/ and cur/).
[[nodiscard]] std::vector<std::string> ReadMessages(const std::filesystem::path& dir);
// The 6-digit code in the newest message to `email` that contains a code not in `seen`;
// waits up to `timeout_ms`. Empty when none arrives.
[[nodiscard]] std::string WaitForCode(const std::filesystem::path& dir, const std::string& email,
                                      const std::vector<std::string>& seen = {},
                                      int timeout_ms = 5000);

[[nodiscard]] std::filesystem::path MakeTempDir(const std::string& prefix);

}  // namespace skyloom::testing
