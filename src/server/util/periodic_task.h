// Runs a function every `interval` on its own thread until destroyed (shutdown is prompt: the
// destructor wakes the sleeping thread).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace skyloom::server {

class PeriodicTask {
  public:
    template <typename Rep, typename Period>
    PeriodicTask(std::chrono::duration<Rep, Period> interval, std::function<void()> task)
        : m_thread([this, interval, task = std::move(task)] {
              std::unique_lock lock(m_mutex);
              while (!m_wake.wait_for(lock, interval, [this] { return m_stopping; })) {
                  lock.unlock();
                  try {
                      task();
                  } catch (const std::exception& e) {
                      std::fprintf(stderr, "periodic task failed: %s\n", e.what());
                  }
                  lock.lock();
              }
          }) {}
    ~PeriodicTask() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    PeriodicTask(const PeriodicTask&) = delete;
    PeriodicTask& operator=(const PeriodicTask&) = delete;

  private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace skyloom::server
