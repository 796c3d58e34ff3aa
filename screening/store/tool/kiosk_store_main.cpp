// kiosk-store: the submission database, for staff and operators.
//   kiosk-store --db FILE stats                    counts, schema version, pending faults
//   kiosk-store --db FILE list --flagged           unacknowledged flagged submissions, most severe first
//   kiosk-store --db FILE verify-audit             checks the audit log's hash chain
//   kiosk-store --db FILE purge [--retention-days N]   deletes reviewed submissions older than N days
//   kiosk-store --db FILE backup DEST              a consistent copy (VACUUM INTO), mode 0600
//   kiosk-store --db FILE staff add NUMBER [--name "Ana Ruiz"]   asks for the PIN twice on the terminal
//   kiosk-store --db FILE staff reset NUMBER       a new PIN (also unlocks)
//   kiosk-store --db FILE staff unlock NUMBER      after ten wrong PINs in a row
// Exit 0 success, 1 failure (or a broken audit chain), 2 usage.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "submission_store.hpp"

namespace {

using namespace kiosk::store;

int usage(const std::string& problem = {}) {
    if (!problem.empty()) std::cerr << "kiosk-store: " << problem << "\n";
    std::cerr << "usage: kiosk-store --db FILE (stats | list --flagged | verify-audit | purge [--retention-days N] | backup DEST |\n"
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
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--db" && i + 1 < args.size()) db = args[++i];
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
    const bool known = command == "stats" || (command == "list" && rest.size() == 2 && rest[1] == "--flagged") ||
                       command == "verify-audit" || command == "purge" || (command == "backup" && rest.size() == 2) ||
                       (command == "staff" && rest.size() == 3 && (rest[1] == "add" || rest[1] == "reset" || rest[1] == "unlock"));
    if (!known) return usage("unknown or incomplete command");

    // Reading commands open the database read-only: they work on a read-only file and on a full
    // disk, and write nothing (not even a journal).
    options.read_only = command == "stats" || command == "list" || command == "verify-audit";
    auto opened = SubmissionStore::open(db, options);
    if (auto* e = std::get_if<SqliteError>(&opened)) {
        std::cerr << "kiosk-store: " << e->message << "\n";
        return 1;
    }
    SubmissionStore& store = std::get<SubmissionStore>(opened);
    for (const std::string& m : store.status().staff_messages) std::cerr << "kiosk-store: " << m << "\n";

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
    if (command == "verify-audit") {
        const AuditCheck check = store.check_audit();
        if (check.intact) {
            std::cout << "audit log intact: " << check.rows << " rows\n";
            return 0;
        }
        std::cout << "audit log BROKEN: " << check.problem << "\n";
        return 1;
    }
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
