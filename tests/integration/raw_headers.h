// Reading a header from the raw "Name: value\r\n..." block CurlPerformWithHeaders captures.
#pragma once

#include <strings.h>

#include <string>

namespace skyloom::testing {

// Every value of header `name` (case-insensitive), joined with ", "; "" when absent.
inline std::string HeaderValues(const std::string& raw, const std::string& name) {
    std::string out;
    size_t pos = 0;
    while (pos < raw.size()) {
        size_t end = raw.find("\r\n", pos);
        if (end == std::string::npos) end = raw.size();
        const std::string line = raw.substr(pos, end - pos);
        const size_t colon = line.find(':');
        if (colon == name.size() && strncasecmp(line.c_str(), name.c_str(), colon) == 0) {
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            out += (out.empty() ? "" : ", ") + value;
        }
        pos = end + 2;
    }
    return out;
}

}  // namespace skyloom::testing
