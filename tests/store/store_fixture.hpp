#pragma once
// Helpers for store tests: a temporary folder and a typical flagged submission.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "submission_store.hpp"

namespace kiosk::test {

class TempDir {
public:
    TempDir() {
        static int counter = 0;
        path_ = std::filesystem::temp_directory_path() / ("kiosk-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline store::NewSubmission flagged_submission(const std::string& marker = "heart_block") {
    return store::NewSubmission{"en", "0123456789abcdef", R"({"heart":[")" + marker + R"("],"adult":"yes"})", 3,
                                {{"heart_block_or_damage", 3, R"({"heart":[")" + marker + R"("]})", "Brochure, Medical Restrictions"}}};
}

inline store::SubmissionStore open_store(const std::filesystem::path& path, store::StoreOptions options = {}) {
    auto opened = store::SubmissionStore::open(path, std::move(options));
    if (auto* e = std::get_if<store::SqliteError>(&opened)) throw std::runtime_error(e->message);
    return std::move(std::get<store::SubmissionStore>(opened));
}

inline std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace kiosk::test
