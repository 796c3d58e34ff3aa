#pragma once
// A VFS for tests, in the style of SQLite's test_vfs.c: it wraps the real one and makes the Nth
// write, sync or read (counted across every file of the database) fail with the chosen error once.
#include <sqlite3.h>

#include <string>

#include "store_fixture.hpp"

namespace kiosk::test {

struct FaultPlan {
    int fail_write_at = 0;  // 1-based; 0 = never
    int fail_sync_at = 0;
    int error = SQLITE_IOERR_WRITE;  // or SQLITE_FULL, SQLITE_IOERR_FSYNC
    int writes = 0;                  // counted so far
    int syncs = 0;
    bool fired = false;              // the planned fault happened
    int fail_read_at = 0;            // reads of the database file (0 = never)
    int reads = 0;

    // The whole disk: every write and truncate fails (full), or no file opens for writing at all
    // (read-only: a read-only mount, or a file the kiosk's user may not write).
    enum class Disk { working, full, read_only } disk = Disk::working;
    // With Disk::full: the disk has room again once this file is deleted (the store's reserve).
    std::string full_until_removed;
    bool disk_full() const;

    void reset(int write_at, int sync_at, int code) { *this = FaultPlan{write_at, sync_at, code, 0, 0, false, 0, 0, Disk::working, {}}; }
    // Every read of the database file from the Nth on fails (a disk that has gone bad). SQLite
    // reads from its page cache first: empty it (sqlite3_db_release_memory) to reach the disk.
    void reset_reads(int read_at, int code) { *this = FaultPlan{0, 0, code, 0, 0, false, read_at, 0, Disk::working, {}}; }
    void disarm() { fail_write_at = fail_sync_at = fail_read_at = 0; }
};

inline constexpr const char* fault_vfs_name = "kiosk-faulty";

// Registers the VFS (once) and returns the plan it follows.
FaultPlan& fault_vfs();

// A store on this VFS, opened with no fault planned (arm one with fault_vfs().reset afterwards).
inline store::SubmissionStore open_store_on_fault_vfs(const std::filesystem::path& file, store::StoreOptions options = {}) {
    fault_vfs().reset(0, 0, SQLITE_FULL);
    options.vfs = fault_vfs_name;
    return open_store(file, std::move(options));
}

}  // namespace kiosk::test
