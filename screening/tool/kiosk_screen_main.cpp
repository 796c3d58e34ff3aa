// kiosk-screen: the clinical leads' tool for the questionnaire and rules.
// Like every tool, on the bundle of --bundle DIR, else the current folder when it holds one.
//   kiosk-screen evaluate [--bundle DIR] --answers FILE.json [--locale TAG]
//       prints the routing decision as JSON; exit 0 success, 1 invalid answers or bundle, 2 usage
//   kiosk-screen test [--bundle DIR] [--require-every-rule] SCENARIO_DIR
//       runs every scenario file; exit 0 when all pass, 1 otherwise, 2 usage
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "answers_json.hpp"
#include "bundle_folder.hpp"
#include "json_file.hpp"
#include "kiosk_bundle.hpp"
#include "localized_text.hpp"
#include "routing.hpp"
#include "scenario.hpp"


namespace {

using namespace kiosk;
using json = nlohmann::json;

constexpr int exit_ok = 0;
constexpr int exit_invalid = 1;
constexpr int exit_usage = 2;

int usage(const std::string& problem = {}) {
    if (!problem.empty()) std::cerr << "kiosk-screen: " << problem << "\n";
    std::cerr << "usage:\n"
                 "  kiosk-screen evaluate [--bundle DIR] --answers FILE.json [--locale TAG]\n"
                 "  kiosk-screen test [--bundle DIR] [--require-every-rule] SCENARIO_DIR\n"
                 "--bundle defaults to the current folder when it holds a bundle (structure/ and locales/)\n";
    return exit_usage;
}

struct Options {
    std::optional<std::string> bundle;  // --bundle, if given
    std::string answers;
    std::string locale = "en";
    bool require_every_rule = false;
    std::vector<std::string> positional;
};

bool parse_options(const std::vector<std::string>& args, Options& o, std::string& problem) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const auto value = [&](std::string& into) {
            if (i + 1 >= args.size()) {
                problem = a + " needs a value";
                return false;
            }
            into = args[++i];
            return true;
        };
        if (a == "--bundle") {
            if (!value(o.bundle.emplace())) return false;
        }
        else if (a == "--answers") { if (!value(o.answers)) return false; }
        else if (a == "--locale") { if (!value(o.locale)) return false; }
        else if (a == "--require-every-rule") o.require_every_rule = true;
        else if (a.starts_with("-")) { problem = "unknown option " + a; return false; }
        else o.positional.push_back(a);
    }
    return true;
}

// Finds and loads the bundle; prints why there is none, or its errors, and returns nothing when it
// cannot be used.
std::optional<screening::KioskBundle> load(const std::optional<std::string>& given) {
    const auto folder = content::bundle_folder(given);
    if (const auto* problem = std::get_if<std::string>(&folder)) {
        std::cerr << "kiosk-screen: " << *problem << "\n";
        return std::nullopt;
    }
    const std::string dir = std::get<std::filesystem::path>(folder).string();
    screening::KioskBundle bundle = screening::load_kiosk_bundle(dir);
    for (const content::Diagnostic& d : bundle.content.diagnostics.items()) {
        if (d.severity == content::Severity::error) std::cerr << content::format_diagnostic(d, dir) << "\n";
    }
    if (!bundle.usable) {
        std::cerr << "kiosk-screen: the bundle in " << dir << " has errors (above); run kiosk-content lint\n";
        return std::nullopt;
    }
    return bundle;
}

// The folder load() found (called after it succeeded).
std::string bundle_dir(const Options& o) { return std::get<std::filesystem::path>(content::bundle_folder(o.bundle)).string(); }

int evaluate(const Options& o) {
    if (o.answers.empty() || !o.positional.empty()) return usage("evaluate needs --answers FILE.json");
    auto read = screening::read_json_file(o.answers);
    if (auto* problem = std::get_if<std::string>(&read)) {
        std::cerr << "kiosk-screen: " << *problem << "\n";
        return exit_invalid;
    }
    const json& document = std::get<json>(read);
    if (!document.is_object() || !document.contains("answers")) {
        std::cerr << o.answers << ": error: expected {\"answers\": {\"question_id\": answer, …}}\n";
        return exit_invalid;
    }
    const auto bundle = load(o.bundle);
    if (!bundle) return exit_invalid;
    const screening::AnswersRead answers =
        screening::read_answers(document["answers"], bundle->screening.questionnaire, screening::HiddenAnswers::reject);
    if (!answers.ok()) {
        for (const std::string& e : answers.errors) std::cerr << o.answers << ": error: " << e << "\n";
        return exit_invalid;
    }
    const screening::RoutingDecision decision = screening::route(bundle->screening, answers.answers);
    const content::LocalizedText localized(bundle->content.bundle, o.locale);
    // The report names the bundle it used first, as every report does.
    nlohmann::ordered_json report = {{"bundle", content::bundle_line(bundle_dir(o)).substr(std::string_view("bundle: ").size())}};
    report.update(screening::decision_to_json(decision, bundle->screening.questionnaire, localized));
    std::cout << report.dump(2) << "\n";
    return exit_ok;
}

int test(const Options& o) {
    if (o.positional.size() != 1) return usage("test needs one folder of scenario files");
    const auto bundle = load(o.bundle);
    if (!bundle) return exit_invalid;
    std::cout << content::bundle_line(bundle_dir(o)) << "\n";
    const auto results = screening::run_scenario_folder(o.positional.front(), bundle->screening);
    int passed = 0;
    int failed = 0;
    std::set<std::string> fired;
    for (const auto& r : results) {
        std::cout << (r.passed ? "PASS " : "FAIL ") << r.name << (r.detail.empty() ? "" : ": " + r.detail) << "\n";
        (r.passed ? passed : failed) += 1;
        fired.insert(r.rules_fired.begin(), r.rules_fired.end());
    }
    std::vector<std::string> never;
    for (const screening::Rule& rule : bundle->screening.rules) {
        if (!fired.contains(rule.id)) never.push_back(rule.id);
    }
    if (!fired.contains(screening::unknown_safety_answer_rule_id)) never.emplace_back(screening::unknown_safety_answer_rule_id);
    for (const std::string& id : never) std::cout << "NOT COVERED: no scenario fires rule '" << id << "'\n";
    if (o.require_every_rule && !never.empty()) ++failed;
    if (results.empty()) {
        std::cout << "no scenario files (*.json) in " << o.positional.front() << "\n";
        ++failed;
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? exit_ok : exit_invalid;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage();
    const std::string command = args.front();
    args.erase(args.begin());
    Options options;
    std::string problem;
    if (command == "--help" || command == "-h") {
        usage();
        return exit_ok;
    }
    if (!parse_options(args, options, problem)) return usage(problem);
    if (command == "evaluate") return evaluate(options);
    if (command == "test") return test(options);
    return usage("unknown command '" + command + "'");
}
