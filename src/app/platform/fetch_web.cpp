// skyloom::Transport over XMLHttpRequest: asynchronous, binary bodies both ways, upload progress
// (xhr.upload.onprogress, which fetch() cannot report) and abort. Completions are posted to the
// main loop, which also wakes it.
#include <emscripten.h>
#include <strings.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "platform/platform.h"

extern "C" {
EMSCRIPTEN_KEEPALIVE void skyloom_xhr_done(uint32_t id, int status, uint8_t* body, uint32_t size,
                                           int aborted);
EMSCRIPTEN_KEEPALIVE void skyloom_xhr_progress(uint32_t id, double sent, double total);
EMSCRIPTEN_KEEPALIVE void skyloom_xhr_chunk(uint32_t id, const char* bytes, uint32_t size);
}

// clang-format off
// headers: "Name: value\n" lines. The body is copied out of the heap before send(), so the C++
// side may free it at once.
EM_JS(void, skyloom_xhr_send, (uint32_t id, const char* method, const char* url,
                                const char* headers, const uint8_t* body, uint32_t size,
                                int want_progress), {
    Module.skyloomXhr = Module.skyloomXhr || {};
    var methodText = UTF8ToString(method), urlText = UTF8ToString(url);
    var headerText = UTF8ToString(headers);
    var bytes = size ? HEAPU8.slice(body, body + size) : null;
    function deliver(status, buffer, aborted) {
        var data = new Uint8Array(buffer || new ArrayBuffer(0));
        var p = data.length ? _malloc(data.length) : 0;
        if (p) HEAPU8.set(data, p);
        _skyloom_xhr_done(id, aborted ? 0 : status, p, data.length, aborted ? 1 : 0);
        if (p) _free(p);
    }
    function viaXhr() {
        var xhr = new XMLHttpRequest();
        Module.skyloomXhr[id] = xhr;
        xhr.open(methodText, urlText, true);
        xhr.responseType = "arraybuffer";
        headerText.split("\n").forEach(function(line) {
            var i = line.indexOf(":");
            if (i > 0) xhr.setRequestHeader(line.slice(0, i), line.slice(i + 1).trim());
        });
        var finished = false;
        function finish(aborted) {
            if (finished) return;
            finished = true;
            delete Module.skyloomXhr[id];
            deliver(xhr.status, xhr.response, aborted);
        }
        xhr.onload = function() { finish(false); };
        xhr.onerror = function() { finish(false); };
        xhr.ontimeout = function() { finish(false); };
        xhr.onabort = function() { finish(true); };
        if (want_progress) {
            xhr.upload.onprogress = function(e) {
                _skyloom_xhr_progress(id, e.loaded, e.lengthComputable ? e.total : size);
            };
        }
        xhr.send(bytes);
    }
    // A GET the shell already made (a visitor's first Explore page, shell.js): its answer, once;
    // if that fetch failed, the request is made as usual. Nothing with credentials is taken (a
    // visitor's requests carry "Authorization: Bearer" with no token).
    var credentials = headerText.split("\n").some(function(line) {
        if (line.toLowerCase().indexOf("authorization:") !== 0) return false;
        return line.slice(14).trim().split(" ").filter(Boolean).length > 1;  // scheme and token
    });
    var prefetched = methodText === "GET" && !credentials &&
                     Module.skyloomTakePrefetch &&
                     Module.skyloomTakePrefetch(new URL(urlText, location.href).href);
    if (!prefetched) {
        viaXhr();
        return;
    }
    var waiting = {aborted: false, abort: function() {
        if (waiting.aborted) return;
        waiting.aborted = true;
        delete Module.skyloomXhr[id];
        deliver(0, null, true);
    }};
    Module.skyloomXhr[id] = waiting;
    Module.skyloomPrefetchesUsed = (Module.skyloomPrefetchesUsed || 0) + 1;
    prefetched.then(function(answer) {
        if (waiting.aborted) return;
        delete Module.skyloomXhr[id];
        deliver(answer.status, answer.body, false);
    }, function() {
        if (!waiting.aborted) viaXhr();
    });
});
// Streamed answers go through fetch() and its body reader: XHR's progress events are throttled
// to one per 50 ms (XHR spec, "fire a progress event"), which would delay every token. The
// pieces of a 2xx body are handed over as they arrive; the whole body follows at the end.
EM_JS(void, skyloom_fetch_stream, (uint32_t id, const char* method, const char* url,
                                   const char* headers, const uint8_t* body, uint32_t size), {
    var controller = new AbortController();
    Module.skyloomXhr = Module.skyloomXhr || {};
    Module.skyloomXhr[id] = controller;
    var init = {method: UTF8ToString(method), headers: {}, signal: controller.signal};
    UTF8ToString(headers).split("\n").forEach(function(line) {
        var i = line.indexOf(":");
        if (i > 0) init.headers[line.slice(0, i)] = line.slice(i + 1).trim();
    });
    if (size) init.body = HEAPU8.slice(body, body + size);
    var parts = [];
    var total = 0;
    function finish(status, aborted) {
        delete Module.skyloomXhr[id];
        var p = total ? _malloc(total) : 0;
        var at = p;
        parts.forEach(function(part) { HEAPU8.set(part, at); at += part.length; });
        _skyloom_xhr_done(id, status, p, total, aborted ? 1 : 0);
        if (p) _free(p);
    }
    fetch(UTF8ToString(url), init).then(function(response) {
        var ok = response.status >= 200 && response.status < 300;
        var reader = response.body.getReader();
        function pump() {
            return reader.read().then(function(step) {
                if (step.done) { finish(response.status, false); return; }
                parts.push(step.value);
                total += step.value.length;
                if (ok && step.value.length) {
                    var p = _malloc(step.value.length);
                    HEAPU8.set(step.value, p);
                    _skyloom_xhr_chunk(id, p, step.value.length);
                    _free(p);
                }
                return pump();
            });
        }
        return pump();
    }).catch(function(e) {
        finish(0, controller.signal.aborted);
    });
});
EM_JS(void, skyloom_xhr_abort, (uint32_t id), {
    var xhr = Module.skyloomXhr && Module.skyloomXhr[id];
    if (xhr) xhr.abort();
});
// clang-format on

