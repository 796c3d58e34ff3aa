// The kiosk's configuration: defaults for everything, and clear errors for bad settings.
#include <doctest/doctest.h>

#include <fstream>

#include "kiosk_config.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk::app;

namespace {

std::vector<std::string> errors_for(const std::string& text) {
    kiosk::test::TempDir dir;
    {
        std::ofstream out(dir / "kiosk.toml");
        out << text;
    }
    kiosk::content::Diagnostics d;
    const auto config = read_config(dir / "kiosk.toml", default_config("/bundle"), d);
    std::vector<std::string> lines;
    for (const auto& item : d.items()) {
        std::string line = kiosk::content::format_diagnostic(item);
        lines.push_back(line.substr(line.find("kiosk.toml")));
    }
    CHECK(config.has_value() == lines.empty());
    return lines;
}

}  // namespace

TEST_CASE("every setting has a default, so the kiosk runs with no configuration file") {
    const KioskConfig c = default_config("/usr/share/kiosk");
    CHECK(c.bundle == "/usr/share/kiosk");
    CHECK(c.database.filename() == "kiosk.db");
    CHECK(c.idle_timeout_seconds == 90);
    CHECK(c.default_locale == "en");
    CHECK(c.locales.empty());
    CHECK(c.orientation == Orientation::automatic);
}

TEST_CASE("a good file overrides the defaults") {
    kiosk::test::TempDir dir;
    {
        std::ofstream out(dir / "kiosk.toml");
        out << "# the front desk kiosk\nidle_timeout_seconds = 120\nlocales = [\"es\", \"en\"]\ndefault_locale = \"es\"\n"
               "orientation = \"portrait\"\ndatabase = \"/var/lib/kiosk/kiosk.db\"\n";
    }
    kiosk::content::Diagnostics d;
    const auto c = read_config(dir / "kiosk.toml", default_config("/bundle"), d);
    REQUIRE(c.has_value());
    CHECK(c->idle_timeout_seconds == 120);
    CHECK(c->locales == std::vector<std::string>{"es", "en"});
    CHECK(c->default_locale == "es");
    CHECK(c->orientation == Orientation::portrait);
    CHECK(c->database == "/var/lib/kiosk/kiosk.db");
    CHECK(c->bundle == "/bundle");
}

TEST_CASE("bad settings are named with their file, line and column") {
    CHECK(errors_for("idle_timeout = 90\n") ==
          std::vector<std::string>{"kiosk.toml:1:1: error: unknown key 'idle_timeout' in the kiosk configuration; did you mean 'idle_timeout_seconds'?"});
    CHECK(errors_for("\nidle_timeout_seconds = 5\n") ==
          std::vector<std::string>{"kiosk.toml:2:24: error: setting 'idle_timeout_seconds' must be a whole number of seconds from 15 to 3600"});
    CHECK(errors_for("idle_timeout_seconds = \"90\"\n").size() == 1);
    CHECK(errors_for("locales = [\"en\", \"es_MX\"]\n") ==
          std::vector<std::string>{"kiosk.toml:1:18: error: setting 'locales' 'es_MX' uses '_'; BCP-47 language tags use '-' (write 'es-MX')"});
    CHECK(errors_for("locales = [\"en\"]\ndefault_locale = \"ar\"\n") ==
          std::vector<std::string>{"kiosk.toml:2:18: error: setting 'default_locale' (ar) must be one of 'locales'"});
    CHECK(errors_for("orientation = \"sideways\"\n") ==
          std::vector<std::string>{"kiosk.toml:1:15: error: setting 'orientation' must be \"auto\", \"portrait\" or \"landscape\""});
    CHECK(errors_for("locales = [\"en\"\n").size() == 1);  // TOML syntax
}

