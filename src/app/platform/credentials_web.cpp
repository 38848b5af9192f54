// Password managers: after a successful sign-in the browser is told about the credential, so
// Chrome (and other browsers with the Credential Management API) offers to save it even though
// the form never submitted to a server (the app signs in over fetch and shows the next screen).
#include <emscripten.h>

#include "platform/platform.h"

// clang-format off
EM_JS(void, skyloom_store_credential, (const char* id, const char* password), {
    if (!window.PasswordCredential || !navigator.credentials || !navigator.credentials.store) return;
    try {
        var credential = new PasswordCredential({id: UTF8ToString(id),
                                                 password: UTF8ToString(password),
                                                 name: UTF8ToString(id)});
        navigator.credentials.store(credential).catch(function() {});
    } catch (e) { /* refused (not a secure context): the manager's own heuristics remain */ }
});
// clang-format on

namespace skyloom::platform {

void StoreCredential(const std::string& username, const std::string& password) {
    skyloom_store_credential(username.c_str(), password.c_str());
}

}  // namespace skyloom::platform
