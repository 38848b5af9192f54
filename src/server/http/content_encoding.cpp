#include "http/content_encoding.h"

#include <cstdlib>

namespace skyloom::server {
namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool SameToken(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++)
        if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
    return true;
}

// The q-value of `coding` in the header: -1 when not listed.
double Quality(std::string_view header, std::string_view coding) {
    double star = -1;
    while (!header.empty()) {
        const size_t comma = header.find(',');
        std::string_view item = Trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        double q = 1.0;
        const size_t semi = item.find(';');
        if (semi != std::string_view::npos) {
            std::string_view param = Trim(item.substr(semi + 1));
            if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=')
                q = std::strtod(std::string(param.substr(2)).c_str(), nullptr);
            item = Trim(item.substr(0, semi));
        }
        if (SameToken(item, coding)) return q;
        if (item == "*") star = q;
    }
    return star;
}

}  // namespace

std::string ChooseContentEncoding(std::string_view accept_encoding, bool have_br, bool have_gzip) {
    const double br = have_br ? Quality(accept_encoding, "br") : -1;
    const double gzip = have_gzip ? Quality(accept_encoding, "gzip") : -1;
    if (br > 0 && br >= gzip) return "br";
    if (gzip > 0) return "gzip";
    return "";
}

}  // namespace skyloom::server
