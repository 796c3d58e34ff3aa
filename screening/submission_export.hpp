#pragma once
// Submissions as the clinic's other systems read them:
//   CSV: one row per submission, one column per question (option ids; several joined with "|"),
//        then the outcome, the rules that fired and the review. Cells that a spreadsheet would
//        run as a formula are prefixed with an apostrophe.
//   FHIR R4: one Questionnaire generated from the bundle (canonical URL + content version) and one
//        QuestionnaireResponse per submission (linkId = question id; valueBoolean for a yes/no
//        question without "not sure", valueCoding for choices, valueQuantity for numbers), with
//        the routed severity as an extension.
// Texts are in the staff member's language (English by default), never translated from a patient.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "export_folder.hpp"
#include "localized_text.hpp"
#include "screening_content.hpp"
#include "submission_store.hpp"

namespace kiosk::screening {

std::string submissions_csv(const std::vector<store::StoredSubmission>& rows, const Questionnaire& questionnaire);

nlohmann::ordered_json fhir_questionnaire(const ScreeningContent& content, const content::LocalizedText& text,
                                          const std::string& canonical_url);
// Answers to questions that the questionnaire of this kiosk no longer has are left out (their
// ids are in the CSV); the response names the content version it was answered under.
nlohmann::ordered_json fhir_questionnaire_response(const store::StoredSubmission& submission, const ScreeningContent& content,
                                                   const content::LocalizedText& text, const std::string& canonical_url);

// Every file of one export: submissions.csv, Questionnaire.json and QuestionnaireResponse-<id>.json;
// with `audit`, audit-log.txt: where the audit log ended, kept outside the database so that a
// cut tail is found later.
std::vector<ExportFile> export_files(const std::vector<store::StoredSubmission>& rows, const ScreeningContent& content,
                                     const content::LocalizedText& text, const std::string& canonical_url,
                                     const std::optional<store::AuditMark>& audit = std::nullopt);

}  // namespace kiosk::screening
