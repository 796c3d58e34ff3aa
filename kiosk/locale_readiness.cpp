#include "locale_readiness.hpp"

namespace kiosk::app {

std::set<std::string> safety_text_keys(const screening::KioskBundle& bundle) {
    std::set<std::string> keys;
    for (const screening::Question& q : bundle.screening.questionnaire.questions) {
        if (!q.safety) continue;
        keys.insert(screening::question_text_key(q));
        if (q.has_help) keys.insert(screening::question_help_key(q));
        for (const std::string& option : q.options) keys.insert(screening::option_text_key(q, option));
    }
    for (const screening::Rule& rule : bundle.screening.rules) keys.insert(rule.patient_message_key);
    keys.insert(bundle.screening.unknown_safety_answer.patient_message_key);
    for (const auto& [key, message] : bundle.content.bundle.base().messages) {
        if (key.rfind("ui.urgent.", 0) == 0) keys.insert(key);
    }
    return keys;
}

std::string why_not_for_patients(const screening::KioskBundle& bundle, const content::LocaleTexts& locale) {
    const std::string file = locale.tag == content::base_locale_tag ? "locales/en.toml" : "locales/" + locale.tag + ".toml";
    if (locale.status != content::ReviewStatus::reviewed) return "status = \"draft\" in " + file + " (not reviewed by a medical translator)";
    if (&locale == &bundle.content.bundle.base()) return {};  // English is the source: nothing in it can be missing or stale
    std::string lacking;
    int count = 0;
    for (const std::string& key : safety_text_keys(bundle)) {
        if (locale.messages.contains(key) && !locale.stale_keys.contains(key)) continue;
        if (++count <= 3) lacking += (lacking.empty() ? "" : ", ") + key;
    }
    if (count == 0) return {};
    return std::to_string(count) + " safety text(s) missing or stale in " + file + ": " + lacking + (count > 3 ? ", …" : "");
}

std::map<std::string, std::string> languages_not_for_patients(const screening::KioskBundle& bundle) {
    std::map<std::string, std::string> out;
    for (const content::LocaleTexts& l : bundle.content.bundle.locales) {
        if (std::string why = why_not_for_patients(bundle, l); !why.empty()) out[l.tag] = why;
    }
    return out;
}

}  // namespace kiosk::app
