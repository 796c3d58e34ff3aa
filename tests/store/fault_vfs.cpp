#include "fault_vfs.hpp"

#include <cstring>

#include <unistd.h>

namespace kiosk::test {

bool FaultPlan::disk_full() const {
    return disk == Disk::full && (full_until_removed.empty() || ::access(full_until_removed.c_str(), F_OK) == 0);
}

namespace {

FaultPlan plan;
sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs fault_vfs_struct;

// The wrapper file: our header, then the real VFS's file object in the same allocation.
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

int x_close(sqlite3_file* f) { return real_of(f)->pMethods->xClose(real_of(f)); }
int x_read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
    if (plan.fail_read_at > 0 && ++plan.reads >= plan.fail_read_at) {
        plan.fired = true;
        return plan.error;
    }
    return real_of(f)->pMethods->xRead(real_of(f), buf, n, off);
}
int x_write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
    if (plan.disk_full()) return SQLITE_FULL;
    if (plan.disk == FaultPlan::Disk::read_only) return SQLITE_READONLY;
    if (++plan.writes == plan.fail_write_at) {
        plan.fired = true;
        return plan.error;
    }
    return real_of(f)->pMethods->xWrite(real_of(f), buf, n, off);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
    if (plan.disk_full()) return SQLITE_FULL;
    if (plan.disk == FaultPlan::Disk::read_only) return SQLITE_READONLY;
    return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
int x_sync(sqlite3_file* f, int flags) {
    if (++plan.syncs == plan.fail_sync_at) {
        plan.fired = true;
        return plan.error;
    }
    return real_of(f)->pMethods->xSync(real_of(f), flags);
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) { return real_of(f)->pMethods->xFileSize(real_of(f), size); }
int x_lock(sqlite3_file* f, int lock) { return real_of(f)->pMethods->xLock(real_of(f), lock); }
int x_unlock(sqlite3_file* f, int lock) { return real_of(f)->pMethods->xUnlock(real_of(f), lock); }
int x_check_reserved(sqlite3_file* f, int* out) { return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out); }
int x_file_control(sqlite3_file* f, int op, void* arg) { return real_of(f)->pMethods->xFileControl(real_of(f), op, arg); }
int x_sector_size(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int x_device_chars(sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); }
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) { return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags); }
void x_shm_barrier(sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
int x_shm_unmap(sqlite3_file* f, int del) { return real_of(f)->pMethods->xShmUnmap(real_of(f), del); }
// No memory-mapped I/O: every write must go through x_write to be counted.
int x_fetch(sqlite3_file*, sqlite3_int64, int, void** out) {
    *out = nullptr;
    return SQLITE_OK;
}
int x_unfetch(sqlite3_file*, sqlite3_int64, void*) { return SQLITE_OK; }

const sqlite3_io_methods fault_methods = {3,         x_close,         x_read,        x_write,       x_truncate,
                                          x_sync,    x_file_size,     x_lock,        x_unlock,      x_check_reserved,
                                          x_file_control, x_sector_size, x_device_chars, x_shm_map, x_shm_lock,
                                          x_shm_barrier, x_shm_unmap,  x_fetch,       x_unfetch};

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    auto* f = reinterpret_cast<FaultFile*>(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    if (plan.disk == FaultPlan::Disk::read_only && (flags & SQLITE_OPEN_READWRITE) != 0) {
        // As SQLite's unix VFS does on a read-only file: open it read-only instead (and fail
        // where it does not exist, since it cannot be created).
        flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
    }
    const int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
    f->base.pMethods = rc == SQLITE_OK && f->real->pMethods ? &fault_methods : nullptr;
    return rc;
}

int x_delete(sqlite3_vfs*, const char* name, int sync_dir) { return real_vfs->xDelete(real_vfs, name, sync_dir); }
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) { return real_vfs->xAccess(real_vfs, name, flags, out); }
int x_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) { return real_vfs->xFullPathname(real_vfs, name, n, out); }
void* x_dl_open(sqlite3_vfs*, const char* name) { return real_vfs->xDlOpen(real_vfs, name); }
void x_dl_error(sqlite3_vfs*, int n, char* out) { real_vfs->xDlError(real_vfs, n, out); }
void (*x_dl_sym(sqlite3_vfs*, void* h, const char* sym))(void) { return real_vfs->xDlSym(real_vfs, h, sym); }
void x_dl_close(sqlite3_vfs*, void* h) { real_vfs->xDlClose(real_vfs, h); }
int x_randomness(sqlite3_vfs*, int n, char* out) { return real_vfs->xRandomness(real_vfs, n, out); }
int x_sleep(sqlite3_vfs*, int us) { return real_vfs->xSleep(real_vfs, us); }
int x_current_time(sqlite3_vfs*, double* out) { return real_vfs->xCurrentTime(real_vfs, out); }
int x_get_last_error(sqlite3_vfs*, int n, char* out) { return real_vfs->xGetLastError(real_vfs, n, out); }
int x_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) { return real_vfs->xCurrentTimeInt64(real_vfs, out); }

}  // namespace

FaultPlan& fault_vfs() {
    if (real_vfs == nullptr) {
        real_vfs = sqlite3_vfs_find(nullptr);
        std::memset(&fault_vfs_struct, 0, sizeof fault_vfs_struct);
        fault_vfs_struct.iVersion = 2;
        fault_vfs_struct.szOsFile = static_cast<int>(sizeof(FaultFile)) + real_vfs->szOsFile;
        fault_vfs_struct.mxPathname = real_vfs->mxPathname;
        fault_vfs_struct.zName = fault_vfs_name;
        fault_vfs_struct.xOpen = x_open;
        fault_vfs_struct.xDelete = x_delete;
        fault_vfs_struct.xAccess = x_access;
        fault_vfs_struct.xFullPathname = x_full_pathname;
        fault_vfs_struct.xDlOpen = x_dl_open;
        fault_vfs_struct.xDlError = x_dl_error;
        fault_vfs_struct.xDlSym = x_dl_sym;
        fault_vfs_struct.xDlClose = x_dl_close;
        fault_vfs_struct.xRandomness = x_randomness;
        fault_vfs_struct.xSleep = x_sleep;
        fault_vfs_struct.xCurrentTime = x_current_time;
        fault_vfs_struct.xGetLastError = x_get_last_error;
        fault_vfs_struct.xCurrentTimeInt64 = x_current_time_int64;
        sqlite3_vfs_register(&fault_vfs_struct, 0);
    }
    return plan;
}

}  // namespace kiosk::test
