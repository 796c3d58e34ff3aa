#pragma once
// Whether there is a sound device is asked of ALSA at start-up, and through ALSA perhaps of a sound
// server. A server that hangs must not hold the kiosk's start: its questionnaire and the urgent
// screen need no sound. So the question is asked on a thread of its own and its answer waited for
// only so long; an answer that comes later is let go (the kiosk then has no Read aloud until it
// starts again), and the thread, still waiting on ALSA, is left to end on its own.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "read_aloud.hpp"

namespace kiosk::app {

class SoundProbe {
public:
    // `open` answers with the device, or nothing with its problem set; it runs at once on a thread
    // of its own (here, when no thread can be started), and must own everything it uses.
    using Open = std::function<std::unique_ptr<speech::AudioOutput>(std::string& problem)>;
    explicit SoundProbe(Open open);

    // The device, or nothing with `problem` set: why it could not be opened, or that it did not
    // answer within `wait`. Once only.
    std::unique_ptr<speech::AudioOutput> take(std::chrono::milliseconds wait, std::string& problem);

private:
    struct Answer;
    std::shared_ptr<Answer> answer_;  // shared with the thread, which may outlive this object
};

}  // namespace kiosk::app
