#include "submission_export.hpp"

#include <algorithm>

#include "severity.hpp"

namespace kiosk::screening {

namespace {

using ordered = nlohmann::ordered_json;

// RFC 4180 quoting; a leading = + - @ (or tab, CR) would run as a formula in a spreadsheet.
std::string csv_cell(const std::string& value) {
    std::string v = value;
    if (!v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos) v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string quoted = "\"";
    for (const char c : v) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string answer_cell(const nlohmann::json& a) {
    if (a.is_string()) return a.get<std::string>();
    if (a.is_number()) return a.dump();
    if (a.is_array()) {
        std::string out;
        for (const auto& o : a) out += (out.empty() ? "" : "|") + (o.is_string() ? o.get<std::string>() : o.dump());
        return out;
    }
    return "";
}

std::string severity_of(Severity s) { return std::string(severity_name(s)); }

// CLDR units as UCUM codes, for valueQuantity; others keep their words only.
std::string ucum(const std::string& cldr) {
    if (cldr == "duration-hour") return "h";
    if (cldr == "duration-minute") return "min";
    if (cldr == "duration-day") return "d";
    if (cldr == "mass-kilogram") return "kg";
    if (cldr == "mass-gram") return "g";
    if (cldr == "length-centimeter") return "cm";
    return "";
}

std::string code_system(const std::string& canonical_url, const Question& q) { return canonical_url + "/answers/" + q.id; }

bool as_boolean(const Question& q) { return q.type == QuestionType::yes_no && !q.option_index("not_sure"); }

ordered coding(const std::string& canonical_url, const Question& q, const std::string& option, const content::LocalizedText& text) {
    return {{"system", code_system(canonical_url, q)}, {"code", option}, {"display", text.text(option_text_key(q, option))}};
}

}  // namespace

std::string submissions_csv(const std::vector<store::StoredSubmission>& rows, const Questionnaire& questionnaire) {
    std::string out = "id,kiosk,ticket,created_at,locale,content_version,severity,rules";
    for (const Question& q : questionnaire.questions) out += "," + csv_cell(q.id);
    out += ",acknowledged_by,acknowledged_at,note\r\n";
    for (const store::StoredSubmission& s : rows) {
        const nlohmann::json answers = nlohmann::json::parse(s.answers_json, nullptr, false);
        std::string rules;
        for (const store::FiredRuleRecord& f : s.fired) rules += (rules.empty() ? "" : "|") + f.rule_id;
        out += std::to_string(s.id) + "," + csv_cell(s.kiosk_id) + "," + csv_cell(s.ticket) + "," + csv_cell(s.created_at) + "," +
               csv_cell(s.locale) + "," + csv_cell(s.content_version) + "," + severity_of(s.severity) + "," + csv_cell(rules);
        for (const Question& q : questionnaire.questions) {
            const bool has = answers.is_object() && answers.contains(q.id);
            out += "," + csv_cell(has ? answer_cell(answers[q.id]) : std::string());
        }
        out += "," + csv_cell(s.acknowledged_by) + "," + csv_cell(s.acknowledged_at) + "," + csv_cell(s.note) + "\r\n";
    }
    return out;
}

ordered fhir_questionnaire(const ScreeningContent& content, const content::LocalizedText& text, const std::string& canonical_url) {
    ordered items = ordered::array();
    for (const Question& q : content.questionnaire.questions) {
        ordered item = {{"linkId", q.id}, {"text", text.text(question_text_key(q))}};
        if (as_boolean(q)) {
            item["type"] = "boolean";
        } else if (q.type == QuestionType::number) {
            item["type"] = "quantity";
        } else {
            item["type"] = "choice";
            ordered options = ordered::array();
            for (const std::string& o : q.options) options.push_back({{"valueCoding", coding(canonical_url, q, o, text)}});
            item["answerOption"] = std::move(options);
        }
        item["required"] = q.required;
        if (q.type == QuestionType::multiple) item["repeats"] = true;
        items.push_back(std::move(item));
    }
    return {{"resourceType", "Questionnaire"},
            {"url", canonical_url},
            {"version", content.content_version},
            {"name", "MagnesiumIvScreening"},
            {"title", text.text("ui.app.title")},
            {"status", "active"},
            {"item", std::move(items)}};
}

ordered fhir_questionnaire_response(const store::StoredSubmission& s, const ScreeningContent& content, const content::LocalizedText& text,
                                    const std::string& canonical_url) {
    const nlohmann::json answers = nlohmann::json::parse(s.answers_json, nullptr, false);
    ordered items = ordered::array();
    for (const Question& q : content.questionnaire.questions) {
        if (!answers.is_object() || !answers.contains(q.id)) continue;
        const nlohmann::json& a = answers[q.id];
        ordered values = ordered::array();
        if (q.type == QuestionType::number && a.is_number()) {
            ordered quantity = {{"value", a.get<double>()}};
            const std::string code = ucum(q.unit);
            if (!code.empty()) {
                quantity["unit"] = code;
                quantity["system"] = "http://unitsofmeasure.org";
                quantity["code"] = code;
            }
            values.push_back({{"valueQuantity", std::move(quantity)}});
        } else if (as_boolean(q) && a.is_string()) {
            values.push_back({{"valueBoolean", a.get<std::string>() == "yes"}});
        } else {
            const std::vector<std::string> chosen = a.is_array() ? a.get<std::vector<std::string>>()
                                                    : a.is_string() ? std::vector<std::string>{a.get<std::string>()}
                                                                    : std::vector<std::string>{};
            for (const std::string& o : chosen) {
                if (q.option_index(o)) values.push_back({{"valueCoding", coding(canonical_url, q, o, text)}});
            }
        }
        if (values.empty()) continue;  // FHIR allows no empty arrays
        items.push_back({{"linkId", q.id}, {"text", text.text(question_text_key(q))}, {"answer", std::move(values)}});
    }
    ordered response = {
        {"resourceType", "QuestionnaireResponse"},
        {"id", "kiosk-" + std::to_string(s.id)},
        {"extension", ordered::array({{{"url", canonical_url + "/StructureDefinition/routed-severity"}, {"valueCode", severity_of(s.severity)}}})},
        {"identifier", {{"system", canonical_url + "/ticket"}, {"value", s.created_at.substr(0, 10) + "-" + s.ticket}}},
        {"questionnaire", canonical_url + "|" + s.content_version},
        {"status", "completed"},
        {"authored", s.created_at}};
    if (!items.empty()) response["item"] = std::move(items);
    return response;
}

std::vector<ExportFile> export_files(const std::vector<store::StoredSubmission>& rows, const ScreeningContent& content,
                                     const content::LocalizedText& text, const std::string& canonical_url,
                                     const std::optional<store::AuditMark>& audit) {
    std::vector<ExportFile> files;
    if (audit) {
        files.push_back({"audit-log.txt", "The kiosk's audit log when this export was written: " + std::to_string(audit->rows) +
                                              " rows, the last sealed as " + audit->head +
                                              ".\nTo check that none of them was removed since:\n"
                                              "    kiosk-store --db FILE verify-audit --key-file KEY --expect " + audit->text() + "\n"});
    }
    files.push_back({"submissions.csv", submissions_csv(rows, content.questionnaire)});
    files.push_back({"Questionnaire.json", fhir_questionnaire(content, text, canonical_url).dump(2) + "\n"});
    for (const store::StoredSubmission& s : rows) {
        files.push_back({"QuestionnaireResponse-" + std::to_string(s.id) + ".json",
                         fhir_questionnaire_response(s, content, text, canonical_url).dump(2) + "\n"});
    }
    return files;
}

}  // namespace kiosk::screening
