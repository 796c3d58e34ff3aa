// The store touches only its own files (findings of an adversarial run): `--db` may name a
// device, a pipe or another program's database; damaged files are kept, however many; reading
// commands work on a read-only file and a full disk; a failed backup leaves nothing behind.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "fault_vfs.hpp"
#include "store_fixture.hpp"

using namespace kiosk::store;
using kiosk::test::file_bytes;
using kiosk::test::TempDir;

namespace {

unsigned mode_of(const std::filesystem::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::string open_problem(const std::filesystem::path& path, StoreOptions options = {}) {
    auto opened = SubmissionStore::open(path, std::move(options));
    const auto* e = std::get_if<SqliteError>(&opened);
    return e ? e->message : std::string();
}

// Nothing SQLite would put beside a database it opened for writing.
void check_nothing_beside(const std::filesystem::path& path) {
    for (const char* suffix : {"-wal", "-shm", "-journal"}) CHECK_FALSE(std::filesystem::exists(path.string() + suffix));
}

}  // namespace

TEST_CASE("a pipe or a folder named as the database is refused, and keeps its mode, nothing is created beside it") {
    TempDir dir;
    const std::filesystem::path fifo = dir / "kiosk.db";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    for (const bool read_only : {false, true}) {
        StoreOptions options;
        options.read_only = read_only;
        CHECK(open_problem(fifo, options) == fifo.string() + " is not a regular file (a folder, a device, a pipe or a socket); it was left unchanged");
        CHECK(mode_of(fifo) == 0644);
        check_nothing_beside(fifo);
    }
    std::filesystem::create_directory(dir / "folder.db");
    CHECK(open_problem(dir / "folder.db").find("is not a regular file") != std::string::npos);
}

TEST_CASE("another program's SQLite file is refused, byte- and mode-identical, by writing and by reading commands") {
    TempDir dir;
    const std::filesystem::path other = dir / "other.db";
    {
        SqliteError error;
        std::optional<Connection> db = Connection::open(other.string(), true, error);
        REQUIRE(db.has_value());
        REQUIRE_FALSE(db->exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');").has_value());
    }
    REQUIRE(::chmod(other.c_str(), 0644) == 0);
    const std::string before = file_bytes(other);
    for (const bool read_only : {false, true}) {
        StoreOptions options;
        options.read_only = read_only;
        const std::string problem = open_problem(other, options);
        CHECK_MESSAGE(problem.find("is an SQLite database of another program") != std::string::npos, problem);
        CHECK(problem.find("left unchanged") != std::string::npos);
        CHECK(file_bytes(other) == before);
        CHECK(mode_of(other) == 0644);
        check_nothing_beside(other);
    }
}

TEST_CASE("two damaged databases moved aside in the same second are both kept") {
    TempDir dir;
    const std::filesystem::path db = dir / "kiosk.db";
    StoreOptions options;
    options.now_utc = [] { return std::string("2026-11-23T20:25:00Z"); };
    for (const char* garbage : {"first damaged file, not a database at all........", "second damaged file, not a database either......"}) {
        {
            std::ofstream out(db, std::ios::binary);
            out << std::string(4096, garbage[0]) << garbage;
        }
        kiosk::test::open_store(db, options);
    }
    const std::string aside = db.string() + ".corrupt-2026-11-23T20-25-00Z";
    REQUIRE(std::filesystem::exists(aside));
    REQUIRE(std::filesystem::exists(aside + "-2"));
    CHECK(file_bytes(aside).find("first damaged") != std::string::npos);
    CHECK(file_bytes(aside + "-2").find("second damaged") != std::string::npos);
}

TEST_CASE("stats and the flagged list read a database on a read-only disk and on a full disk, and write nothing") {
    TempDir dir;
    const std::filesystem::path db = dir / "kiosk.db";
    {
        SubmissionStore store = kiosk::test::open_store(db);
        REQUIRE(store.submit(kiosk::test::flagged_submission()).stored);
    }
    const std::string before = file_bytes(db);
    for (const auto disk : {kiosk::test::FaultPlan::Disk::read_only, kiosk::test::FaultPlan::Disk::full}) {
        CAPTURE(static_cast<int>(disk));
        kiosk::test::fault_vfs().reset(0, 0, SQLITE_FULL);
        kiosk::test::fault_vfs().disk = disk;
        StoreOptions options;
        options.vfs = kiosk::test::fault_vfs_name;
        if (disk == kiosk::test::FaultPlan::Disk::read_only) {
            // The disk really refuses: a writing open fails.
            CHECK_FALSE(open_problem(db, options).empty());
        }
        options.read_only = true;
        auto opened = SubmissionStore::open(db, options);
        REQUIRE_MESSAGE(std::holds_alternative<SubmissionStore>(opened), std::get<SqliteError>(opened).message);
        SubmissionStore& store = std::get<SubmissionStore>(opened);
        const StoreStats stats = store.stats();
        CHECK(stats.submissions == 1);
        CHECK(stats.flagged_unacknowledged == 1);
        CHECK(kiosk::test::queue_of(store).size() == 1);
        kiosk::test::fault_vfs().disk = kiosk::test::FaultPlan::Disk::working;
    }
    CHECK(file_bytes(db) == before);
}

TEST_CASE("a backup that fails half-way (full disk) leaves no file, and the retry writes a whole one") {
    TempDir dir;
    SubmissionStore store = kiosk::test::open_store_on_fault_vfs(dir / "kiosk.db");
    for (int i = 0; i < 20; ++i) REQUIRE(store.submit(kiosk::test::flagged_submission()).stored);
    kiosk::test::fault_vfs().reset(3, 0, SQLITE_FULL);
    const auto failed = store.backup(dir / "backup.db");
    REQUIRE(failed.has_value());
    CHECK(kiosk::test::fault_vfs().fired);
    CHECK_FALSE(std::filesystem::exists(dir / "backup.db"));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) CHECK(entry.path().filename().string().find("backup.db") == std::string::npos);
    kiosk::test::fault_vfs().disarm();
    REQUIRE_FALSE(store.backup(dir / "backup.db").has_value());
    CHECK(mode_of(dir / "backup.db") == 0600);
    SubmissionStore copy = kiosk::test::open_store(dir / "backup.db");
    CHECK(copy.stats().submissions == 20);
}

TEST_CASE("a reading command waits for a writer's lock instead of failing with 'database is locked'") {
    TempDir dir;
    const std::filesystem::path db = dir / "kiosk.db";
    {
        SubmissionStore store = kiosk::test::open_store(db);
        REQUIRE(store.submit(kiosk::test::flagged_submission()).stored);
    }
    // Another process holds the database exclusively for a moment (as the kiosk does while it
    // checkpoints and closes).
    SqliteError error;
    std::optional<Connection> writer = Connection::open(db.string(), true, error);
    REQUIRE(writer.has_value());
    // (In rollback-journal mode an exclusive transaction keeps every reader out until it ends.)
    REQUIRE(writer->query_text("PRAGMA journal_mode = DELETE") == "delete");
    REQUIRE_FALSE(writer->exec("BEGIN EXCLUSIVE").has_value());
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        (void)writer->exec("COMMIT");
    });
    StoreOptions options;
    options.read_only = true;
    const auto start = std::chrono::steady_clock::now();
    auto opened = SubmissionStore::open(db, options);
    release.join();
    REQUIRE_MESSAGE(std::holds_alternative<SubmissionStore>(opened), std::get<SqliteError>(opened).message);
    CHECK(std::get<SubmissionStore>(opened).stats().submissions == 1);
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(250));  // it waited for the writer
}
