#pragma once
// The shipped bundle with a number question asked first, as a content editor may add one: "How
// many hours ago did you last eat?" (6 to 48 hours). The shipped questionnaire has none.
#include "kiosk_bundle.hpp"
#include "temp_bundle.hpp"

namespace kiosk::test {

inline screening::KioskBundle bundle_with_number_question(const TempBundle& b) {
    b.replace("structure/questionnaire.toml", "[[question]]\nid = \"symptoms_now\"",
              "[[question]]\nid = \"hours_since_meal\"\ntype = \"number\"\nmin = 6\nmax = 48\nunit = \"duration-hour\"\n"
              "informational = true\n\n[[question]]\nid = \"symptoms_now\"");
    b.write("locales/en.toml", b.read("locales/en.toml") + "\n[question.hours_since_meal]\ntext = \"How many hours ago did you last eat?\"\n");
    return screening::load_kiosk_bundle(b.dir());
}

}  // namespace kiosk::test
