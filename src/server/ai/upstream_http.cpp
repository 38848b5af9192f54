#include "ai/upstream_http.h"

#include <curl/curl.h>
#include <strings.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace skyloom::server::ai {
namespace {

constexpr size_t kMaxErrorBodyBytes = 2048;  // kept for the log only
constexpr int kUnavailableRetryS = 10;
constexpr int kTimeoutRetryS = 5;
constexpr int kBusyRetryS = 5;

struct Transfer {
    CURL* curl = nullptr;
    const UpstreamDataSink* sink = nullptr;
    long status = 0;
    bool aborted = false;
    std::string error_body;
    std::string content_type;
    int retry_after = 0;
};

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::string_view line(data, size * count);
    auto value_of = [&](std::string_view name) -> std::string {
        if (line.size() <= name.size() || strncasecmp(line.data(), name.data(), name.size()) != 0)
            return {};
        std::string value(line.substr(name.size()));
        while (!value.empty() &&
               (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
            value.pop_back();
        size_t start = value.find_first_not_of(' ');
        return start == std::string::npos ? std::string() : value.substr(start);
    };
    if (std::string v = value_of("retry-after:"); !v.empty()) t->retry_after = std::atoi(v.c_str());
    if (std::string v = value_of("content-type:"); !v.empty()) t->content_type = v;
    return size * count;
}

size_t OnData(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    size_t bytes = size * count;
    if (t->status == 0) curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &t->status);
    if (t->status >= 200 && t->status < 300) {
        if (!(*t->sink)(std::string_view(data, bytes))) {
            t->aborted = true;
            return 0;  // makes curl stop with CURLE_WRITE_ERROR
        }
    } else if (t->error_body.size() < kMaxErrorBodyBytes) {
        t->error_body.append(data, std::min(bytes, kMaxErrorBodyBytes - t->error_body.size()));
    }
    return bytes;
}

void InitCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

Error UpstreamGarbage(const std::string& provider, const std::string& detail) {
    std::fprintf(stderr, "ai: %s answered something unreadable: %s\n", provider.c_str(),
                 detail.substr(0, 300).c_str());
    return Error{"ai_bad_response", "The AI model sent an answer we could not read", 502};
}

std::vector<std::string> JsonHeaders(const UpstreamConfig& config, bool want_event_stream) {
    std::vector<std::string> headers = {
        "Content-Type: application/json",
        want_event_stream ? "Accept: text/event-stream" : "Accept: application/json"};
    if (!config.key.empty()) headers.push_back("Authorization: Bearer " + config.key);
    return headers;
}

UpstreamOutcome PostUpstream(const UpstreamCall& call, const UpstreamDataSink& sink) {
    InitCurlOnce();
    UpstreamOutcome outcome;
    Transfer t;
    t.sink = &sink;
    t.curl = curl_easy_init();
    if (t.curl == nullptr) {
        outcome.error = Error{"ai_unavailable", "The AI model is not reachable right now", 503,
                              kUnavailableRetryS};
        return outcome;
    }
    curl_slist* headers = nullptr;
    for (const std::string& h : call.headers) headers = curl_slist_append(headers, h.c_str());
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(t.curl, CURLOPT_URL, call.url.c_str());
    curl_easy_setopt(t.curl, CURLOPT_POST, 1L);
    curl_easy_setopt(t.curl, CURLOPT_POSTFIELDS, call.body.data());
    curl_easy_setopt(t.curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(call.body.size()));
    curl_easy_setopt(t.curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(t.curl, CURLOPT_WRITEFUNCTION, OnData);
    curl_easy_setopt(t.curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(t.curl, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(t.curl, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(t.curl, CURLOPT_TIMEOUT_MS, call.timeout_ms);
    curl_easy_setopt(t.curl, CURLOPT_CONNECTTIMEOUT_MS,
                     std::min(call.connect_timeout_ms, call.timeout_ms));
    curl_easy_setopt(t.curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(t.curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode
    // Model servers are reached by URL from the server's own config; never follow redirects
    // (a redirect to another host would carry the key there).
    curl_easy_setopt(t.curl, CURLOPT_FOLLOWLOCATION, 0L);
    CURLcode rc = curl_easy_perform(t.curl);
    if (t.status == 0) curl_easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &t.status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(t.curl);
    outcome.content_type = t.content_type;

    if (t.aborted) {
        outcome.aborted = true;
        return outcome;
    }
    if (rc != CURLE_OK) {
        std::fprintf(stderr, "ai: upstream call failed: %s\n", curl_easy_strerror(rc));
        switch (rc) {
            case CURLE_OPERATION_TIMEDOUT:
                outcome.error = Error{"ai_timeout", "The AI model took too long to answer", 503,
                                      kTimeoutRetryS};
                break;
            case CURLE_COULDNT_CONNECT:
            case CURLE_COULDNT_RESOLVE_HOST:
            case CURLE_COULDNT_RESOLVE_PROXY:
                outcome.error = Error{"ai_unavailable", "The AI model is not reachable right now",
                                      503, kUnavailableRetryS};
                break;
            default:
                outcome.error = Error{"ai_upstream_error",
                                      "The AI model's server failed; please try again", 502};
        }
        return outcome;
    }
    if (t.status == 429 || t.status == 503) {
        std::fprintf(stderr, "ai: upstream busy (HTTP %ld): %s\n", t.status, t.error_body.c_str());
        int retry = t.retry_after > 0 ? std::min(t.retry_after, 3600) : kBusyRetryS;
        outcome.error =
            Error{"ai_busy", "The AI model is busy; please try again shortly", 503, retry};
        return outcome;
    }
    if (t.status < 200 || t.status >= 300) {
        std::fprintf(stderr, "ai: upstream answered HTTP %ld: %s\n", t.status,
                     t.error_body.c_str());
        outcome.error =
            Error{"ai_upstream_error",
                  "The AI model's server failed (HTTP " + std::to_string(t.status) + ")", 502};
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

}  // namespace skyloom::server::ai
