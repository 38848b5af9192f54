// A fake API server for the app controller tests: answers requests by "METHOD /path" only when
// the test flushes them (as fetch completions arrive on a later frame in the browser), and
// records every request.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "api/http.h"

namespace skyloom::app::testing {

using Handler = std::function<HttpResponse(const HttpRequest&)>;

struct FakeApi {
    std::map<std::string, Handler> routes;
    std::vector<HttpRequest> received;
    std::deque<std::pair<HttpRequest, ResponseCallback>> pending;

    Transport transport() {
        return [this](const std::string&, const HttpRequest& request, ResponseCallback done) {
            received.push_back(request);
            pending.emplace_back(request, std::move(done));
        };
    }
    void On(const std::string& route, int status, std::string body) {
        routes[route] = [status, body](const HttpRequest&) {
            return HttpResponse{status, body, ""};
        };
    }
    // Answers everything in flight, including requests made by the answers' callbacks.
    void Flush() {
        while (!pending.empty()) {
            auto [request, done] = std::move(pending.front());
            pending.pop_front();
            const std::string path = request.path.substr(0, request.path.find('?'));
            auto it = routes.find(request.method + " " + path);
            done(it != routes.end()
                     ? it->second(request)
                     : HttpResponse{404, R"({"error":{"code":"not_found","message":"nope"}})", ""});
        }
    }
    // Requests whose "METHOD path?query" starts with `method` and `prefix`.
    [[nodiscard]] int Count(const std::string& method, const std::string& prefix) const {
        int n = 0;
        for (const HttpRequest& r : received)
            if (r.method == method && r.path.rfind(prefix, 0) == 0) n++;
        return n;
    }
    [[nodiscard]] const HttpRequest* Last(const std::string& method,
                                          const std::string& prefix) const {
        for (auto it = received.rbegin(); it != received.rend(); ++it)
            if (it->method == method && it->path.rfind(prefix, 0) == 0) return &*it;
        return nullptr;
    }
};

}  // namespace skyloom::app::testing
