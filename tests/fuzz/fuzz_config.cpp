// The kiosk's configuration file (config/*.toml), read over the built-in defaults.
#include "fuzz_input_file.hpp"
#include "kiosk_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kiosk::app::KioskConfig defaults = kiosk::app::default_config(KIOSK_SOURCE_DIR);
    const std::filesystem::path file = kiosk::fuzz::write_input("kiosk.toml", data, size);
    kiosk::content::Diagnostics diagnostics;
    (void)kiosk::app::read_config(file, defaults, diagnostics);
    return 0;
}
