// Submission store figures (printed, not asserted):
//  (a) commit latency per submission, median and p99, beside a bare write+fsync of a small file in
//      the same folder: the physical floor. Target: within 2x of it.
//  (b) time to fetch the first page of the flagged queue with 1,000,000 submissions. Target: < 5 ms.
// Usage: bench_store [FOLDER]   (default: ./bench-store, on the disk the kiosk would use)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <filesystem>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "submission_store.hpp"

namespace {

using clock_type = std::chrono::steady_clock;
using namespace kiosk::store;

struct Figures {
    double median_ms;
    double p99_ms;
    double max_ms;
};

Figures summarise(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)], ms.back()};
}

double since_ms(clock_type::time_point start) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

Figures bare_write_fsync(const std::filesystem::path& file, int rounds) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    std::vector<double> ms;
    const std::string record(512, 'x');  // about one submission's size
    for (int i = 0; i < rounds; ++i) {
        const auto start = clock_type::now();
        if (::pwrite(fd, record.data(), record.size(), static_cast<off_t>(i) * 512) < 0) std::perror("pwrite");
        ::fsync(fd);
        ms.push_back(since_ms(start));
    }
    ::close(fd);
    return summarise(ms);
}

NewSubmission sample(kiosk::screening::Severity severity) {
    return {"es", "0123456789abcdef",
            R"({"symptoms_now":["none"],"adult":"yes","pregnant":"no","heart":["pacemaker"],"kidney":"no","medicines":["digoxin"]})",
            severity, {{"other_heart_condition", kiosk::screening::Severity::caution, R"({"heart":["pacemaker"]})", "Brochure, Safety Information"},
                      {"interacting_medicines", kiosk::screening::Severity::caution, R"({"medicines":["digoxin"]})", "US prescribing information"}},
            "bench"};
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path folder = argc > 1 ? argv[1] : "bench-store";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    constexpr int rounds = 400;

    const Figures floor = bare_write_fsync(folder / "floor.bin", rounds);
    std::printf("bare write+fsync (512 B):        median %.3f ms   p99 %.3f ms   max %.3f ms\n", floor.median_ms, floor.p99_ms,
                floor.max_ms);

    auto opened = SubmissionStore::open(folder / "kiosk.db");
    if (!std::holds_alternative<SubmissionStore>(opened)) {
        std::fprintf(stderr, "%s\n", std::get<SqliteError>(opened).message.c_str());
        return 1;
    }
    SubmissionStore& store = std::get<SubmissionStore>(opened);
    std::vector<double> commit_ms;
    for (int i = 0; i < rounds; ++i) {
        const auto start = clock_type::now();
        if (!store.submit(sample(kiosk::screening::Severity::caution)).stored) std::fprintf(stderr, "a submission was not stored\n");
        commit_ms.push_back(since_ms(start));
    }
    const Figures commit = summarise(commit_ms);
    std::printf("submission commit (WAL, FULL):   median %.3f ms   p99 %.3f ms   max %.3f ms   (%.2fx the floor's median)\n",
                commit.median_ms, commit.p99_ms, commit.max_ms, commit.median_ms / floor.median_ms);

    // Fill to a million rows in bulk (one transaction) — a year of a busy clinic many times over.
    constexpr std::int64_t total = 1'000'000;
    Connection& db = store.connection();
    const auto fill_start = clock_type::now();
    const auto must = [](std::optional<SqliteError> e) {
        if (e) throw std::runtime_error(e->message);
    };
    must(db.exec("BEGIN"));
    SqliteError error;
    auto insert = db.prepare(
        "INSERT INTO submissions (ticket, day, created_at, locale, content_version, answers_json, severity, acknowledged) "
        "VALUES (?, ?, '2026-01-01T00:00:00Z', 'en', 'v', '{}', ?, ?)", error);
    for (std::int64_t i = rounds; i < total; ++i) {
        insert->reset();
        // Most submissions were reviewed long ago; 1 in 50 is flagged and waiting.
        const bool waiting = i % 50 == 0;
        insert->bind(1, "T" + std::to_string(i)).bind(2, "day" + std::to_string(i / 1000)).bind(3, std::int64_t{waiting ? 3 : i % 5})
            .bind(4, std::int64_t{waiting ? 0 : 1});
        insert->step();
    }
    must(db.exec("COMMIT"));
    must(db.exec("ANALYZE"));
    std::printf("filled to %lld submissions in %.1f s\n", static_cast<long long>(store.stats().submissions), since_ms(fill_start) / 1000);

    const auto page_size = [](const std::variant<std::vector<QueueEntry>, SqliteError>& page) {
        return std::holds_alternative<SqliteError>(page) ? std::size_t{0} : std::get<std::vector<QueueEntry>>(page).size();
    };
    std::vector<double> queue_ms;
    for (int i = 0; i < 1000; ++i) {
        const auto start = clock_type::now();
        const auto page = store.flagged_queue(20);
        queue_ms.push_back(since_ms(start));
        if (page_size(page) != 20) std::fprintf(stderr, "short page\n");
    }
    const Figures queue = summarise(queue_ms);
    std::printf("flagged queue, first page of 20: median %.3f ms   p99 %.3f ms   max %.3f ms   (1,000,000 rows)\n",
                queue.median_ms, queue.p99_ms, queue.max_ms);
    // The staff mode's queue: urgent, stop, caution newest first, then the rest.
    const StaffSession nurse{1, "1001", "", ""};
    std::vector<double> staff_ms;
    for (int i = 0; i < 1000; ++i) {
        const auto start = clock_type::now();
        const auto page = store.staff_queue(nurse, 20);
        staff_ms.push_back(since_ms(start));
        if (page_size(page) != 20) std::fprintf(stderr, "short staff page\n");
    }
    const Figures staff = summarise(staff_ms);
    std::printf("staff queue, first page of 20: median %.3f ms   p99 %.3f ms   max %.3f ms   (1,000,000 rows)\n",
                staff.median_ms, staff.p99_ms, staff.max_ms);
    std::filesystem::remove_all(folder);
    return 0;
}
