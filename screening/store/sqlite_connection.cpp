#include "sqlite_connection.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::store {

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_.get(), index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_.get(), index);
    return *this;
}

int Statement::step() { return sqlite3_step(stmt_.get()); }

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_.get(), index); }

std::string Statement::column_text(int index) const {
    const unsigned char* text = sqlite3_column_text(stmt_.get(), index);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), index)))
                : std::string();
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(stmt_.get(), index) == SQLITE_NULL; }

std::optional<Connection> Connection::open(const std::string& path, bool create, SqliteError& error, const char* vfs, bool read_only) {
    if (create && !read_only) {
        // Health information: a new file (and the -wal/-shm files SQLite derives from its mode)
        // is readable by the kiosk's user only, whatever the umask. An existing file is not
        // touched here: it may not be ours (SubmissionStore::open decides).
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ::fchmod(fd, 0600);
            ::close(fd);
        } else if (errno != EEXIST) {
            error = {SQLITE_CANTOPEN, "cannot create " + path + ": " + std::strerror(errno)};
            return std::nullopt;
        }
    }
    return open_v2(path, path, (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX, vfs, error);
}

std::optional<Connection> Connection::open_v2(const std::string& target, const std::string& path, int flags, const char* vfs,
                                              SqliteError& error) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(target.c_str(), &raw, flags, vfs);
    Connection c;
    c.db_.reset(raw);
    if (rc != SQLITE_OK) {
        error = {rc, "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))};
        return std::nullopt;
    }
    sqlite3_extended_result_codes(raw, 1);
    return c;
}

std::optional<Connection> Connection::open_immutable(const std::string& path, SqliteError& error, const char* vfs) {
    std::string uri = "file:";
    for (const char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            static const char hex[] = "0123456789ABCDEF";
            uri += {'%', hex[static_cast<unsigned char>(c) >> 4], hex[static_cast<unsigned char>(c) & 15]};
        } else {
            uri += c;
        }
    }
    uri += "?immutable=1";
    return open_v2(uri, path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, vfs, error);
}

SqliteError Connection::last_error(std::string_view doing) const {
    return {sqlite3_extended_errcode(db_.get()), std::string(doing) + ": " + sqlite3_errmsg(db_.get())};
}

std::optional<SqliteError> Connection::exec(std::string_view sql) {
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return std::nullopt;
    SqliteError e{sqlite3_extended_errcode(db_.get()), message ? message : sqlite3_errstr(rc)};
    sqlite3_free(message);
    return e;
}

std::optional<Statement> Connection::prepare(std::string_view sql, SqliteError& error) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
        error = last_error("preparing a statement");
        return std::nullopt;
    }
    return Statement(raw);
}

std::optional<std::int64_t> Connection::query_int(std::string_view sql) {
    SqliteError ignored;
    auto s = prepare(sql, ignored);
    if (!s || s->step() != SQLITE_ROW) return std::nullopt;
    return s->column_int(0);
}

std::optional<std::string> Connection::query_text(std::string_view sql) {
    SqliteError ignored;
    auto s = prepare(sql, ignored);
    if (!s || s->step() != SQLITE_ROW) return std::nullopt;
    return s->column_text(0);
}

void Connection::rollback_if_open() {
    if (db_ && sqlite3_get_autocommit(db_.get()) == 0) sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace kiosk::store
