// Helpers shared by the *_web.cpp files for strings that JS allocated with _malloc.
#pragma once

#include <cstdlib>
#include <string>

namespace skyloom::platform {

// Takes ownership of a malloc'ed UTF-8 string from JS (nullptr allowed) and frees it.
inline std::string AdoptJsString(char* text) {
    if (text == nullptr) return {};
    std::string out(text);
    free(text);
    return out;
}

}  // namespace skyloom::platform
