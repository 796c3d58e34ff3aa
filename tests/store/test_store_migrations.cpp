// Opening what is on disk: databases from every earlier schema, one from a newer kiosk (refused,
// untouched), and a corrupt file (moved aside, never deleted).
#include <algorithm>

#include <doctest/doctest.h>

#include "store_fixture.hpp"
#include "store_schema.hpp"
#include "temp_bundle.hpp"

using namespace kiosk::store;
using kiosk::test::TempDir;

namespace {

void create_from_sql(const std::filesystem::path& db_path, const std::filesystem::path& sql_file) {
    SqliteError error;
    std::optional<Connection> db = Connection::open(db_path.string(), true, error);
    REQUIRE(db.has_value());
    const auto e = db->exec(kiosk::test::read_text_file(sql_file));
    REQUIRE_MESSAGE(!e.has_value(), (e ? e->message : ""));
}

std::filesystem::path fixture(const char* name) { return kiosk::test::source_dir() / "tests/store/fixtures" / name; }

}  // namespace

TEST_CASE("a version 1 database is migrated to the current schema with its data intact") {
    TempDir dir;
    create_from_sql(dir / "kiosk.db", fixture("schema-v1.sql"));
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    const StoreStats s = store.stats();
    CHECK(s.schema_version == current_schema_version);
    CHECK(s.submissions == 3);
    CHECK(s.acknowledged == 1);             // the review of submission 2 carried over
    CHECK(s.flagged_unacknowledged == 1);  // submission 1 (stop); 3 raised nothing
    const auto queue = kiosk::test::queue_of(store, 10);
    REQUIRE(queue.size() == 1);
    CHECK(queue[0].ticket == "K7MX");
    const auto viewed = kiosk::test::viewed(store, 1);
    REQUIRE(viewed.has_value());
    CHECK(viewed->fired.at(0).rule_id == "heart_block_or_damage");
    CHECK(store.submit(kiosk::test::flagged_submission()).stored);
    CHECK(store.check_audit().intact);
}

TEST_CASE("a version 2 database is migrated to the current schema with its data intact") {
    TempDir dir;
    create_from_sql(dir / "kiosk.db", fixture("schema-v2.sql"));
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    CHECK(store.stats().schema_version == current_schema_version);
    CHECK(store.stats().acknowledged == 1);
    CHECK(kiosk::test::queue_of(store, 10).at(0).ticket == "K7MX");
    CHECK(store.connection().query_text("SELECT name FROM staff") == "nurse.ana");
}

TEST_CASE("a version 3 database keeps its fired rules, with an empty source, and stores new sources") {
    TempDir dir;
    create_from_sql(dir / "kiosk.db", fixture("schema-v3.sql"));
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    CHECK(store.stats().schema_version == current_schema_version);
    const auto old = kiosk::test::viewed(store, 1);
    REQUIRE(old.has_value());
    CHECK(old->fired.at(0).rule_id == "severe_kidney_disease");
    CHECK(old->fired.at(0).source.empty());  // written before sources were kept: not made up
    NewSubmission s = kiosk::test::flagged_submission();
    s.fired.at(0).source = "Brochure, Medical Restrictions";
    const SubmitOutcome out = store.submit(s);
    REQUIRE(out.stored);
    const auto queue = kiosk::test::queue_of(store, 10);
    const auto fresh = std::find_if(queue.begin(), queue.end(), [&](const QueueEntry& e) { return e.ticket == out.ticket; });
    REQUIRE(fresh != queue.end());
    CHECK(kiosk::test::viewed(store, fresh->id)->fired.at(0).source == "Brochure, Medical Restrictions");
}

