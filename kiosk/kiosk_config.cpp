#include "kiosk_config.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "locale_tag.hpp"
#include "toml_file.hpp"

namespace kiosk::app {

KioskConfig default_config(const std::filesystem::path& built_in_bundle) {
    KioskConfig c;
    c.bundle = built_in_bundle;
    std::filesystem::path state;
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) state = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) state = std::filesystem::path(home) / ".local/state";
    else state = ".";
    c.database = state / "magnesium-kiosk" / "kiosk.db";
    return c;
}

namespace {

class ConfigReader {
public:
    ConfigReader(const content::TomlFile& file, content::Diagnostics& d) : file_(file), d_(d) {}

    void path(const char* name, std::filesystem::path& into) {
        if (const toml::node* n = file_.root.get(name)) {
            if (auto v = n->value<std::string>(); v && n->is_string() && !v->empty()) into = *v;
            else error(*n, name, "must be a path in quotes");
        }
    }

    void seconds(const char* name, int& into, int minimum, int maximum) {
        if (const toml::node* n = file_.root.get(name)) {
            const auto v = n->value_exact<int64_t>();
            if (!v || *v < minimum || *v > maximum) {
                error(*n, name, "must be a whole number of seconds from " + std::to_string(minimum) + " to " + std::to_string(maximum));
            } else {
                into = static_cast<int>(*v);
            }
        }
    }

    void number(const char* name, double& into, double minimum, double maximum) {
        if (const toml::node* n = file_.root.get(name)) {
            const std::optional<double> v = n->is_integer() ? std::optional<double>(static_cast<double>(*n->value<int64_t>())) : n->value_exact<double>();
            if (!v || !(*v >= minimum && *v <= maximum)) {
                error(*n, name, "must be a number from " + format(minimum) + " to " + format(maximum));
            } else {
                into = *v;
            }
        }
    }

    // A short word of letters, digits, '-' and '_' (it names files and the database's rows).
    void identifier(const char* name, std::string& into) {
        if (const toml::node* n = file_.root.get(name)) {
            const std::string v = n->value_or(std::string{});
            const bool ok = n->is_string() && !v.empty() && v.size() <= 40 &&
                            v.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == std::string::npos;
            if (ok) into = v;
            else error(*n, name, "must be a short name of letters, digits, '-' and '_' (at most 40), such as \"front-desk\"");
        }
    }

    void text(const char* name, std::string& into, std::string_view must_start_with) {
        if (const toml::node* n = file_.root.get(name)) {
            const std::string v = n->value_or(std::string{});
            if (n->is_string() && v.starts_with(must_start_with) && v.size() > must_start_with.size()) into = v;
            else error(*n, name, "must be text in quotes starting with '" + std::string(must_start_with) + "'");
        }
    }

    static std::string format(double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }

    // A sound device as ALSA names it: "default", "plughw:1,0".
    void device(const char* name, std::string& into) {
        if (const toml::node* n = file_.root.get(name)) {
            const std::string v = n->value_or(std::string{});
            const bool ok = n->is_string() && !v.empty() && v.size() <= 200 && v.find_first_of("\n\r") == std::string::npos;
            if (ok) into = v;
            else error(*n, name, "must be an ALSA device name in quotes, such as \"default\" or \"plughw:1,0\"");
        }
    }

    void flag(const char* name, bool& into) {
        if (const toml::node* n = file_.root.get(name)) {
            if (const auto v = n->value_exact<bool>()) into = *v;
            else error(*n, name, "must be true or false");
        }
    }

    // Digits, spaces and + - only: what a patient can dial, never a sentence.
    void phone_number(const char* name, std::string& into) {
        if (const toml::node* n = file_.root.get(name)) {
            const std::string v = n->value_or(std::string{});
            const bool dialable = n->is_string() && !v.empty() && v.size() <= 20 &&
                                  v.find_first_not_of("0123456789 +-") == std::string::npos &&
                                  v.find_first_of("0123456789") != std::string::npos;
            if (dialable) into = v;
            else error(*n, name, "must be a telephone number in quotes, such as \"112\" or \"911\" (digits, spaces, + and -; at most 20)");
        }
    }

