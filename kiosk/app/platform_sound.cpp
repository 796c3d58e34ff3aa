#include "alsa_output.hpp"
#include "platform.hpp"

namespace kiosk::app {

std::unique_ptr<speech::AudioOutput> Platform::open_sound(const std::string& device, double volume, std::string& problem) {
    return speech::AlsaOutput::open(device, volume, problem);
}

}  // namespace kiosk::app