TEST_CASE("the urgent screen, the emergency number and staff alerts: defaults, good settings, and each mistake named") {
    const KioskConfig defaults = default_config("/bundle");
    CHECK(defaults.urgent_screen_seconds == 600);
    CHECK(defaults.emergency_number.empty());  // no default number: it differs by country
    CHECK(defaults.alerts.chime);
    CHECK(defaults.alerts.command.empty());
    CHECK_FALSE(defaults.alerts.on_stop);

    kiosk::test::TempDir dir;
    std::ofstream(dir / "kiosk.toml") << "urgent_screen_seconds = 900\nemergency_number = \"+44 999\"\n"
                                         "alert_command = [\"/usr/local/bin/page-nurse\", \"--ward\", \"3\"]\n"
                                         "alert_on_stop = true\nchime = false\nchime_sound = \"/usr/share/sounds/bell.oga\"\n";
    kiosk::content::Diagnostics d;
    const auto c = read_config(dir / "kiosk.toml", defaults, d);
    REQUIRE(c.has_value());
    CHECK(c->urgent_screen_seconds == 900);
    CHECK(c->emergency_number == "+44 999");
    CHECK(c->alerts.command == std::vector<std::string>{"/usr/local/bin/page-nurse", "--ward", "3"});
    CHECK(c->alerts.on_stop);
    CHECK_FALSE(c->alerts.chime);
    CHECK(c->alerts.chime_sound_path == "/usr/share/sounds/bell.oga");

    CHECK(errors_for("urgent_screen_seconds = 30\n") ==
          std::vector<std::string>{"kiosk.toml:1:25: error: setting 'urgent_screen_seconds' must be a whole number of seconds from 60 to 7200"});
    CHECK(errors_for("emergency_number = \"call 911\"\n").size() == 1);
    CHECK(errors_for("emergency_number = 911\n").size() == 1);  // a number, not the text to show
    CHECK(errors_for("alert_command = \"page-nurse\"\n") ==
          std::vector<std::string>{"kiosk.toml:1:17: error: setting 'alert_command' must start with the program's absolute path (it is run "
                                   "without a shell, so no PATH lookup): 'page-nurse'"});
    CHECK(errors_for("alert_command = [\"/bin/pager\", 3]\n").size() == 1);
    CHECK(errors_for("alert_command = []\n").size() == 1);
    CHECK(errors_for("chime = \"yes\"\n") == std::vector<std::string>{"kiosk.toml:1:9: error: setting 'chime' must be true or false"});
}

TEST_CASE("a TOML syntax error names the configuration file by the path it was given, like every other error") {
    kiosk::test::TempDir dir;
    std::ofstream(dir / "kiosk.toml") << "locales = [\"en\"\n";
    kiosk::content::Diagnostics d;
    CHECK_FALSE(read_config(dir / "kiosk.toml", default_config("/bundle"), d).has_value());
    REQUIRE(d.items().size() == 1);
    INFO(kiosk::content::format_diagnostic(d.items().front()));
    CHECK(kiosk::content::format_diagnostic(d.items().front()).starts_with((dir / "kiosk.toml").string() + ":1:17: error: TOML syntax"));
}

TEST_CASE("languages the content does not have are named at their place in the file, with the ones it has") {
    kiosk::test::TempDir dir;
    std::ofstream(dir / "kiosk.toml") << "locales = [\"en\", \"fr\"]\ndefault_locale = \"fr\"\n";
    kiosk::content::Diagnostics d;
    const auto config = read_config(dir / "kiosk.toml", default_config("/bundle"), d);
    REQUIRE(config.has_value());  // well-formed: only the content can tell that French is missing
    CHECK_FALSE(check_languages_in_content(*config, {"en", "es", "ar", "zh-Hans"}, d));
    std::vector<std::string> lines;
    for (const auto& item : d.items()) lines.push_back(kiosk::content::format_diagnostic(item));
    const std::string file = (dir / "kiosk.toml").string();
    std::string all;
    for (const auto& l : lines) all += l + "\n";
    INFO(all);
    CHECK(lines == std::vector<std::string>{
                       file + ":1:18: error: setting 'locales' names 'fr', which the content does not have (it has en, es, ar, zh-Hans)",
                       file + ":2:18: error: setting 'default_locale' names 'fr', which the content does not have (it has en, es, ar, zh-Hans)"});
    kiosk::content::Diagnostics none;
    CHECK(check_languages_in_content(default_config("/bundle"), {"en", "es"}, none));
    CHECK(none.items().empty());
}

TEST_CASE("read aloud: on by default on the system's sound device, its settings read, and each mistake named at its place") {
    const KioskConfig defaults = default_config("/bundle");
    CHECK(defaults.read_aloud);
    CHECK(defaults.sound_device == "default");
    CHECK(defaults.read_aloud_volume == doctest::Approx(0.8));
    kiosk::test::TempDir dir;
    std::ofstream(dir / "kiosk.toml") << "read_aloud = false\nsound_device = \"plughw:1,0\"\nread_aloud_volume = 0.5\n";
    kiosk::content::Diagnostics d;
    const auto c = read_config(dir / "kiosk.toml", defaults, d);
    REQUIRE(c.has_value());
    CHECK_FALSE(c->read_aloud);
    CHECK(c->sound_device == "plughw:1,0");
    CHECK(c->read_aloud_volume == doctest::Approx(0.5));
    CHECK(errors_for("read_aloud_volume = 1.5\n") ==
          std::vector<std::string>{"kiosk.toml:1:21: error: setting 'read_aloud_volume' must be a number from 0 to 1"});
    CHECK(errors_for("sound_device = \"\"\n") ==
          std::vector<std::string>{"kiosk.toml:1:16: error: setting 'sound_device' must be an ALSA device name in quotes, such as \"default\" or \"plughw:1,0\""});
    CHECK(errors_for("read_aloud = 1\n") == std::vector<std::string>{"kiosk.toml:1:14: error: setting 'read_aloud' must be true or false"});
}
