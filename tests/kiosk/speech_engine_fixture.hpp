#pragma once
// The one eSpeak engine of a speech test program (eSpeak keeps one global synthesizer), opened
// on first use; a test fails with the reason when it cannot be.
#include <memory>
#include <string>

#include <doctest/doctest.h>

#include "espeak_engine.hpp"

namespace kiosk::test {

inline speech::EspeakEngine& espeak_engine() {
    static std::string problem;
    static const std::unique_ptr<speech::EspeakEngine> engine = speech::EspeakEngine::open(problem);
    REQUIRE_MESSAGE(engine != nullptr, problem);
    return *engine;
}

}  // namespace kiosk::test
