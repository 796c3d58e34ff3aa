#include "gl_thread.hpp"

namespace kiosk::app {

GlThread::GlThread(std::function<void()> start) {
    busy_ = true;
    task_ = std::move(start);
    thread_ = std::thread([this] { loop(); });
}

GlThread::~GlThread() {
    if (thread_.joinable()) stop([] {});
}

void GlThread::stop(std::function<void()> finish) {
    if (!thread_.joinable()) return;
    run(std::move(finish));
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void GlThread::post(std::function<void()> task) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !busy_; });
    task_ = std::move(task);
    busy_ = true;
    lock.unlock();
    changed_.notify_all();
}

void GlThread::run(std::function<void()> task) {
    post(std::move(task));
    wait();
}

void GlThread::wait() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !busy_; });
}

void GlThread::loop() {
    while (true) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return static_cast<bool>(task_) || stopping_; });
            if (!task_) return;  // stopping, with nothing left to do
            task = std::move(task_);
            task_ = nullptr;
        }
        task();
        {
            std::lock_guard lock(mutex_);
            busy_ = false;
        }
        changed_.notify_all();
    }
}

}  // namespace kiosk::app
