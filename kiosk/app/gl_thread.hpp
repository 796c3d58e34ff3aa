#pragma once
// The thread that owns the OpenGL context and does all drawing. With software rendering (Mesa
// llvmpipe) a draw call's vertex and triangle set-up runs on the calling thread: about half of a
// frame. On its own thread it no longer holds up the UI thread, which lays out the next frame
// (and reads the next touch) while this one is drawn. One task at a time, in order: post() hands
// over a frame and returns; run() waits for its task (uploads, screenshots) to be done.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kiosk::app {

class GlThread {
public:
    // `start` runs first on the new thread (it makes the context current there).
    explicit GlThread(std::function<void()> start);
    // Runs `finish` last on the thread (it releases the context), then ends it.
    void stop(std::function<void()> finish);
    ~GlThread();
    GlThread(const GlThread&) = delete;
    GlThread& operator=(const GlThread&) = delete;

    // Waits for the task before it, then hands `task` over and returns.
    void post(std::function<void()> task);
    // Runs `task` on the thread and returns when it is done.
    void run(std::function<void()> task);
    // Returns once no task is waiting or running.
    void wait();

private:
    void loop();

    std::mutex mutex_;
    std::condition_variable changed_;
    std::function<void()> task_;  // waiting to run
    bool busy_ = false;           // a task is waiting or running
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace kiosk::app
