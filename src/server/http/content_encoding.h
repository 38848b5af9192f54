// Choosing a precompressed variant of a static file by the request's Accept-Encoding.
#pragma once

#include <string>
#include <string_view>

namespace skyloom::server {

// "br", "gzip" or "" (the file as it is) for an Accept-Encoding header, given which variants
// exist beside the file. Honours q-values ("br;q=0" refuses brotli) and "*"; prefers br.
[[nodiscard]] std::string ChooseContentEncoding(std::string_view accept_encoding, bool have_br,
                                                bool have_gzip);

}  // namespace skyloom::server
