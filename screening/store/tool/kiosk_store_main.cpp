// kiosk-store: the submission database, for staff and operators.
//   kiosk-store --db FILE stats                    counts, schema version, pending faults
//   kiosk-store --db FILE list --flagged           unacknowledged flagged submissions, most severe first
//   kiosk-store --db FILE verify-audit             checks the audit log's hash chain
//   kiosk-store --db FILE purge [--retention-days N]   deletes reviewed submissions older than N days
//   kiosk-store --db FILE backup DEST              a consistent copy (VACUUM INTO), mode 0600
// Exit 0 success, 1 failure (or a broken audit chain), 2 usage.
#include <iostream>
#include <string>
#include <vector>

#include "submission_store.hpp"

namespace {

using namespace kiosk::store;

int usage(const std::string& problem = {}) {
    if (!problem.empty()) std::cerr << "kiosk-store: " << problem << "\n";
    std::cerr << "usage: kiosk-store --db FILE (stats | list --flagged | verify-audit | purge [--retention-days N] | backup DEST)\n";
    return 2;
}

const char* severity_word(int s) {
    static const char* words[] = {"none", "info", "caution", "stop", "urgent"};
    return s >= 0 && s <= 4 ? words[s] : "?";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string db;
    StoreOptions options;
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--db" && i + 1 < args.size()) db = args[++i];
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
                       command == "verify-audit" || command == "purge" || (command == "backup" && rest.size() == 2);
    if (!known) return usage("unknown or incomplete command");

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
    if (command == "list") {
        for (const QueueEntry& e : store.flagged_queue(1000)) {
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