    // A program and its fixed arguments, run without a shell: ["/usr/local/bin/page-nurse", "--loud"].
    void command(const char* name, std::vector<std::string>& into) {
        const toml::node* n = file_.root.get(name);
        if (n == nullptr) return;
        std::vector<std::string> words;
        if (n->is_string()) {
            words.push_back(n->value_or(std::string{}));
        } else if (const toml::array* list = n->as_array(); list && !list->empty()) {
            for (const toml::node& item : *list) {
                if (!item.is_string()) {
                    error(item, name, "must list the program and its arguments as strings in quotes");
                    return;
                }
                words.push_back(item.value_or(std::string{}));
            }
        } else {
            error(*n, name, "must be a program's absolute path, or a list: [\"/usr/local/bin/page-nurse\", \"--ward\", \"3\"]");
            return;
        }
        if (words.front().empty() || words.front().front() != '/') {
            error(*n, name, "must start with the program's absolute path (it is run without a shell, so no PATH lookup): '" + words.front() + "'");
            return;
        }
        into = std::move(words);
    }

    void locales(std::vector<std::string>& into, std::vector<content::SourcePosition>& at) {
        const toml::node* n = file_.root.get("locales");
        if (n == nullptr) return;
        const toml::array* list = n->as_array();
        if (list == nullptr || list->empty()) {
            error(*n, "locales", "must be a list of language tags such as [\"en\", \"es\"]");
            return;
        }
        into.clear();
        at.clear();
        for (const toml::node& item : *list) {
            const auto check = content::check_language_tag(item.value_or(std::string{}));
            if (!check.valid) {
                error(item, "locales", check.problem);
            } else {
                into.push_back(check.canonical);
                at.push_back(content::position_of(item));
            }
        }
    }

    // A language tag ("es", "zh-Hans"); `at` (optional) receives where it is written.
    void language(const char* name, std::string& into, content::SourcePosition* at = nullptr) {
        if (const toml::node* n = file_.root.get(name)) {
            const auto check = content::check_language_tag(n->value_or(std::string{}));
            if (!check.valid) error(*n, name, check.problem);
            else into = check.canonical;
            if (at) *at = content::position_of(*n);
        }
    }

    void orientation(Orientation& into) {
        if (const toml::node* n = file_.root.get("orientation")) {
            const std::string v = n->value_or(std::string{});
            if (v == "auto") into = Orientation::automatic;
            else if (v == "portrait") into = Orientation::portrait;
            else if (v == "landscape") into = Orientation::landscape;
            else error(*n, "orientation", "must be \"auto\", \"portrait\" or \"landscape\"");
        }
    }

    void error(const toml::node& n, const char* setting, const std::string& message) {
        d_.error(file_.relative_path, content::position_of(n), "setting '" + std::string(setting) + "' " + message);
    }

private:
    const content::TomlFile& file_;
    content::Diagnostics& d_;
};

}  // namespace

