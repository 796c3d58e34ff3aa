#include "alsa_output.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <ctime>

namespace kiosk::speech {

namespace {

// What the device may hold ahead of the sound heard: short, so that a stop is heard at once and
// the first sample of a reading starts soon.
constexpr unsigned latency_microseconds = 60'000;
// How long one wait for room on the device may last before the stop flag is looked at again.
constexpr int wait_milliseconds = 10;

// ALSA's library prints its own errors to stderr, several lines a failed open ("ALSA lib
// confmisc.c:855:(parse_card) cannot find card '0'"), into the kiosk's log at every start on a
// machine without sound. The kiosk says what failed itself, once, in its own words.
void quiet_alsa_library(const char*, int, const char*, int, const char*, ...) {}

bool open_pcm(const std::string& device, int rate, snd_pcm_t*& pcm, std::string& problem) {
    snd_lib_error_set_handler(quiet_alsa_library);
    // Non-blocking: play() waits in short steps, so that drop() from the UI thread ends it soon.
    int e = snd_pcm_open(&pcm, device.c_str(), SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
    if (e < 0) {
        problem = "cannot open sound device '" + device + "': " + snd_strerror(e);
        pcm = nullptr;
        return false;
    }
    e = snd_pcm_set_params(pcm, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1, static_cast<unsigned>(rate), 1, latency_microseconds);
    if (e < 0) {
        problem = "sound device '" + device + "' does not take 16-bit mono at " + std::to_string(rate) + " Hz: " + snd_strerror(e);
        snd_pcm_close(pcm);
        pcm = nullptr;
        return false;
    }
    return true;
}

}  // namespace

std::unique_ptr<AlsaOutput> AlsaOutput::open(std::string device, double volume, std::string& problem) {
    snd_pcm_t* pcm = nullptr;
    if (!open_pcm(device, 22050, pcm, problem)) return nullptr;  // eSpeak's rate
    snd_pcm_close(pcm);
    return std::unique_ptr<AlsaOutput>(new AlsaOutput(std::move(device), std::clamp(volume, 0.0, 1.0)));
}

AlsaOutput::~AlsaOutput() { close(); }

void AlsaOutput::close() {
    if (pcm_ != nullptr) snd_pcm_close(pcm_);
    pcm_ = nullptr;
    rate_ = 0;
}

bool AlsaOutput::ready_for(int sample_rate, std::string& problem) {
    if (pcm_ != nullptr && rate_ == sample_rate) return true;
    close();
    if (!open_pcm(device_, sample_rate, pcm_, problem)) return false;
    rate_ = sample_rate;
    return true;
}

bool AlsaOutput::play(const std::int16_t* samples, std::size_t count, int sample_rate, std::string& problem) {
    if (!ready_for(sample_rate, problem)) return false;
    scaled_.resize(count);
    std::transform(samples, samples + count, scaled_.begin(),
                   [this](std::int16_t s) { return static_cast<std::int16_t>(std::lround(s * volume_)); });
    std::size_t done = 0;
    while (done < count) {
        if (dropped_) {
            snd_pcm_drop(pcm_);  // what the device still holds is not heard
            close();
            problem = "stopped";
            return false;
        }
        const snd_pcm_sframes_t n = snd_pcm_writei(pcm_, scaled_.data() + done, count - done);
        if (n == -EAGAIN) {
            snd_pcm_wait(pcm_, wait_milliseconds);
        } else if (n < 0) {
            // An underrun (the UI thread was slow to hand on a piece) is recovered; others end it.
            if (const int e = snd_pcm_recover(pcm_, static_cast<int>(n), 1); e < 0) {
                problem = std::string("sound device '") + device_ + "': " + snd_strerror(e);
                close();
                return false;
            }
        } else {
            done += static_cast<std::size_t>(n);
        }
    }
    return true;
}

void AlsaOutput::finish() {
    if (pcm_ == nullptr) return;
    // A text shorter than the device's buffer has not started it yet.
    if (snd_pcm_state(pcm_) == SND_PCM_STATE_PREPARED) snd_pcm_start(pcm_);
    // The last piece plays out (a stop still cuts it short), then the device is let go.
    snd_pcm_sframes_t delay = 0;
    while (!dropped_ && snd_pcm_state(pcm_) == SND_PCM_STATE_RUNNING && snd_pcm_delay(pcm_, &delay) == 0 && delay > 0) {
        struct timespec pause = {0, wait_milliseconds * 1'000'000L};
        nanosleep(&pause, nullptr);
    }
    if (dropped_) snd_pcm_drop(pcm_);
    close();
}

}  // namespace kiosk::speech
