#include "temp_bundle.hpp"

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include <unistd.h>

#ifndef KIOSK_SOURCE_DIR
#error "KIOSK_SOURCE_DIR must be defined by the build"
#endif

namespace kiosk::test {

std::filesystem::path source_dir() { return KIOSK_SOURCE_DIR; }
std::filesystem::path mini_bundle_dir() { return source_dir() / "tests/content/mini-bundle"; }

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TempBundle::TempBundle(Empty) {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("kiosk-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
}

TempBundle::TempBundle(const std::filesystem::path& from) : TempBundle(Empty{}) {
    std::filesystem::copy(from, dir_, std::filesystem::copy_options::recursive);
}

TempBundle TempBundle::shipped() {
    TempBundle bundle{Empty{}};
    for (const char* folder : {"structure", "locales", "assets"}) {
        if (std::filesystem::exists(source_dir() / folder)) {
            std::filesystem::copy(source_dir() / folder, bundle.dir_ / folder, std::filesystem::copy_options::recursive);
        }
    }
    return bundle;
}

TempBundle::TempBundle(TempBundle&& other) noexcept : dir_(std::exchange(other.dir_, {})) {}

TempBundle::~TempBundle() {
    if (dir_.empty()) return;  // moved from
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

void TempBundle::write(const std::string& relative_path, std::string_view text) const {
    std::filesystem::create_directories((dir_ / relative_path).parent_path());
    std::ofstream out(dir_ / relative_path, std::ios::binary | std::ios::trunc);
    out << text;
}

void TempBundle::remove(const std::string& relative_path) const { std::filesystem::remove(dir_ / relative_path); }

std::string TempBundle::read(const std::string& relative_path) const { return read_text_file(dir_ / relative_path); }

void TempBundle::replace(const std::string& relative_path, std::string_view from, std::string_view to) const {
    std::string text = read(relative_path);
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("'" + std::string(from) + "' not in " + relative_path);
    text.replace(at, from.size(), to);
    write(relative_path, text);
}

int line_starting(const std::filesystem::path& file, std::string_view start) {
    const std::string text = read_text_file(file);
    int line = 1;
    std::size_t at = 0;
    while (at < text.size()) {
        if (text.compare(at, start.size(), start) == 0) return line;
        at = text.find('\n', at);
        if (at == std::string::npos) break;
        ++at;
        ++line;
    }
    return 0;
}

}  // namespace kiosk::test
