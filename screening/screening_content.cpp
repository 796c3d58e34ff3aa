#include "screening_content.hpp"

#include "translation_confirmations.hpp"

namespace kiosk::screening {

namespace {

content::TextRef ref(std::string key, const std::string& file, content::SourcePosition at) {
    return content::TextRef{std::move(key), {}, file, at};
}

}  // namespace

std::vector<content::TextRef> ScreeningContent::text_refs() const {
    std::vector<content::TextRef> refs;
    for (const Question& q : questionnaire.questions) {
        refs.push_back(ref(question_text_key(q), q.file, q.at));
        if (q.has_help) refs.push_back(ref(question_help_key(q), q.file, q.at));
        for (const std::string& option : q.options) refs.push_back(ref(option_text_key(q, option), q.file, q.at));
    }
    for (const Rule& r : rules) {
        refs.push_back(ref(r.patient_message_key, r.file, r.at));
        refs.push_back(ref(r.staff_rationale_key, r.file, r.at));
    }
    if (!unknown_safety_answer.patient_message_key.empty()) {
        refs.push_back(ref(unknown_safety_answer.patient_message_key, rules_file, unknown_safety_answer.at));
        refs.push_back(ref(unknown_safety_answer.staff_rationale_key, rules_file, unknown_safety_answer.at));
    }
    return refs;
}

ScreeningContent read_screening_content(const std::filesystem::path& bundle_dir, content::Diagnostics& diagnostics) {
    ScreeningContent content;
    std::string questionnaire_text;
    std::string rules_text;
    content.questionnaire = read_questionnaire(bundle_dir, diagnostics, &questionnaire_text);
    if (questionnaire_text.empty()) {
        // Without questions no condition can be checked; saying so for every rule would bury the
        // one real error in questionnaire.toml.
        return content;
    }
    content.rules = read_rules(bundle_dir, content.questionnaire, content.unknown_safety_answer, diagnostics, &rules_text);
    content.files_readable = !rules_text.empty();
    // Any edit to either file changes the version, so every stored outcome says which rules made it.
    std::string both = questionnaire_text;
    both.push_back('\0');
    both += rules_text;
    content.content_version = content::source_fingerprint(both);
    check_screening_coverage(content, diagnostics);
    return content;
}

}  // namespace kiosk::screening