std::optional<KioskConfig> read_config(const std::filesystem::path& file, KioskConfig config, content::Diagnostics& diagnostics) {
    const int errors_before = diagnostics.error_count();
    // Named as the operator wrote it, in every message (a syntax error too).
    std::optional<content::TomlFile> toml = content::read_toml_file("", file.string(), diagnostics);
    if (!toml) return std::nullopt;
    config.file = file.string();
    content::report_unknown_keys(toml->root,
                                 {"bundle", "database", "idle_timeout_seconds", "idle_countdown_seconds", "result_screen_seconds",
                                  "locales", "default_locale", "orientation", "urgent_screen_seconds", "emergency_number",
                                  "alert_command", "alert_on_stop", "chime", "chime_sound", "kiosk_id", "staff_locale",
                                  "staff_idle_seconds", "staff_gesture_seconds", "export_folder", "fhir_canonical_url",
                                  "max_grams_per_hour", "max_bolus_grams", "min_bolus_minutes", "max_mg_per_minute",
                                  "max_grams_48h_kidney", "offer_drafts", "read_aloud", "sound_device", "read_aloud_volume"},
                                 toml->relative_path, "the kiosk configuration", diagnostics);
    ConfigReader r(*toml, diagnostics);
    r.path("bundle", config.bundle);
    r.path("database", config.database);
    r.seconds("idle_timeout_seconds", config.idle_timeout_seconds, 15, 3600);
    r.seconds("idle_countdown_seconds", config.idle_countdown_seconds, 5, 120);
    r.seconds("result_screen_seconds", config.result_screen_seconds, 10, 600);
    r.seconds("urgent_screen_seconds", config.urgent_screen_seconds, 60, 7200);
    r.phone_number("emergency_number", config.emergency_number);
    r.command("alert_command", config.alerts.command);
    r.flag("alert_on_stop", config.alerts.on_stop);
    r.flag("chime", config.alerts.chime);
    r.flag("offer_drafts", config.offer_drafts);
    r.path("chime_sound", config.alerts.chime_sound_path);
    r.identifier("kiosk_id", config.kiosk_id);
    r.language("staff_locale", config.staff_locale);
    r.seconds("staff_idle_seconds", config.staff_idle_seconds, 30, 1800);
    r.number("staff_gesture_seconds", config.staff_gesture_seconds, 1, 10);
    r.path("export_folder", config.export_folder);
    r.text("fhir_canonical_url", config.fhir_canonical_url, "https://");
    screening::InfusionLimits& limits = config.infusion_limits;
    r.number("max_grams_per_hour", limits.max_grams_per_hour, 0.1, 10);
    r.number("max_bolus_grams", limits.max_bolus_grams, 0.1, 10);
    r.number("min_bolus_minutes", limits.min_bolus_minutes, 1, 120);
    r.number("max_mg_per_minute", limits.max_mg_per_minute, 1, 1000);
    r.number("max_grams_48h_kidney", limits.max_grams_48h_kidney, 1, 60);
    r.locales(config.locales, config.locales_at);
    r.language("default_locale", config.default_locale, &config.default_locale_at);
    r.orientation(config.orientation);
    r.flag("read_aloud", config.read_aloud);
    r.device("sound_device", config.sound_device);
    r.number("read_aloud_volume", config.read_aloud_volume, 0, 1);
    if (!config.locales.empty() &&
        std::find(config.locales.begin(), config.locales.end(), config.default_locale) == config.locales.end()) {
        const toml::node* n = toml->root.get("default_locale");
        diagnostics.error(toml->relative_path, n ? content::position_of(*n) : content::SourcePosition{1, 1},
                          "setting 'default_locale' (" + config.default_locale + ") must be one of 'locales'");
    }
    if (diagnostics.error_count() > errors_before) return std::nullopt;
    return config;
}

bool check_languages_in_content(const KioskConfig& config, const std::vector<std::string>& content_tags, content::Diagnostics& diagnostics,
                                const std::vector<content::UnreadableLocale>& unreadable,
                                const std::map<std::string, std::string>& not_for_patients) {
    const auto has = [&](const std::string& tag) { return std::find(content_tags.begin(), content_tags.end(), tag) != content_tags.end(); };
    std::string offered;
    for (const std::string& tag : content_tags) offered += (offered.empty() ? "" : ", ") + tag;
    const std::string file = config.file.empty() ? "(built-in settings)" : config.file;
    bool fits = true;
    const auto lacking = [&](const char* setting, const std::string& tag, content::SourcePosition at) {
        const auto lost = std::find_if(unreadable.begin(), unreadable.end(), [&](const content::UnreadableLocale& u) { return u.tag == tag; });
        if (lost != unreadable.end()) {
            diagnostics.error(file, at, "setting '" + std::string(setting) + "' names '" + tag + "', whose file " + lost->file +
                                            " could not be read: " + content::format_diagnostic(lost->error));
        } else {
            diagnostics.error(file, at, "setting '" + std::string(setting) + "' names '" + tag + "', which the content does not have (it has " + offered + ")");
        }
        fits = false;
    };
    const auto for_patients = [&](const char* setting, const std::string& tag, content::SourcePosition at) {
        if (!has(tag)) {
            lacking(setting, tag, at);
        } else if (const auto why = not_for_patients.find(tag); why != not_for_patients.end()) {
            diagnostics.error(file, at, "setting '" + std::string(setting) + "' names '" + tag + "', which is not offered to patients: " + why->second +
                                            "; offer_drafts = true offers it anyway (for testing)");
            fits = false;
        }
    };
    for (std::size_t i = 0; i < config.locales.size(); ++i) {
        for_patients("locales", config.locales[i], i < config.locales_at.size() ? config.locales_at[i] : content::SourcePosition{});
    }
    for_patients("default_locale", config.default_locale, config.default_locale_at);
    if (!has(config.staff_locale)) lacking("staff_locale", config.staff_locale, {});
    return fits;
}

}  // namespace kiosk::app
