#pragma once
// A throw-away copy of a test bundle in a temporary folder, so that a test can break or change one
// file without touching the fixtures. Removed when the object goes out of scope.
#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::test {

std::filesystem::path source_dir();           // the repository's top folder
std::filesystem::path mini_bundle_dir();      // tests/content/mini-bundle
std::string read_text_file(const std::filesystem::path& path);
// The 1-based number of the first line of `file` that starts with `start` (0: none), so that
// tests name lines of the shipped files without hard-coding numbers that every edit shifts.
int line_starting(const std::filesystem::path& file, std::string_view start);

class TempBundle {
public:
    explicit TempBundle(const std::filesystem::path& from = mini_bundle_dir());
    // A copy of the bundle that ships with the kiosk (structure/, locales/, assets/ only).
    static TempBundle shipped();
    ~TempBundle();
    TempBundle(TempBundle&& other) noexcept;
    TempBundle(const TempBundle&) = delete;
    TempBundle& operator=(const TempBundle&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    void write(const std::string& relative_path, std::string_view text) const;
    void remove(const std::string& relative_path) const;
    std::string read(const std::string& relative_path) const;
    // Replaces the first occurrence of `from` in a file (the test fails if it is not there).
    void replace(const std::string& relative_path, std::string_view from, std::string_view to) const;

private:
    struct Empty {};
    explicit TempBundle(Empty);
    std::filesystem::path dir_;
};

}  // namespace kiosk::test
