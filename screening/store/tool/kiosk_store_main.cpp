// kiosk-store: the submission database, for staff and operators.
//   kiosk-store --db FILE stats                    counts, schema version, pending faults
//   kiosk-store --db FILE list --flagged           unacknowledged flagged submissions, most severe first
//   kiosk-store --db FILE init                     a new database and its audit seal; shows the verification key once
//   kiosk-store --db FILE verify-audit [--key-file FILE]... [--expect ROWS:SEAL]
//                                                  checks the audit log's chain, its seals with the clinic's
//                                                  verification keys, and that it still reaches a mark the
//                                                  system log or an export recorded
//   kiosk-store --db FILE purge [--retention-days N]   deletes reviewed submissions older than N days
//   kiosk-store --db FILE backup DEST              a consistent copy (VACUUM INTO), mode 0600
//   kiosk-store --db FILE staff add NUMBER [--name "Ana Ruiz"]   asks for the PIN twice on the terminal
//   kiosk-store --db FILE staff reset NUMBER       a new PIN (also unlocks)
//   kiosk-store --db FILE staff unlock NUMBER      after ten wrong PINs in a row
// Exit 0 success, 1 failure (or a broken audit chain), 2 usage.
#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "submission_store.hpp"

namespace {

using namespace kiosk::store;

int usage(const std::string& problem = {}) {
    if (!problem.empty()) std::cerr << "kiosk-store: " << problem << "\n";
    std::cerr << "usage: kiosk-store --db FILE (init | stats | list --flagged | verify-audit [--key-file FILE]... [--expect ROWS:SEAL] |\n"
                 "                          purge [--retention-days N] | backup DEST |\n"
                 "                          staff add NUMBER [--name NAME] | staff reset NUMBER | staff unlock NUMBER)\n"
                 "       PINs are read from the terminal (not echoed), or one line each from standard input.\n";
    return 2;
}

// A PIN from the terminal without echo, or a line of standard input when it is not a terminal.
std::string read_pin(const char* prompt) {
    const bool tty = isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (tty) {
        std::cerr << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string pin;
    std::getline(std::cin, pin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << "\n";
    }
    return pin;
}

int staff_command(SubmissionStore& store, const std::vector<std::string>& rest, const std::string& name) {
    const std::string& action = rest[1];
    const std::string& number = rest[2];
    std::optional<SqliteError> e;
    if (action == "unlock") {
        e = store.unlock_staff(number);
    } else {
        const std::string pin = read_pin("New PIN (at least 6 digits): ");
        const std::string again = read_pin("The same PIN again: ");
        if (pin != again) {
            std::cerr << "kiosk-store: the two PINs differ; nothing was changed\n";
            return 1;
        }
        e = action == "add" ? store.add_staff(number, pin, name) : store.reset_pin(number, pin);
    }
    if (e) {
        std::cerr << "kiosk-store: staff " << action << " " << number << ": " << e->message << "\n";
        return 1;
    }
    std::cout << "staff " << number << ": " << (action == "add" ? "added" : action == "reset" ? "new PIN set, unlocked" : "unlocked") << "\n";
    return 0;
}

// The verification key of a seal made just now, shown this once: it is kept nowhere on the kiosk.
void show_new_verification_key(SubmissionStore& store) {
    const std::optional<VerificationKey> key = store.take_new_verification_key();
    if (!key) return;
    std::cout << "A new audit seal was made. Its verification key, shown only this once:\n\n    " << key->text()
              << "\n\nKeep it away from this kiosk (on paper, or with the clinic's IT). `kiosk-store verify-audit --key-file FILE`\n"
                 "reads it back from a file holding that line.\n";
}

std::optional<VerificationKey> read_verification_key(const std::string& file, std::string& problem) {
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line)) {
        problem = file + ": cannot read it";
        return std::nullopt;
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(line.begin());
    std::optional<VerificationKey> key = VerificationKey::parse(line);
    if (!key) problem = file + ":1: not a verification key (kiosk-seal-1:KEY:START:SECONDS)";
    return key;
}

int verify_command(SubmissionStore& store, const std::vector<VerificationKey>& keys, const std::optional<AuditMark>& expected) {
    const AuditCheck check = store.check_audit(keys, expected);
    for (const std::string& note : check.notes) std::cout << "note: " << note << "\n";
    if (!check.intact) {
        std::cout << "audit log BROKEN: " << check.problem << "\n";
        if (check.first_untrusted_id) std::cout << "first untrusted row: " << *check.first_untrusted_id << "\n";
        return 1;
    }
    std::cout << "audit log intact: " << check.rows << " rows, " << check.checked_rows << " seals checked; ends at " << check.mark.text() << "\n";
    return 0;
}

const char* severity_word(kiosk::screening::Severity s) {
    static const char* words[] = {"none", "info", "caution", "stop", "urgent"};
    return words[severity_column(s)];
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string db;
    std::string staff_name;
    StoreOptions options;
    std::vector<std::string> rest;
    std::vector<VerificationKey> keys;
    std::optional<AuditMark> expected;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--db" && i + 1 < args.size()) db = args[++i];
        else if (args[i] == "--key-file" && i + 1 < args.size()) {
            std::string problem;
            const std::optional<VerificationKey> key = read_verification_key(args[++i], problem);
            if (!key) {
                std::cerr << "kiosk-store: " << problem << "\n";
                return 1;
            }
            keys.push_back(*key);
        } else if (args[i] == "--expect" && i + 1 < args.size()) {
            expected = AuditMark::parse(args[++i]);
            if (!expected) return usage("--expect takes ROWS:SEAL as the system log or an export wrote it (\"42:\" and 64 hex digits)");
        }
        else if (args[i] == "--name" && i + 1 < args.size()) staff_name = args[++i];
        else if (args[i] == "--retention-days" && i + 1 < args.size()) {
            try {
                options.retention_days = std::stoi(args[++i]);
            } catch (const std::exception&) {
                return usage("--retention-days takes a whole number of days");
            }
            if (options.retention_days < 1) return usage("--retention-days must be at least 1");
        } else rest.push_back(args[i]);
    }
    if (db.empty() || rest.empty()) return usage();
    const std::string command = rest.front();
    const bool known = command == "init" || command == "stats" || (command == "list" && rest.size() == 2 && rest[1] == "--flagged") ||
                       command == "verify-audit" || command == "purge" || (command == "backup" && rest.size() == 2) ||
                       (command == "staff" && rest.size() == 3 && (rest[1] == "add" || rest[1] == "reset" || rest[1] == "unlock"));
    if (!known) return usage("unknown or incomplete command");

