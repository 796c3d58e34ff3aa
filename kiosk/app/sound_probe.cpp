#include "sound_probe.hpp"

#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>

namespace kiosk::app {

struct SoundProbe::Answer {
    std::mutex mutex;
    std::condition_variable given;
    bool done = false;
    std::unique_ptr<speech::AudioOutput> output;
    std::string problem;

    void give(Open& open) {
        std::string why;
        std::unique_ptr<speech::AudioOutput> found = open(why);
        const std::lock_guard<std::mutex> lock(mutex);
        output = std::move(found);
        problem = std::move(why);
        done = true;
        given.notify_all();
    }
};

SoundProbe::SoundProbe(Open open) : answer_(std::make_shared<Answer>()) {
    try {
        // Detached: joining would be waiting for the very answer that may never come. `open` is
        // copied, not moved: if no thread starts, it is still here to be asked.
        std::thread([answer = answer_, open]() mutable { answer->give(open); }).detach();
    } catch (const std::system_error&) {
        answer_->give(open);  // no thread to spare: asked here, without a limit
    }
}

std::unique_ptr<speech::AudioOutput> SoundProbe::take(std::chrono::milliseconds wait, std::string& problem) {
    std::unique_lock<std::mutex> lock(answer_->mutex);
    if (!answer_->given.wait_for(lock, wait, [&] { return answer_->done; })) {
        problem = "the sound device did not answer within " + std::to_string(wait.count()) + " ms";
        return nullptr;
    }
    problem = answer_->problem;
    return std::move(answer_->output);
}

}  // namespace kiosk::app
