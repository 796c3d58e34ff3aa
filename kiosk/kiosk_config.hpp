#pragma once
// The kiosk's one configuration file (TOML). Every setting has a default, so the kiosk runs with
// no file at all; a bad setting is reported with the file, line and setting name.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content_bundle.hpp"
#include "diagnostic.hpp"
#include "infusion_plan.hpp"
#include "staff_alert.hpp"

namespace kiosk::app {

enum class Orientation { automatic, portrait, landscape };

struct KioskConfig {
    std::filesystem::path bundle;          // the content bundle folder
    std::filesystem::path database;        // the submission database
    int idle_timeout_seconds = 90;         // no touch for this long: "Are you still there?"
    int idle_countdown_seconds = 15;       // then this countdown, then the session is wiped
    int result_screen_seconds = 45;        // the result screen returns to welcome by itself
    int urgent_screen_seconds = 600;       // the urgent screen stays at least this long, touched or not
    std::string emergency_number;          // shown on the urgent screen; none by default (it differs by country)
    AlertSettings alerts;                  // chime, alert_command, alert_on_stop
    // The staff mode.
    std::string kiosk_id = "kiosk";        // recorded with each submission (a clinic may have several)
    std::string staff_locale = "en";       // the staff screens' language
    int staff_idle_seconds = 120;          // a staff session ends by itself after this long untouched
    double staff_gesture_seconds = 3;      // the hidden way in: a long press in the top-left corner
    std::filesystem::path export_folder = "/media/usb";  // where exports are written (a USB stick)
    std::string fhir_canonical_url = "https://kiosk.example.org/fhir/Questionnaire/magnesium-iv-screening";
    screening::InfusionLimits infusion_limits;  // max_grams_per_hour, max_bolus_grams, ...
    std::vector<std::string> locales;      // offered in the picker; empty: every shipped locale
    // Only languages reviewed by a medical translator (status = "reviewed", no missing or stale
    // safety text) are offered to patients; true offers drafts too, for testing and demos, and
    // the welcome screen then says so for staff.
    bool offer_drafts = false;
    std::string default_locale = "en";
    Orientation orientation = Orientation::automatic;
    // Read aloud (#17): offered when true and the sound device opens; how loud (0 to 1).
    bool read_aloud = true;
    std::string sound_device = "default";  // an ALSA device name
    double read_aloud_volume = 0.8;

    // Where the languages were set, so that a language the content lacks (known only once the
    // content is loaded) can be reported at its file and line.
    std::string file;                                   // empty: built-in defaults
    std::vector<content::SourcePosition> locales_at;    // one per entry of `locales`
    content::SourcePosition default_locale_at;
};

// Defaults: the bundle this kiosk was built with, and the database under $XDG_STATE_HOME (or
// ~/.local/state)/magnesium-kiosk/kiosk.db.
KioskConfig default_config(const std::filesystem::path& built_in_bundle);

// Reads `file` over the defaults. Problems go to `diagnostics` ("kiosk.toml:4:1: error: …"); the
// result is nothing if any setting is wrong, so the kiosk never runs on a half-read file.
std::optional<KioskConfig> read_config(const std::filesystem::path& file, KioskConfig defaults, content::Diagnostics& diagnostics);

// Every language the configuration names must be one the content has (`content_tags`); false,
// with an error per language at its place in the file, if not.
// A language whose file could not be read (`unreadable`) is named with that file's first error;
// one that may not be offered to patients (`not_for_patients`: tag -> why) with the reason, for
// `locales` and `default_locale` (staff may read a draft: `staff_locale` is not checked for it).
bool check_languages_in_content(const KioskConfig& config, const std::vector<std::string>& content_tags, content::Diagnostics& diagnostics,
                                const std::vector<content::UnreadableLocale>& unreadable = {},
                                const std::map<std::string, std::string>& not_for_patients = {});

}  // namespace kiosk::app
