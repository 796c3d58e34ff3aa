// A locale file: TOML (nesting checked before toml++), keys, texts, and each text compiled as
// MessageFormat for its language and formatted, as lint and the kiosk do.
#include <span>

#include <unicode/locid.h>

#include "compiled_message.hpp"
#include "fuzz_input_file.hpp"
#include "locale_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kiosk::fuzz::write_input("locales/ar.toml", data, size);
    kiosk::content::Diagnostics diagnostics;
    const std::optional<kiosk::content::LocaleFile> file = kiosk::content::read_locale_file(kiosk::fuzz::work_dir(), "locales/ar.toml", diagnostics);
    if (!file) return 0;
    const icu::Locale arabic("ar");
    for (const auto& [key, entry] : file->entries) {
        const kiosk::content::CompiledMessage message = kiosk::content::CompiledMessage::compile(entry.text, arabic);
        std::vector<kiosk::content::MessageArgument> arguments;
        for (const std::string& name : message.shape().arguments) arguments.push_back({name, std::int64_t{-9007199254740993}});
        (void)message.format(arguments);
    }
    return 0;
}
