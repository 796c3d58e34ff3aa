#pragma once
// Submissions of every answer type, stored and read back through the store as staff export them:
// the same rows for the golden files, the export tests and the FHIR schema check.
#include <string>
#include <vector>

#include "kiosk_bundle.hpp"
#include "submission_store.hpp"

namespace kiosk::test {

inline constexpr const char* export_canonical_url = "https://kiosk.example.org/fhir/Questionnaire/magnesium-iv-screening";

// One stored submission per answer type, in this order: boolean (a yes/no question without "not
// sure"), a single choice, a multiple choice, a quantity; then one with them all.
inline std::vector<store::NewSubmission> sample_submissions() {
    using screening::Severity;
    const auto make = [](std::string answers, Severity severity) {
        store::NewSubmission s;
        s.locale = "es";
        s.content_version = "0123456789abcdef";
        s.answers_json = std::move(answers);
        s.severity = severity;
        s.kiosk_id = "front-desk";
        return s;
    };
    return {make(R"({"adult":"yes"})", Severity::none), make(R"({"kidney":"mild_or_moderate"})", Severity::caution),
            make(R"({"heart":["heart_block","pacemaker"]})", Severity::stop), make(R"({"hours_since_meal":12})", Severity::none),
            make(R"({"hours_since_meal":7,"symptoms_now":["none"],"adult":"no","pregnant":"not_sure","heart":["not_sure"],"kidney":"no"})", Severity::stop)};
}

inline const char* sample_answer_type(std::size_t i) {
    static const char* types[] = {"boolean", "single-choice", "multiple-choice", "quantity", "all-types"};
    return types[i];
}

}  // namespace kiosk::test
