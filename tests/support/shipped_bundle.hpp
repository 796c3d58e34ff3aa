#pragma once
// The bundle that ships (texts, questionnaire, rules), loaded once per test program.
#include "kiosk_bundle.hpp"
#include "temp_bundle.hpp"

namespace kiosk::test {

inline const screening::KioskBundle& shipped_bundle() {
    static const screening::KioskBundle bundle = screening::load_kiosk_bundle(source_dir());
    return bundle;
}

}  // namespace kiosk::test
