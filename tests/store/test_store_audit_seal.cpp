// The sealed audit log (finding: an unkeyed hash chain that anyone who can write the database can
// rewrite and re-chain, and a cut tail that verifies as intact). Each case plays the intruder:
// they can write the database and read the kiosk's current seal, never an erased key.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <array>
#include <ctime>
#include <fstream>

#include <sodium.h>

#include "store_fixture.hpp"
#include "store_schema.hpp"

using namespace kiosk::store;
using kiosk::test::TempDir;

namespace {

std::string iso_utc(std::int64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

// A store on a clock the test moves, with every mark it told the system log.
struct SealedStore {
    TempDir dir;
    std::int64_t clock = 1'800'000'000;  // seconds since 1970
    std::vector<AuditMark> marks;
    std::optional<SubmissionStore> store;
    std::optional<VerificationKey> key;

    SealedStore() { reopen(); }
    void reopen() {
        store.reset();
        StoreOptions options;
        options.now_utc = [this] { return iso_utc(clock); };
        options.on_audit_mark = [this](const AuditMark& m) { marks.push_back(m); };
        store.emplace(kiosk::test::open_store(dir / "kiosk.db", options));
        if (auto k = store->take_new_verification_key()) key = k;
    }
    Connection& db() { return store->connection(); }
    AuditCheck check(const std::optional<AuditMark>& expected = {}) { return store->check_audit({*key}, expected); }
    std::string seal_file() { return kiosk::test::file_bytes(dir / "kiosk.db.seal"); }
};

// The intruder's tool: the formula of the old, unkeyed chain (anyone can compute it).
std::string unkeyed(const std::string& prev, std::int64_t id, const std::string& at, const std::string& actor, const std::string& event,
                    const std::optional<std::int64_t>& submission, const std::string& detail) {
    std::string input;
    for (const std::string& part : {prev, std::to_string(id), at, actor, event, submission ? std::to_string(*submission) : std::string("-"), detail}) {
        input += part;
        input.push_back('\x1f');
    }
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(input.data()), input.size(), nullptr, 0);
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data(), 64);
}

// Changes row `from`'s detail and re-chains it and every later row with the unkeyed formula;
// `keep_epochs`: leave their seal epochs (else NULL, as rows from before sealing).
void rechain_with_old_formula(Connection& db, std::int64_t from, bool keep_epochs) {
    REQUIRE_FALSE(db.exec("DROP TRIGGER audit_log_no_update").has_value());
    REQUIRE_FALSE(db.exec("UPDATE audit_log SET detail = 'nothing happened' WHERE id = " + std::to_string(from)).has_value());
    SqliteError error;
    auto rows = db.prepare("SELECT id, at, actor, event, submission_id, detail FROM audit_log WHERE id >= ? ORDER BY id", error);
    REQUIRE(rows);
    rows->bind(1, from);
    std::string prev = db.query_text("SELECT hash FROM audit_log WHERE id = " + std::to_string(from - 1)).value_or(std::string(64, '0'));
    std::vector<std::pair<std::int64_t, std::pair<std::string, std::string>>> updates;
    while (rows->step() == SQLITE_ROW) {
        const std::optional<std::int64_t> submission = rows->column_is_null(4) ? std::nullopt : std::optional<std::int64_t>(rows->column_int(4));
        const std::string hash = unkeyed(prev, rows->column_int(0), rows->column_text(1), rows->column_text(2), rows->column_text(3), submission,
                                         rows->column_text(5));
        updates.push_back({rows->column_int(0), {prev, hash}});
        prev = hash;
    }
    rows.reset();
    for (const auto& [id, link] : updates) {
        REQUIRE_FALSE(db.exec("UPDATE audit_log SET prev_hash = '" + link.first + "', hash = '" + link.second + "'" +
                              (keep_epochs ? "" : ", seal_epoch = NULL") + " WHERE id = " + std::to_string(id)).has_value());
    }
}

}  // namespace

