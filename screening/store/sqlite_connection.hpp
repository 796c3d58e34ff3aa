#pragma once
// RAII for SQLite handles, with errors as values. Every statement is prepared with bound
// parameters: no text from outside is ever pasted into SQL.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace kiosk::store {

struct SqliteError {
    int code = SQLITE_OK;   // extended result code
    std::string message;    // sqlite3_errmsg plus what we were doing
};

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

class Statement {
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* s) : stmt_(s) {}

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind_null(int index);
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    void reset();

    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;
    bool column_is_null(int index) const;

private:
    std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt_;
};

class Connection {
public:
    // Opens (creating if asked) with the file's mode 0600 ensured before SQLite touches it.
    // `create`: an absent file is created with mode 0600 (never changes an existing file's mode).
    // `read_only`: opened for reading only; nothing is written, not even a journal.
    static std::optional<Connection> open(const std::string& path, bool create, SqliteError& error, const char* vfs = nullptr,
                                          bool read_only = false);
    // Read-only, as a file no one changes (SQLite's immutable=1: no locks, no -shm, no -wal): for
    // a database on a read-only disk, where SQLite cannot create the files WAL mode reads with.
    static std::optional<Connection> open_immutable(const std::string& path, SqliteError& error, const char* vfs = nullptr);

    sqlite3* handle() const { return db_.get(); }

    // Runs SQL without results (pragmas, schema). Returns the error, if any.
    [[nodiscard]] std::optional<SqliteError> exec(std::string_view sql);
    std::optional<Statement> prepare(std::string_view sql, SqliteError& error);
    SqliteError last_error(std::string_view doing) const;
    // A single integer from a query such as "PRAGMA user_version".
    std::optional<std::int64_t> query_int(std::string_view sql);
    [[nodiscard]] std::optional<std::string> query_text(std::string_view sql);

    // After a failure inside a transaction: roll back unless SQLite already did.
    void rollback_if_open();

private:
    // sqlite3_open_v2 on `target` (a path or a file: URI); errors name `path`.
    static std::optional<Connection> open_v2(const std::string& target, const std::string& path, int flags, const char* vfs,
                                             SqliteError& error);

    std::unique_ptr<sqlite3, ConnectionCloser> db_;
};


}  // namespace kiosk::store
