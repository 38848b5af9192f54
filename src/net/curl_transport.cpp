#include "curl_transport.h"

#include <curl/curl.h>

#include <mutex>

namespace skyloom {
namespace {

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

// The body sink when the caller wants pieces as they arrive (HttpRequest::on_body_chunk).
struct StreamSink {
    CURL* curl = nullptr;
    std::string* body = nullptr;
    const std::function<void(std::string_view)>* on_chunk = nullptr;
};

size_t StreamBody(char* data, size_t size, size_t count, void* user) {
    auto* sink = static_cast<StreamSink*>(user);
    sink->body->append(data, size * count);
    long status = 0;
    curl_easy_getinfo(sink->curl, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300) (*sink->on_chunk)(std::string_view(data, size * count));
    return size * count;
}

void InitCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

HttpResponse CurlPerform(const std::string& base_url, const HttpRequest& request, long timeout_ms) {
    return CurlPerformWithHeaders(base_url, request, timeout_ms).response;
}

RawHttpResponse CurlPerformWithHeaders(const std::string& base_url, const HttpRequest& request,
                                       long timeout_ms) {
    InitCurlOnce();
    RawHttpResponse raw;
    HttpResponse& response = raw.response;
    CURL* curl = curl_easy_init();
    if (curl == nullptr) {
        response.transport_error = "curl_easy_init failed";
        return raw;
    }
    std::string url = base_url + request.path;
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) {
        headers = curl_slist_append(headers, (name + ": " + value).c_str());
    }
    // Suppress curl's automatic "Expect: 100-continue" so bodies go out in one round trip.
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT" ||
        request.method == "PATCH") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
    }
    if (request.method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    StreamSink sink{curl, &response.body, &request.on_body_chunk};
    if (request.on_body_chunk) {
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, StreamBody);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    } else {
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    }
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, AppendBody);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &raw.headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        response.status = static_cast<int>(status);
    } else {
        response.transport_error = curl_easy_strerror(rc);
        response.body.clear();
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return raw;
}

Transport MakeCurlTransport(long timeout_ms) {
    return
        [timeout_ms](const std::string& base_url, const HttpRequest& request,
                     ResponseCallback done) { done(CurlPerform(base_url, request, timeout_ms)); };
}

}  // namespace skyloom