TEST_CASE("a new store makes its seal (mode 0600), shows the verification key once, and the log begins with its sealing row") {
    SealedStore s;
    REQUIRE(s.key.has_value());
    CHECK_FALSE(s.store->take_new_verification_key().has_value());  // once
    struct stat st {};
    REQUIRE(::stat((s.dir / "kiosk.db.seal").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(s.seal_file().find(s.key->text().substr(13, 64)) != std::string::npos);  // epoch 0: the first key
    CHECK(s.db().query_text("SELECT event FROM audit_log WHERE id = 1") == "sealing_started");
    CHECK(s.db().query_text("SELECT detail FROM audit_log WHERE id = 1") == "key " + s.key->id() + "; 0 earlier rows, last " + std::string(64, '0'));
    REQUIRE(VerificationKey::parse(s.key->text()).has_value());
    CHECK(VerificationKey::parse(s.key->text())->id() == s.key->id());

    // Reopened with its seal: no new key, no second sealing row.
    s.reopen();
    CHECK(s.db().query_int("SELECT count(*) FROM audit_log WHERE event = 'sealing_started'") == 1);
    const AuditCheck check = s.check();
    CHECK(check.intact);
    CHECK(check.checked_rows == check.rows);
}

TEST_CASE("as epochs pass, the seal file holds only the current epoch's key: the earlier ones are gone from the kiosk") {
    SealedStore s;
    const std::string first = s.seal_file();
    s.store->submit(kiosk::test::flagged_submission());
    s.clock += 2 * seal_epoch_seconds + 1;
    s.store->submit(kiosk::test::flagged_submission());
    const std::string later = s.seal_file();
    CHECK(later.find("epoch 2\n") != std::string::npos);
    CHECK(later.find(s.key->text().substr(13, 64)) == std::string::npos);  // the first key is not there
    SealVerifier verifier(*s.key);
    const std::optional<SealKey> key2 = verifier.key_at(2);
    REQUIRE(key2);
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), key2->data(), key2->size());
    CHECK(later.find(std::string(hex.data(), 64)) != std::string::npos);
    CHECK(s.db().query_int("SELECT max(seal_epoch) FROM audit_log") == 2);
    CHECK(s.check().intact);
}

TEST_CASE("a row changed and the log re-chained with the old formula is found, with the first untrusted row") {
    SealedStore s;
    for (int i = 0; i < 4; ++i) s.store->submit(kiosk::test::flagged_submission());
    REQUIRE(s.check().intact);
    SUBCASE("the seal epochs left as they were") { rechain_with_old_formula(s.db(), 3, true); }
    SUBCASE("the rows made to look as if from before sealing") { rechain_with_old_formula(s.db(), 3, false); }
    const AuditCheck check = s.check();
    CHECK_FALSE(check.intact);
    REQUIRE(check.first_untrusted_id.has_value());
    CHECK(*check.first_untrusted_id == 3);
    CHECK(check.problem.find("audit row 3") != std::string::npos);
}

TEST_CASE("the whole log rewritten as if from before sealing (no sealing row) is found at row 1") {
    SealedStore s;
    for (int i = 0; i < 3; ++i) s.store->submit(kiosk::test::flagged_submission());
    rechain_with_old_formula(s.db(), 1, false);
    const AuditCheck check = s.store->check_audit();  // even without the key
    CHECK_FALSE(check.intact);
    CHECK(check.first_untrusted_id == std::optional<std::int64_t>(1));
}

