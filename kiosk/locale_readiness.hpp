#pragma once
// Which languages may be offered to patients: only one a medical translator has reviewed
// (status = "reviewed" in its file) with every safety text present and current: the questions
// that decide routing, what the rules tell patients, the urgent screen. A draft, or a reviewed
// language whose English safety text changed since, stays off the picker unless the configuration
// says offer_drafts = true (testing, demos).
#include <map>
#include <set>
#include <string>

#include "kiosk_bundle.hpp"

namespace kiosk::app {

// The keys whose text must be reviewed and current before patients see a language.
std::set<std::string> safety_text_keys(const screening::KioskBundle& bundle);

// Why `tag` may not be offered to patients ("" when it may), in words for staff and the log:
// "status = \"draft\" in locales/es.toml", "3 safety texts missing or stale in locales/es.toml: …".
std::string why_not_for_patients(const screening::KioskBundle& bundle, const content::LocaleTexts& locale);

// Every language of the bundle that may not be offered, with the reason.
std::map<std::string, std::string> languages_not_for_patients(const screening::KioskBundle& bundle);

}  // namespace kiosk::app
