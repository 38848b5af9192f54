// SMTP delivery through libcurl (plain SMTP on a trusted link, e.g. a local relay).
#include <curl/curl.h>

#include <cstring>

#include "mail/mailer.h"

namespace skyloom::server {
namespace {

struct Payload {
    const std::string* text;
    size_t offset = 0;
};

size_t ReadPayload(char* buffer, size_t size, size_t count, void* user) {
    auto* payload = static_cast<Payload*>(user);
    size_t room = size * count;
    size_t left = payload->text->size() - payload->offset;
    size_t n = left < room ? left : room;
    std::memcpy(buffer, payload->text->data() + payload->offset, n);
    payload->offset += n;
    return n;
}

// "Skyloom <no-reply@x>" -> "<no-reply@x>" for the envelope sender.
std::string EnvelopeAddress(const std::string& from) {
    size_t open = from.find('<');
    size_t close = from.find('>', open);
    if (open != std::string::npos && close != std::string::npos)
        return from.substr(open, close - open + 1);
    return "<" + from + ">";
}

class SmtpMailer final : public Mailer {
  public:
    SmtpMailer(std::string url, std::string from)
        : m_url(std::move(url)), m_from(std::move(from)) {}

    Result<Unit> Send(const MailMessage& message) override {
        CURL* curl = curl_easy_init();
        if (curl == nullptr) return Error{"mail_failed", "curl_easy_init failed", 0};
        std::string text = FormatRfc5322(message, m_from, "skyloom.local");
        Payload payload{&text};
        std::string envelope_from = EnvelopeAddress(m_from);
        curl_slist* recipients = curl_slist_append(nullptr, ("<" + message.to + ">").c_str());
        curl_easy_setopt(curl, CURLOPT_URL, m_url.c_str());
        curl_easy_setopt(curl, CURLOPT_MAIL_FROM, envelope_from.c_str());
        curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadPayload);
        curl_easy_setopt(curl, CURLOPT_READDATA, &payload);
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        CURLcode rc = curl_easy_perform(curl);
        curl_slist_free_all(recipients);
        curl_easy_cleanup(curl);
        if (rc != CURLE_OK) return Error{"mail_failed", curl_easy_strerror(rc), 0};
        return Unit{};
    }

  private:
    std::string m_url;
    std::string m_from;
};

}  // namespace

std::unique_ptr<Mailer> MakeSmtpMailer(std::string url, std::string from) {
    return std::make_unique<SmtpMailer>(std::move(url), std::move(from));
}

}  // namespace skyloom::server
