#include "mail/mailer.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "util/crypto.h"

namespace skyloom::server {
namespace {

// SMTP failures are retried a few times with growing pauses before the message is dropped
// (and logged): a code can always be re-sent by the user.
constexpr int kMaxDeliveryAttempts = 4;
constexpr std::chrono::milliseconds kFirstRetryDelay{250};

std::string RfcDate() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return buffer;
}

// Subjects may hold non-ASCII: encode them as an RFC 2047 encoded-word.
std::string EncodeHeaderText(const std::string& text) {
    bool ascii = true;
    for (unsigned char c : text) ascii = ascii && c >= 0x20 && c < 0x7f;
    if (ascii) return text;
    std::string b64;
    static const char* kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t i = 0;
    for (; i + 2 < text.size(); i += 3) {
        uint32_t n = (uint8_t(text[i]) << 16) | (uint8_t(text[i + 1]) << 8) | uint8_t(text[i + 2]);
        for (int k = 3; k >= 0; --k) b64 += kAlphabet[(n >> (6 * k)) & 63];
    }
    if (i < text.size()) {
        uint32_t n = uint8_t(text[i]) << 16;
        if (i + 1 < text.size()) n |= uint8_t(text[i + 1]) << 8;
        b64 += kAlphabet[(n >> 18) & 63];
        b64 += kAlphabet[(n >> 12) & 63];
        b64 += (i + 1 < text.size()) ? kAlphabet[(n >> 6) & 63] : '=';
        b64 += '=';
    }
    return "=?UTF-8?B?" + b64 + "?=";
}

std::string ToCrlf(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 40);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
        out += text[i];
    }
    return out;
}

class OutboxMailer final : public Mailer {
  public:
    OutboxMailer(std::string dir, std::string from)
        : m_dir(std::move(dir)), m_from(std::move(from)) {
        std::filesystem::create_directories(m_dir);
    }

    Result<Unit> Send(const MailMessage& message) override {
        namespace fs = std::filesystem;
        // Names sort in send order: the millisecond clock alone ties when two messages go out
        // in the same millisecond, so a per-mailer sequence number breaks the tie.
        char sequence[16];
        std::snprintf(sequence, sizeof sequence, "%08llu",
                      static_cast<unsigned long long>(m_sequence.fetch_add(1)));
        std::string name = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count()) +
                           "-" + sequence + "-" + RandomToken(6);
        fs::path temp = fs::path(m_dir) / ("." + name + ".tmp");
        fs::path final_path = fs::path(m_dir) / (name + ".eml");
        std::string text = FormatRfc5322(message, m_from, "skyloom.local");
        std::FILE* file = std::fopen(temp.c_str(), "wb");
        if (file == nullptr) return Error{"mail_failed", "cannot write to the outbox", 0};
        bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
        ok = (std::fclose(file) == 0) && ok;
        if (!ok) return Error{"mail_failed", "cannot write to the outbox", 0};
        std::error_code ec;
        fs::rename(temp, final_path, ec);  // readers never see a half-written message
        if (ec) return Error{"mail_failed", "cannot move the message into the outbox", 0};
        return Unit{};
    }

  private:
    std::string m_dir;
    std::string m_from;
    std::atomic<unsigned long long> m_sequence{0};
};

}  // namespace

std::string FormatRfc5322(const MailMessage& message, const std::string& from,
                          const std::string& message_id_domain) {
    std::string text;
    text += "From: " + from + "\r\n";
    text += "To: <" + message.to + ">\r\n";
    text += "Subject: " + EncodeHeaderText(message.subject) + "\r\n";
    text += "Date: " + RfcDate() + "\r\n";
    text += "Message-ID: <" + RandomToken(12) + "@" + message_id_domain + ">\r\n";
    text += "MIME-Version: 1.0\r\n";
    text += "Content-Type: text/plain; charset=UTF-8\r\n";
    text += "Content-Transfer-Encoding: 8bit\r\n";
    text += "\r\n";
    text += ToCrlf(message.body);
    if (text.size() < 2 || text.substr(text.size() - 2) != "\r\n") text += "\r\n";
    return text;
}

std::unique_ptr<Mailer> MakeOutboxMailer(std::string outbox_dir, std::string from) {
    return std::make_unique<OutboxMailer>(std::move(outbox_dir), std::move(from));
}

Result<std::unique_ptr<Mailer>> MakeMailer(const std::string& spec, const std::string& data_dir,
                                           const std::string& from) {
    if (spec == "outbox") {
        return MakeOutboxMailer((std::filesystem::path(data_dir) / "outbox").string(), from);
    }
    if (spec.rfind("smtp://", 0) == 0 && spec.size() > 7) return MakeSmtpMailer(spec, from);
    return Error{"bad_mailer", "--mailer must be `outbox` or smtp://HOST:PORT", 0};
}

MailQueue::MailQueue(std::unique_ptr<Mailer> mailer)
    : m_mailer(std::move(mailer)), m_thread([this] { Run(); }) {}

MailQueue::~MailQueue() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void MailQueue::Enqueue(MailMessage message) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(message));
    }
    m_wake.notify_one();
}

void MailQueue::Run() {
    for (;;) {
        MailMessage message;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) return;  // stopping and drained
            message = std::move(m_queue.front());
            m_queue.pop_front();
        }
        auto delay = kFirstRetryDelay;
        for (int attempt = 1; attempt <= kMaxDeliveryAttempts; ++attempt) {
            Result<Unit> sent = m_mailer->Send(message);
            if (sent) break;
            std::fprintf(stderr, "mail to %s failed (attempt %d): %s\n", message.to.c_str(),
                         attempt, sent.error().message.c_str());
            std::this_thread::sleep_for(delay);
            delay *= 2;
        }
    }
}

}  // namespace skyloom::server