TEST_CASE("an earlier epoch's row resealed with the key the intruder found on the kiosk is found") {
    SealedStore s;
    s.store->submit(kiosk::test::flagged_submission());  // row 2, epoch 0
    s.clock += 3 * seal_epoch_seconds;
    s.store->submit(kiosk::test::flagged_submission());  // row 3, epoch 3
    // The intruder reads the current key from the seal file and reseals row 2 with it.
    bool missing = false;
    auto seal = AuditSeal::load(s.dir / "kiosk.db.seal", missing);
    REQUIRE(std::holds_alternative<AuditSeal>(seal));
    const SealKey stolen = *std::get<AuditSeal>(seal).key_for(3).key;
    REQUIRE_FALSE(s.db().exec("DROP TRIGGER audit_log_no_update").has_value());
    const std::string prev = *s.db().query_text("SELECT prev_hash FROM audit_log WHERE id = 2");
    for (const std::int64_t epoch : {0, 3}) {
        CAPTURE(epoch);
        std::string input;
        const std::string submission = *s.db().query_text("SELECT submission_id FROM audit_log WHERE id = 2");
        for (const std::string& part : {prev, std::string("2"), *s.db().query_text("SELECT at FROM audit_log WHERE id = 2"), std::string("kiosk"),
                                        std::string("submission_stored"), submission, std::string("nothing happened")}) {
            input += part;
            input.push_back('\x1f');
        }
        input += std::to_string(epoch);
        input.push_back('\x1f');
        REQUIRE_FALSE(s.db().exec("UPDATE audit_log SET detail = 'nothing happened', seal_epoch = " + std::to_string(epoch) + ", hash = '" +
                                  seal_of(stolen, input) + "' WHERE id = 2").has_value());
        const AuditCheck check = s.check();
        CHECK_FALSE(check.intact);
        CHECK(check.first_untrusted_id == std::optional<std::int64_t>(2));
    }
}

TEST_CASE("deleting the last rows is found against the mark the system log recorded") {
    SealedStore s;
    for (int i = 0; i < 4; ++i) s.store->submit(kiosk::test::flagged_submission());
    REQUIRE_FALSE(s.marks.empty());
    const AuditMark logged = s.marks.back();  // what the system log holds
    CHECK(logged.rows == 5);                  // the sealing row and four submissions
    CHECK(s.check(logged).intact);
    REQUIRE_FALSE(s.db().exec("DELETE FROM audit_log WHERE id >= 4").has_value());
    CHECK(s.check().intact);  // the rows left are sound: only the mark tells
    const AuditCheck check = s.check(logged);
    CHECK_FALSE(check.intact);
    CHECK(check.first_untrusted_id == std::optional<std::int64_t>(4));
    CHECK(check.problem.find("rows 4 to 5 are missing") != std::string::npos);
}

TEST_CASE("deleting every row is found, with or without a mark") {
    SealedStore s;
    for (int i = 0; i < 2; ++i) s.store->submit(kiosk::test::flagged_submission());
    REQUIRE_FALSE(s.db().exec("DELETE FROM audit_log").has_value());
    for (const AuditCheck& check : {s.check(), s.check(s.marks.back()), s.store->check_audit()}) {
        CHECK_FALSE(check.intact);
        CHECK(check.first_untrusted_id == std::optional<std::int64_t>(1));
    }
}

TEST_CASE("a mark is told only for rows that were committed") {
    SealedStore s;
    s.store->submit(kiosk::test::flagged_submission());
    const std::size_t told = s.marks.size();
    // A transaction that writes an audit row and is rolled back: nothing is told.
    REQUIRE_FALSE(s.db().exec("BEGIN IMMEDIATE").has_value());
    const StaffSession staff = kiosk::test::nurse(*s.store);
    REQUIRE_FALSE(s.store->record_plan_check(staff, 1, "1 g over 60 min").has_value());
    s.db().rollback_if_open();
    CHECK(s.marks.size() == told);
    s.store->submit(kiosk::test::flagged_submission());
    REQUIRE(s.marks.size() == told + 1);
    const auto now = s.store->audit_mark();
    REQUIRE(std::holds_alternative<AuditMark>(now));
    CHECK(s.marks.back().text() == std::get<AuditMark>(now).text());
}

TEST_CASE("the kiosk and kiosk-store writing to one database across epochs keep the seals in order") {
    SealedStore s;
    StoreOptions options;
    options.now_utc = [&s] { return iso_utc(s.clock); };
    SubmissionStore tool = kiosk::test::open_store(s.dir / "kiosk.db", options);
    CHECK_FALSE(tool.take_new_verification_key().has_value());  // the kiosk's seal, found
    for (int round = 0; round < 3; ++round) {
        s.clock += seal_epoch_seconds;
        REQUIRE_FALSE(tool.add_staff(std::to_string(2001 + round), "918273").has_value());  // kiosk-store moves the epoch on
        s.store->submit(kiosk::test::flagged_submission());                                // the kiosk, on its older copy
    }
    const AuditCheck check = s.check();
    CHECK_MESSAGE(check.intact, check.problem);
    CHECK(check.checked_rows == check.rows);
}