TEST_CASE("a version 4 database gains staff numbers' names, the lockout flag and kiosk ids, its staff queue reads from the new index") {
    TempDir dir;
    create_from_sql(dir / "kiosk.db", fixture("schema-v4.sql"));
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    CHECK(store.stats().schema_version == current_schema_version);
    const auto old = kiosk::test::viewed(store, 1);
    REQUIRE(old.has_value());
    CHECK(old->fired.at(0).source == "Brochure, Medical Restrictions");
    CHECK(old->kiosk_id.empty());  // from before kiosks had ids: not made up
    CHECK(store.connection().query_int("SELECT locked FROM staff WHERE name = 'nurse.ana'") == 0);
    const auto queue = std::get<std::vector<QueueEntry>>(store.staff_queue(kiosk::test::nurse(store), 10));
    REQUIRE(queue.size() == 2);
    CHECK(queue[0].ticket == "K7MX");  // stop, unacknowledged, before the acknowledged info
    const std::string plan = store.connection().query_text(
        "EXPLAIN QUERY PLAN SELECT id FROM submissions WHERE acknowledged = 0 AND severity >= 2 ORDER BY severity DESC, id DESC").value_or("");
    CHECK_MESSAGE(store.connection().query_int("SELECT count(*) FROM sqlite_master WHERE name = 'submissions_staff_queue'") == 1, plan);
}

TEST_CASE("every migration step runs from an empty file, one transaction each") {
    TempDir dir;
    SqliteError error;
    std::optional<Connection> db = Connection::open((dir / "kiosk.db").string(), true, error);
    REQUIRE(db.has_value());
    for (std::int64_t v = 1; v <= current_schema_version; ++v) {
        CHECK_FALSE(migrate(*db, v).has_value());
        CHECK(db->query_int("PRAGMA user_version") == v);
    }
}

TEST_CASE("a database from a newer kiosk is refused with a clear message and left unchanged") {
    TempDir dir;
    {
        SqliteError error;
        std::optional<Connection> db = Connection::open((dir / "kiosk.db").string(), true, error);
        REQUIRE(db.has_value());
        REQUIRE_FALSE(db->exec("CREATE TABLE future (x); INSERT INTO future VALUES (1); PRAGMA user_version = 99;").has_value());
    }
    const std::string before = kiosk::test::file_bytes(dir / "kiosk.db");
    auto opened = SubmissionStore::open(dir / "kiosk.db");
    REQUIRE(std::holds_alternative<SqliteError>(opened));
    const std::string message = std::get<SqliteError>(opened).message;
    CHECK(message.find("newer kiosk") != std::string::npos);
    CHECK(message.find("left unchanged") != std::string::npos);
    CHECK(kiosk::test::file_bytes(dir / "kiosk.db") == before);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "kiosk.db-wal"));
}

TEST_CASE("a corrupt database is moved aside, never deleted, a new one starts and staff are told") {
    TempDir dir;
    std::string garbage(8192, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919U) % 251U);
    {
        std::ofstream out(dir / "kiosk.db", std::ios::binary);
        out << garbage;
    }
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    REQUIRE(store.status().staff_messages.size() == 1);
    CHECK(store.status().staff_messages[0].find("moved to") != std::string::npos);
    std::filesystem::path moved;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().filename().string().starts_with("kiosk.db.corrupt-")) moved = entry.path();
    }
    REQUIRE_FALSE(moved.empty());
    CHECK(kiosk::test::file_bytes(moved) == garbage);
    CHECK(store.connection().query_int("SELECT count(*) FROM audit_log WHERE event = 'database_recovered'") == 1);
    CHECK(store.submit(kiosk::test::flagged_submission()).stored);
    CHECK(store.check_audit().intact);
}

TEST_CASE("a damaged page inside a real database is caught by quick_check at start") {
    TempDir dir;
    {
        SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
        for (int i = 0; i < 200; ++i) store.submit(kiosk::test::flagged_submission());
        REQUIRE_FALSE(store.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)").has_value());
    }
    std::string bytes = kiosk::test::file_bytes(dir / "kiosk.db");
    REQUIRE(bytes.size() > 4096 * 4);
    for (std::size_t i = 4096 * 2 + 100; i < 4096 * 3; ++i) bytes[i] = '\x55';  // scribble over the third page
    {
        std::ofstream out(dir / "kiosk.db", std::ios::binary | std::ios::trunc);
        out << bytes;
    }
    SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    CHECK(store.status().staff_messages.size() == 1);
    CHECK(store.stats().submissions == 0);
}
