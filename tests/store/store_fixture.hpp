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
    return store::NewSubmission{"en", "0123456789abcdef", R"({"heart":[")" + marker + R"("],"adult":"yes"})", screening::Severity::stop,
                                {{"heart_block_or_damage", screening::Severity::stop, R"({"heart":[")" + marker + R"("]})", "Brochure, Medical Restrictions"}}, "kiosk-1"};
}

// A staff session as sign-in gives one, for staff number 1001 (its account is made here, without
// the slow PIN hash, when the store has none).
inline store::StaffSession nurse(store::SubmissionStore& s) {
    if (auto e = s.connection().exec("INSERT OR IGNORE INTO staff (id, name, pin_hash, display_name) VALUES (1, '1001', '-', 'Ana')")) {
        throw std::runtime_error(e->message);
    }
    return {1, "1001", "Ana", "2026-01-01T00:00:00Z"};
}

// The queues and a view, for tests that expect no fault.
inline std::vector<store::QueueEntry> queue_of(store::SubmissionStore& s, int limit = 10) {
    auto q = s.flagged_queue(limit);
    if (auto* e = std::get_if<store::SqliteError>(&q)) throw std::runtime_error(e->message);
    return std::get<std::vector<store::QueueEntry>>(q);
}
inline std::optional<store::StoredSubmission> viewed(store::SubmissionStore& s, std::int64_t id) {
    auto v = s.view(nurse(s), id);
    if (auto* found = std::get_if<store::StoredSubmission>(&v)) return *found;
    return std::nullopt;
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
