// Writes the sample export (every answer type, through the store) into the folder given, for the
// FHIR R4 JSON schema check (tests/fhir/validate.mjs), which runs on what the kiosk writes.
#include <iostream>

#include "export_sample.hpp"
#include "number_question_bundle.hpp"
#include "submission_export.hpp"
#include "../store/store_fixture.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: write_fhir_export FOLDER\n";
        return 2;
    }
    try {
        kiosk::test::TempBundle files = kiosk::test::TempBundle::shipped();
        const kiosk::screening::KioskBundle bundle = kiosk::test::bundle_with_number_question(files);
        kiosk::test::TempDir dir;
        kiosk::store::SubmissionStore store = kiosk::test::open_store(dir / "kiosk.db");
        for (const auto& s : kiosk::test::sample_submissions()) store.submit(s);
        const auto rows = std::get<std::vector<kiosk::store::StoredSubmission>>(
            store.submissions_for_export(kiosk::test::nurse(store), {}, "2000-01-01", "2999-01-01"));
        const kiosk::content::LocalizedText english(bundle.content.bundle, "en");
        std::filesystem::remove_all(std::filesystem::path(argv[1]) / "export");
        const auto written = kiosk::screening::write_export_folder(
            argv[1], "export", kiosk::screening::export_files(rows, bundle.screening, english, kiosk::test::export_canonical_url));
        if (const auto* e = std::get_if<std::string>(&written)) {
            std::cerr << "write_fhir_export: " << *e << "\n";
            return 1;
        }
        std::cout << std::get<std::filesystem::path>(written).string() << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "write_fhir_export: " << e.what() << "\n";
        return 1;
    }
}
