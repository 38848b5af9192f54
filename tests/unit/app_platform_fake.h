// An in-memory stand-in for the browser services the app controller uses (src/app/platform),
// so controller logic runs natively under GoogleTest: storage is a map, the URL hash a string,
// the clock a number the test moves, timers a list the test can fire.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace skyloom::platform::fake {

struct Browser {
    std::map<std::string, std::string> storage;
    std::string hash;                  // location.hash
    std::vector<std::string> history;  // every hash set with push = true
    std::string title;
    double now_ms = 1000.0;
    std::vector<std::function<void()>> timers;
};

// The one fake browser, reset by each test's fixture.
Browser& Get();
void Reset();

}  // namespace skyloom::platform::fake
