// Exports for the clinic's systems: CSV a spreadsheet opens safely, FHIR R4 resources that match
// the golden files answer type by answer type, written to a folder all at once or not at all.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "export_folder.hpp"
#include "export_sample.hpp"
#include "number_question_bundle.hpp"
#include "submission_export.hpp"
#include "../store/store_fixture.hpp"

using namespace kiosk::screening;
using kiosk::test::TempDir;

namespace {

struct Sample {
    kiosk::test::TempBundle files = kiosk::test::TempBundle::shipped();
    KioskBundle bundle = kiosk::test::bundle_with_number_question(files);
    TempDir dir;
    kiosk::store::SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
    std::vector<kiosk::store::StoredSubmission> rows;

    Sample() {
        REQUIRE(bundle.usable);
        for (const auto& s : kiosk::test::sample_submissions()) REQUIRE(store.submit(s).stored);
        auto read = store.submissions_for_export(kiosk::test::nurse(store), {}, "2000-01-01", "2999-01-01");
        rows = std::get<std::vector<kiosk::store::StoredSubmission>>(read);
        REQUIRE(rows.size() == kiosk::test::sample_submissions().size());
        // Fixed, so that the golden files do not depend on when the test runs.
        for (auto& r : rows) {
            r.created_at = "2026-11-23T09:0" + std::to_string(r.id) + ":00Z";
            r.ticket = "K7M" + std::to_string(r.id);
        }
    }
};

}  // namespace

TEST_CASE("a FHIR QuestionnaireResponse per answer type matches its golden file") {
    Sample s;
    const kiosk::content::LocalizedText english(s.bundle.content.bundle, "en");
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const std::string type = kiosk::test::sample_answer_type(i);
        CAPTURE(type);
        const std::string made = fhir_questionnaire_response(s.rows[i], s.bundle.screening, english, kiosk::test::export_canonical_url).dump(2) + "\n";
        const std::filesystem::path golden = kiosk::test::source_dir() / "tests/fhir/golden" / ("QuestionnaireResponse-" + type + ".json");
        if (std::getenv("KIOSK_UPDATE_GOLDEN")) std::ofstream(golden) << made;
        CHECK(made == kiosk::test::read_text_file(golden));
    }
}

TEST_CASE("the FHIR Questionnaire follows the bundle: each question's type, options and the content version") {
    Sample s;
    const kiosk::content::LocalizedText english(s.bundle.content.bundle, "en");
    const auto q = fhir_questionnaire(s.bundle.screening, english, kiosk::test::export_canonical_url);
    CHECK(q["url"] == kiosk::test::export_canonical_url);
    CHECK(q["version"] == s.bundle.screening.content_version);
    const auto item = [&](const std::string& id) {
        for (const auto& i : q["item"]) {
            if (i["linkId"] == id) return i;
        }
        return nlohmann::ordered_json();
    };
    CHECK(item("adult")["type"] == "boolean");
    CHECK(item("pregnant")["type"] == "choice");  // "not sure" is an answer: not a boolean
    CHECK(item("heart")["repeats"] == true);
    CHECK(item("hours_since_meal")["type"] == "quantity");
    CHECK(item("kidney")["answerOption"][1]["valueCoding"]["code"] == "mild_or_moderate");
    CHECK(q["item"].size() == s.bundle.screening.questionnaire.questions.size());
}

TEST_CASE("CSV: a column per question, quoted where needed, and no cell a spreadsheet would run as a formula") {
    Sample s;
    s.rows[0].note = "=HYPERLINK(\"http://x\")";
    s.rows[1].note = "said \"fine\", then left";
    const std::string csv = submissions_csv(s.rows, s.bundle.screening.questionnaire);
    const std::string header = csv.substr(0, csv.find("\r\n"));
    CHECK(header.starts_with("id,kiosk,ticket,created_at,locale,content_version,severity,rules,hours_since_meal,symptoms_now,adult,"));
    CHECK(header.ends_with(",concerns,acknowledged_by,acknowledged_at,note"));
    CHECK(csv.find(",'=HYPERLINK(\"\"http://x\"\")\"") == std::string::npos);  // never unquoted with the formula first
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
    CHECK(csv.find("\"said \"\"fine\"\", then left\"") != std::string::npos);
    CHECK(csv.find(",heart_block|pacemaker,") != std::string::npos);
    CHECK(csv.find(",front-desk,") != std::string::npos);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == static_cast<long>(s.rows.size() + 1));
}

TEST_CASE("an export folder is written whole or not at all, and never replaces another") {
    Sample s;
    TempDir usb;
    const kiosk::content::LocalizedText english(s.bundle.content.bundle, "en");
    const std::vector<ExportFile> files = export_files(s.rows, s.bundle.screening, english, kiosk::test::export_canonical_url);
    CHECK(files.size() == s.rows.size() + 2);
    const auto written = write_export_folder(usb.path(), "kiosk-export-2026-11-23", files);
    REQUIRE(std::holds_alternative<std::filesystem::path>(written));
    const std::filesystem::path folder = std::get<std::filesystem::path>(written);
    for (const ExportFile& f : files) CHECK(kiosk::test::read_text_file(folder / f.name) == f.content);
    struct stat st {};
    ::stat((folder / "submissions.csv").c_str(), &st);
    CHECK((st.st_mode & 0777U) == 0600U);

    const auto again = write_export_folder(usb.path(), "kiosk-export-2026-11-23", files);
    REQUIRE(std::holds_alternative<std::string>(again));
    CHECK(std::get<std::string>(again).find("already there") != std::string::npos);

    const auto missing = write_export_folder(usb.path() / "no-stick", "x", files);
    CHECK(std::get<std::string>(missing).find("does not exist") != std::string::npos);

    // A file that cannot be written: nothing is left, not even the hidden partial folder.
    std::vector<ExportFile> bad = files;
    bad.push_back({"../escape.json", "{}"});
    const auto refused = write_export_folder(usb.path(), "kiosk-export-bad", bad);
    REQUIRE(std::holds_alternative<std::string>(refused));
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(usb.path())) ++entries;
    CHECK(entries == 1);  // only the first export
}
