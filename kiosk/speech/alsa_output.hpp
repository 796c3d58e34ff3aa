#pragma once
// Speech on the machine's sound device, through ALSA ("default": PulseAudio or PipeWire where the
// machine runs one, else the card itself). The device is opened for a reading and closed after
// it, so that a kiosk at rest holds no sound device and wakes no thread for one. Not libcanberra
// (the staff chime's library): it plays sound files and theme sounds, not a stream of samples
// that must stop the moment the patient taps.
#include <alsa/asoundlib.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "read_aloud.hpp"

namespace kiosk::speech {

class AlsaOutput final : public AudioOutput {
public:
    // Opens `device` once to see that it is there (a kiosk without one hides its Read aloud
    // button); nothing, with `problem` set, when it cannot be. `volume`: 0 to 1.
    static std::unique_ptr<AlsaOutput> open(std::string device, double volume, std::string& problem);
    ~AlsaOutput() override;

    void begin() override { dropped_ = false; }
    bool play(const std::int16_t* samples, std::size_t count, int sample_rate, std::string& problem) override;
    void drop() override { dropped_ = true; }
    void finish() override;

private:
    AlsaOutput(std::string device, double volume) : device_(std::move(device)), volume_(volume) {}
    // The device at `sample_rate`, opened (or reopened for a new rate) when needed.
    bool ready_for(int sample_rate, std::string& problem);
    void close();

    std::string device_;
    double volume_ = 1;
    snd_pcm_t* pcm_ = nullptr;
    int rate_ = 0;
    std::vector<std::int16_t> scaled_;
    std::atomic<bool> dropped_{false};
};

}  // namespace kiosk::speech
