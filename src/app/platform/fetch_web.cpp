// skyloom::Transport over asynchronous emscripten_fetch (XHR underneath; no sync fetch, no
// threads). Completions are posted to the main loop, which also wakes it.
#include <emscripten/fetch.h>

#include <cstring>
#include <memory>

#include "platform/platform.h"

namespace skyloom::platform {
namespace {

// Everything emscripten_fetch needs to stay alive until the request completes.
struct PendingFetch {
    ResponseCallback done;
    std::string url;
    std::string method;
    std::string body;
    std::vector<std::string> header_storage;
    std::vector<const char*> header_ptrs;  // key, value, ..., nullptr
};

HttpResponse ToResponse(const emscripten_fetch_t* fetch) {
    HttpResponse response;
    response.status = fetch->status;
    if (fetch->data != nullptr && fetch->numBytes > 0)
        response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
    if (response.status == 0) response.transport_error = "The server could not be reached";
    return response;
}

void Finish(emscripten_fetch_t* fetch) {
    std::unique_ptr<PendingFetch> pending(static_cast<PendingFetch*>(fetch->userData));
    HttpResponse response = ToResponse(fetch);
    emscripten_fetch_close(fetch);
    PostToMainLoop([done = std::move(pending->done), response = std::move(response)]() mutable {
        done(std::move(response));
    });
}

void Send(const std::string& base_url, const HttpRequest& request, ResponseCallback done) {
    auto pending = std::make_unique<PendingFetch>();
    pending->done = std::move(done);
    pending->url = base_url + request.path;
    pending->method = request.method;
    pending->body = request.body;
    bool has_content_type = false;
    for (const auto& [key, value] : request.headers) {
        pending->header_storage.push_back(key);
        pending->header_storage.push_back(value);
        if (strcasecmp(key.c_str(), "content-type") == 0) has_content_type = true;
    }
    if (!request.body.empty() && !has_content_type) {
        pending->header_storage.push_back("Content-Type");
        pending->header_storage.push_back("application/json");
    }
    for (const auto& s : pending->header_storage) pending->header_ptrs.push_back(s.c_str());
    pending->header_ptrs.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    strncpy(attr.requestMethod, pending->method.c_str(), sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.requestHeaders = pending->header_ptrs.data();
    if (!pending->body.empty()) {
        attr.requestData = pending->body.data();
        attr.requestDataSize = pending->body.size();
    }
    attr.onsuccess = Finish;
    attr.onerror = Finish;  // non-2xx answers land here too, with status and body
    attr.userData = pending.get();
    const std::string url = pending->url;
    pending.release();  // owned by the fetch until Finish()
    emscripten_fetch(&attr, url.c_str());
}

}  // namespace

Transport MakeFetchTransport() { return Send; }

}  // namespace skyloom::platform
