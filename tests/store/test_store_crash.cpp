// Crash test: a child process writes submissions in a loop and reports each one the store says is
// committed; it is killed with SIGKILL at a random moment. Every reported submission must be in
// the database, and integrity_check must pass, every time.
#include <doctest/doctest.h>

#include <random>
#include <set>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store_fixture.hpp"

using namespace kiosk::store;
using kiosk::test::TempDir;

namespace {

[[noreturn]] void child_writes_until_killed(const std::filesystem::path& db, int report_fd) {
    auto opened = SubmissionStore::open(db);
    if (!std::holds_alternative<SubmissionStore>(opened)) _exit(3);
    SubmissionStore& store = std::get<SubmissionStore>(opened);
    while (true) {
        const SubmitOutcome out = store.submit(kiosk::test::flagged_submission());
        if (!out.stored) continue;
        const std::string line = out.ticket + "\n";
        if (::write(report_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(4);
    }
}

std::set<std::string> read_reports(int fd) {
    std::string all;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0) all.append(buffer, static_cast<std::size_t>(n));
    std::set<std::string> tickets;
    std::size_t start = 0;
    for (std::size_t end = all.find('\n'); end != std::string::npos; start = end + 1, end = all.find('\n', start)) {
        tickets.insert(all.substr(start, end - start));
    }
    return tickets;  // a line cut by the kill has no newline and is not counted
}

}  // namespace

TEST_CASE("no submission reported as committed is lost when the process is killed") {
    constexpr int trials = 100;
    std::mt19937 random(20261123);
    std::uniform_int_distribution<int> delay_us(2000, 60000);
    TempDir dir;
    std::size_t total_reported = 0;
    for (int trial = 0; trial < trials; ++trial) {
        CAPTURE(trial);
        int pipe_fds[2];
        REQUIRE(::pipe(pipe_fds) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(pipe_fds[0]);
            child_writes_until_killed(dir / "kiosk.db", pipe_fds[1]);
        }
        ::close(pipe_fds[1]);
        ::usleep(static_cast<useconds_t>(delay_us(random)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE(WIFSIGNALED(status));
        const std::set<std::string> reported = read_reports(pipe_fds[0]);
        ::close(pipe_fds[0]);
        total_reported += reported.size();

        SqliteError error;
        std::optional<Connection> db = Connection::open((dir / "kiosk.db").string(), false, error);
        REQUIRE(db.has_value());
        CHECK(db->query_text("PRAGMA integrity_check") == "ok");
        // A kill that lands while the first child is still creating the schema leaves no table
        // yet; nothing was reported then, and the next child must open that file all the same.
        if (reported.empty()) continue;
        auto q = db->prepare("SELECT 1 FROM submissions WHERE ticket = ?", error);
        REQUIRE(q.has_value());
        for (const std::string& ticket : reported) {
            q->reset();
            q->bind(1, ticket);
            CHECK_MESSAGE(q->step() == SQLITE_ROW, "lost: " << ticket);
        }
    }
    MESSAGE(trials << " kills, " << total_reported << " committed submissions reported, none lost");
    CHECK(total_reported > 0);
}
