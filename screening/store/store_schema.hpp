#pragma once
// The store's schema and its migrations, keyed on PRAGMA user_version. Each migration runs in one
// transaction; a database from a newer kiosk is refused and never altered.
#include <cstdint>
#include <optional>
#include <string>

#include "sqlite_connection.hpp"

namespace kiosk::store {

inline constexpr std::int64_t current_schema_version = 6;

// An error when the database comes from a newer kiosk than this one (it must not be touched).
[[nodiscard]] std::optional<SqliteError> refuse_newer_schema(Connection& db);

// Brings the database up to `target` (default: current). Refuses a version above current.
[[nodiscard]] std::optional<SqliteError> migrate(Connection& db, std::int64_t target = current_schema_version);

}  // namespace kiosk::store