TEST_CASE("a missing or damaged seal: a new key, the old rows still checkable with the old one, staff told") {
    SealedStore s;
    s.store->submit(kiosk::test::flagged_submission());
    const VerificationKey old_key = *s.key;
    SUBCASE("missing") { std::filesystem::remove(s.dir / "kiosk.db.seal"); }
    SUBCASE("damaged") {
        std::ofstream(s.dir / "kiosk.db.seal") << "not a seal\n";
    }
    s.key.reset();
    s.reopen();
    REQUIRE(s.key.has_value());
    CHECK(s.key->id() != old_key.id());
    REQUIRE_FALSE(s.store->status().staff_messages.empty());
    CHECK(s.store->status().staff_messages.back().find("new sealing key") != std::string::npos);
    s.store->submit(kiosk::test::flagged_submission());
    const AuditCheck both = s.store->check_audit({old_key, *s.key});
    CHECK_MESSAGE(both.intact, both.problem);
    CHECK(both.checked_rows == both.rows);
    const AuditCheck only_new = s.store->check_audit({*s.key});
    CHECK(only_new.intact);
    CHECK(only_new.checked_rows < only_new.rows);
    CHECK_FALSE(only_new.notes.empty());
}

TEST_CASE("a log from before sealing keeps its rows, chained only, and the sealing row fixes how many there were") {
    TempDir dir;
    const std::filesystem::path path = dir / "kiosk.db";
    {
        // A database as a kiosk of schema version 5 left it: three rows of the unkeyed chain.
        SqliteError error;
        std::optional<Connection> db = Connection::open(path.string(), true, error);
        REQUIRE(db);
        REQUIRE_FALSE(migrate(*db, 5).has_value());
        std::string prev(64, '0');
        for (std::int64_t id = 1; id <= 3; ++id) {
            const std::string at = "2026-01-0" + std::to_string(id) + "T10:00:00Z";
            const std::string hash = unkeyed(prev, id, at, "1001", "staff_sign_in", std::nullopt, "");
            REQUIRE_FALSE(db->exec("INSERT INTO audit_log (id, at, actor, event, detail, prev_hash, hash) VALUES (" + std::to_string(id) + ", '" + at +
                                   "', '1001', 'staff_sign_in', '', '" + prev + "', '" + hash + "')").has_value());
            prev = hash;
        }
    }
    SubmissionStore store = kiosk::test::open_store(path);
    const VerificationKey key = store.take_new_verification_key().value();
    CHECK(store.connection().query_text("SELECT detail FROM audit_log WHERE id = 4").value_or("").find("; 3 earlier rows, last ") != std::string::npos);
    store.submit(kiosk::test::flagged_submission());
    AuditCheck check = store.check_audit({key});
    CHECK_MESSAGE(check.intact, check.problem);
    CHECK(check.unsealed_rows == 3);
    CHECK(check.checked_rows == 2);

    // An unsealed row slipped in after them is not one of the rows from before.
    REQUIRE_FALSE(store.connection().exec("DELETE FROM audit_log WHERE id >= 4").has_value());
    const std::string last = *store.connection().query_text("SELECT hash FROM audit_log WHERE id = 3");
    const std::string at = "2026-01-04T10:00:00Z";
    REQUIRE_FALSE(store.connection().exec("INSERT INTO audit_log (id, at, actor, event, detail, prev_hash, hash) VALUES (4, '" + at +
                                          "', 'kiosk', 'purged', '', '" + last + "', '" + unkeyed(last, 4, at, "kiosk", "purged", std::nullopt, "") + "')").has_value());
    check = store.check_audit({key});
    CHECK_FALSE(check.intact);
    CHECK(check.first_untrusted_id == std::optional<std::int64_t>(1));  // no sealing row at all any more
}