namespace skyloom::platform {
namespace {

struct PendingRequest {
    ResponseCallback done;
    std::function<void(uint64_t, uint64_t)> upload_progress;
    std::function<void(std::string_view)> on_body_chunk;
};

std::unordered_map<uint32_t, PendingRequest>& Pending() {
    static std::unordered_map<uint32_t, PendingRequest> pending;
    return pending;
}

void Send(const std::string& base_url, const HttpRequest& request, ResponseCallback done) {
    static uint32_t next_id = 1;
    const uint32_t id = next_id++;
    std::string headers;
    bool has_content_type = false;
    for (const auto& [key, value] : request.headers) {
        headers += key + ": " + value + "\n";
        if (strcasecmp(key.c_str(), "content-type") == 0) has_content_type = true;
    }
    if (!request.body.empty() && !has_content_type) headers += "Content-Type: application/json\n";
    if (request.abort && request.abort->aborted()) {
        HttpResponse aborted;
        aborted.transport_error = "aborted";
        PostToMainLoop([done = std::move(done), aborted] { done(aborted); });
        return;
    }
    Pending()[id] = PendingRequest{std::move(done), request.upload_progress, request.on_body_chunk};
    if (request.abort) request.abort->OnAbort([id] { skyloom_xhr_abort(id); });
    const std::string url = base_url + request.path;
    if (request.on_body_chunk) {
        skyloom_fetch_stream(id, request.method.c_str(), url.c_str(), headers.c_str(),
                             reinterpret_cast<const uint8_t*>(request.body.data()),
                             static_cast<uint32_t>(request.body.size()));
        return;
    }
    skyloom_xhr_send(id, request.method.c_str(), url.c_str(), headers.c_str(),
                     reinterpret_cast<const uint8_t*>(request.body.data()),
                     static_cast<uint32_t>(request.body.size()), request.upload_progress ? 1 : 0);
}

}  // namespace

Transport MakeFetchTransport() {
    return Send;
}

}  // namespace skyloom::platform

using skyloom::platform::Pending;

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_xhr_done(uint32_t id, int status, uint8_t* body,
                                                      uint32_t size, int aborted) {
    auto it = Pending().find(id);
    if (it == Pending().end()) return;
    skyloom::HttpResponse response;
    response.status = status;
    if (size > 0) response.body.assign(reinterpret_cast<const char*>(body), size);
    if (status == 0)
        response.transport_error = aborted ? "aborted" : "The server could not be reached";
    skyloom::ResponseCallback done = std::move(it->second.done);
    Pending().erase(it);
    skyloom::platform::PostToMainLoop(
        [done = std::move(done), response = std::move(response)]() mutable {
            done(std::move(response));
        });
}

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_xhr_progress(uint32_t id, double sent, double total) {
    auto it = Pending().find(id);
    if (it == Pending().end() || !it->second.upload_progress) return;
    auto progress = it->second.upload_progress;
    const auto s = static_cast<uint64_t>(sent);
    const auto t = static_cast<uint64_t>(total);
    skyloom::platform::PostToMainLoop([progress, s, t] { progress(s, t); });
}

extern "C" EMSCRIPTEN_KEEPALIVE void skyloom_xhr_chunk(uint32_t id, const char* bytes,
                                                       uint32_t size) {
    auto it = Pending().find(id);
    if (it == Pending().end() || !it->second.on_body_chunk) return;
    // Posted like completions so pieces and the final answer keep their order on the main loop.
    skyloom::platform::PostToMainLoop(
        [chunk = it->second.on_body_chunk, piece = std::string(bytes, size)] { chunk(piece); });
}
