// An in-memory stand-in for the browser services the app controller uses (src/app/platform),
// so controller logic runs natively under GoogleTest: storage is a map, the URL hash a string,
// the clock a number the test moves, timers a list the test can fire.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace skyloom::platform::fake {

struct Browser {
    std::map<std::string, std::string> storage;
    std::string hash;                  // location.hash
    std::vector<std::string> history;  // every hash set with push = true
    std::string title;
    double now_ms = 1000.0;
    std::vector<std::function<void()>> timers;
    int pickers_opened = 0;
    std::vector<std::pair<std::string, std::string>> credentials;  // StoreCredential calls
    std::string clipboard;
    // Image jobs: the real core pipeline runs at once, its completion waits for the test
    // (as a worker's answer arrives on a later frame).
    std::vector<std::function<void()>> finished_image_jobs;
    std::set<uint32_t> cancelled_image_jobs;
    std::vector<std::function<void()>> loaded_textures;
    std::set<uint32_t> live_textures;       // created and not deleted
    std::vector<std::string> texture_urls;  // every LoadTextureFromUrl
};

// Delivers every finished image job / texture load (skipping cancelled jobs).
void FinishImageJobs();
void FinishTextureLoads();

// The one fake browser, reset by each test's fixture.
Browser& Get();
void Reset();

}  // namespace skyloom::platform::fake
