#include "http/request_parsing.h"

#include "services/errors.h"

namespace skyloom::server {

Result<std::map<std::string, std::string>> ParseQuery(const RequestHandle& request,
                                                      std::set<std::string> allowed) {
    std::map<std::string, std::string> out;
    try {
        auto params = restinio::parse_query(request->header().query());
        for (const auto& [key, value] : params) {
            std::string name(key);
            if (!allowed.count(name)) {
                return errors::BadRequest("unknown_parameter",
                                          "Unknown query parameter `" + name.substr(0, 40) + "`");
            }
            out[name] = std::string(value);
        }
    } catch (const std::exception&) {
        return errors::BadRequest("invalid_query", "The query string is malformed");
    }
    return out;
}

bool ParseId(const std::string& text, int64_t& id) {
    if (text.empty() || text.size() > 18) return false;
    id = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        id = id * 10 + (c - '0');
    }
    return id > 0;
}

Result<int64_t> PathId(const RouteParams& params, const char* what) {
    int64_t id = 0;
    if (!ParseId(std::string(params["id"]), id)) return errors::NotFound(what);
    return id;
}

}  // namespace skyloom::server
