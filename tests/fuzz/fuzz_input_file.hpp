#pragma once
// The harnesses hand each input to the same entry points the kiosk and its tools use, which read
// files: the input is written to a file in a folder of the harness's own (on tmpfs where there is
// one), so that the size and regular-file checks in front of every parser are fuzzed too.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

namespace kiosk::fuzz {

inline const std::filesystem::path& work_dir() {
    static const std::filesystem::path dir = [] {
        const std::filesystem::path shm = "/dev/shm";
        const std::filesystem::path base = std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
        std::filesystem::path d = base / ("kiosk-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

inline std::filesystem::path write_input(const std::string& relative, const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path path = work_dir() / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) { return {reinterpret_cast<const char*>(data), size}; }

}  // namespace kiosk::fuzz
