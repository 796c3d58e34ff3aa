// A kiosk script (--script): taps, shots, waits, as end-to-end tests and benchmarks write them.
#include "fuzz_input_file.hpp"
#include "script_player.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path file = kiosk::fuzz::write_input("visit.script", data, size);
    std::string problem;
    (void)kiosk::app::read_script(file, problem);
    return 0;
}
