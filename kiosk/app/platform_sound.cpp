#include "alsa_output.hpp"
#include "platform.hpp"

namespace kiosk::app {

SoundProbe::Open Platform::sound_opener(const std::string& device, double volume) {
    return [device, volume](std::string& problem) -> std::unique_ptr<speech::AudioOutput> { return speech::AlsaOutput::open(device, volume, problem); };
}

}  // namespace kiosk::app
