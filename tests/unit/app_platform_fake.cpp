#include "app_platform_fake.h"

#include "platform/platform.h"

namespace skyloom::platform {

namespace fake {
Browser& Get() {
    static Browser browser;
    return browser;
}
void Reset() {
    Get() = Browser{};
}
}  // namespace fake

std::optional<std::string> StorageGet(const std::string& key) {
    auto it = fake::Get().storage.find(key);
    if (it == fake::Get().storage.end()) return std::nullopt;
    return it->second;
}
void StorageSet(const std::string& key, const std::string& value) {
    fake::Get().storage[key] = value;
}
void StorageRemove(const std::string& key) {
    fake::Get().storage.erase(key);
}

std::string CurrentHash() {
    return fake::Get().hash;
}
void SetHash(const std::string& hash, bool push) {
    if (push) fake::Get().history.push_back(hash);
    fake::Get().hash = hash;
}
void SetTitle(const std::string& title) {
    fake::Get().title = title;
}

void RequestFrames(int) {}
double NowMs() {
    return fake::Get().now_ms;
}
void SetTimeout(double, std::function<void()> fn) {
    fake::Get().timers.push_back(std::move(fn));
}

}  // namespace skyloom::platform
