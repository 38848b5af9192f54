// Outgoing mail. A Mailer delivers one message synchronously; MailQueue runs deliveries on a
// background thread so no request waits for SMTP.
//
//   auto mailer = MakeMailer("smtp://127.0.0.1:2525", data_dir, "Skyloom
//   <no-reply@skyloom.local>"); MailQueue queue(std::move(mailer));
//   queue.Enqueue({"ada@example.org", "Your code", "Your code is 123456"});
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "util/result.h"

namespace skyloom::server {

struct MailMessage {
    std::string to;
    std::string subject;
    std::string body;  // plain text, UTF-8
};

class Mailer {
  public:
    virtual ~Mailer() = default;
    virtual Result<Unit> Send(const MailMessage& message) = 0;
};

// RFC 5322 text of a message (headers + CRLF line endings + body).
[[nodiscard]] std::string FormatRfc5322(const MailMessage& message, const std::string& from,
                                        const std::string& message_id_domain);

// Writes each message as DIR/<time>-<random>.eml (atomically: temp file then rename).
[[nodiscard]] std::unique_ptr<Mailer> MakeOutboxMailer(std::string outbox_dir, std::string from);
// Sends through an SMTP server with libcurl, e.g. "smtp://127.0.0.1:2525".
[[nodiscard]] std::unique_ptr<Mailer> MakeSmtpMailer(std::string url, std::string from);

// Parses the --mailer flag: "outbox" or "smtp://HOST:PORT".
[[nodiscard]] Result<std::unique_ptr<Mailer>> MakeMailer(const std::string& spec,
                                                         const std::string& data_dir,
                                                         const std::string& from);

class MailQueue {
  public:
    explicit MailQueue(std::unique_ptr<Mailer> mailer);
    ~MailQueue();  // delivers what is queued, then stops
    void Enqueue(MailMessage message);

  private:
    void Run();
    std::unique_ptr<Mailer> m_mailer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<MailMessage> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace skyloom::server