    // Reading commands open the database read-only: they work on a read-only file and on a full
    // disk, and write nothing (not even a journal).
    options.read_only = command == "stats" || command == "list" || command == "verify-audit";
    // Every commit that adds audit rows leaves where the log ends in the system log (standard
    // error under systemd), where the database cannot change it.
    options.on_audit_mark = [](const AuditMark& mark) { std::cerr << "kiosk-store: audit log: " << mark.text() << "\n"; };
    std::error_code ec;
    if (command == "init" && std::filesystem::exists(db, ec)) {
        std::cerr << "kiosk-store: " << db << " exists already; init makes a new database only\n";
        return 1;
    }
    auto opened = SubmissionStore::open(db, options);
    if (auto* e = std::get_if<SqliteError>(&opened)) {
        std::cerr << "kiosk-store: " << e->message << "\n";
        return 1;
    }
    SubmissionStore& store = std::get<SubmissionStore>(opened);
    for (const std::string& m : store.status().staff_messages) std::cerr << "kiosk-store: " << m << "\n";
    show_new_verification_key(store);
    if (command == "init") {
        std::cout << "made " << db << " (schema version " << store.stats().schema_version << ")\n";
        return 0;
    }

    if (command == "stats") {
        const StoreStats s = store.stats();
        std::cout << "submissions: " << s.submissions << "\nflagged, not yet acknowledged: " << s.flagged_unacknowledged
                  << "\nacknowledged: " << s.acknowledged << "\naudit log rows: " << s.audit_rows
                  << "\nschema version: " << s.schema_version << "\n";
        return 0;
    }
    if (command == "staff") return staff_command(store, rest, staff_name);
    if (command == "list") {
        const auto queue = store.flagged_queue(1000);
        if (const auto* e = std::get_if<SqliteError>(&queue)) {
            std::cerr << "kiosk-store: cannot read the flagged submissions: " << e->message << "\n";
            return 1;
        }
        for (const QueueEntry& e : std::get<std::vector<QueueEntry>>(queue)) {
            std::cout << e.ticket << "  " << severity_word(e.severity) << "  " << e.created_at << "  #" << e.id << "\n";
        }
        return 0;
    }
    if (command == "verify-audit") return verify_command(store, keys, expected);
    if (command == "purge") {
        auto result = store.purge("operator");
        if (auto* e = std::get_if<SqliteError>(&result)) {
            std::cerr << "kiosk-store: " << e->message << "\n";
            return 1;
        }
        std::cout << "purged " << std::get<std::int64_t>(result) << " reviewed submissions older than " << options.retention_days
                  << " days\n";
        return 0;
    }
    if (auto e = store.backup(rest[1])) {
        std::cerr << "kiosk-store: " << e->message << "\n";
        return 1;
    }
    std::cout << "backed up to " << rest[1] << "\n";
    return 0;
}
