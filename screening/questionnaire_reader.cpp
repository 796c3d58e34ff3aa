// Reading structure/questionnaire.toml.
#include <cmath>
#include <set>

#include "condition_field.hpp"
#include "number_text.hpp"
#include "screening_content.hpp"
#include "toml_file.hpp"

namespace kiosk::screening {

namespace {

using content::position_of;

bool is_valid_id(std::string_view id) {
    if (id.empty() || !(id[0] >= 'a' && id[0] <= 'z')) return false;
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

std::optional<QuestionType> parse_type(std::string_view name) {
    for (QuestionType t : {QuestionType::yes_no, QuestionType::single, QuestionType::multiple, QuestionType::number}) {
        if (question_type_name(t) == name) return t;
    }
    return std::nullopt;
}

class QuestionReader {
public:
    QuestionReader(const std::filesystem::path& bundle_dir, const content::TomlFile& file, content::Diagnostics& d)
        : bundle_dir_(bundle_dir), file_(file), d_(d) {}

    void read(const toml::table& table, Questionnaire& questionnaire) {
        content::report_unknown_keys(table, {"id", "type", "options", "not_sure", "required", "safety", "informational", "help",
                                             "image", "show_if", "min", "max", "unit"},
                                     file_.relative_path, "a [[question]]", d_);
        Question q;
        q.file = file_.relative_path;
        q.at = position_of(table);
        q.id = table["id"].value_or(std::string{});
        if (!is_valid_id(q.id)) {
            error(table.get("id") ? position_of(*table.get("id")) : q.at,
                  q.id.empty() ? "a [[question]] needs id = \"short_name\"" : "id '" + q.id + "': use lower-case letters, digits and '_'");
            return;
        }
        if (questionnaire.index_of(q.id)) {
            error(position_of(*table.get("id")), "two questions have the id '" + q.id + "'");
            return;
        }
        const toml::node* type = table.get("type");
        const auto parsed_type = type ? parse_type(type->value_or(std::string{})) : std::nullopt;
        if (!parsed_type) {
            error(type ? position_of(*type) : q.at, "question '" + q.id + "' needs type = \"yes_no\", \"single\", \"multiple\" or \"number\"");
            return;
        }
        q.type = *parsed_type;
        q.required = table["required"].value_or(true);
        q.safety = table["safety"].value_or(false);
        q.informational = table["informational"].value_or(false);
        q.has_help = table["help"].value_or(false);
        q.image = table["image"].value_or(std::string{});
        if (!q.image.empty() && !std::filesystem::is_regular_file(bundle_dir_ / q.image)) {
            error(position_of(*table.get("image")), "image '" + q.image + "' not found in the bundle folder");
        }
        read_options(table, q);
        if (q.type == QuestionType::number) read_range(table, q);
        if (const toml::node* show_if = table.get("show_if")) {
            q.show_if = read_condition_field(*show_if, file_.relative_path, file_.text, questionnaire,
                                             questionnaire.questions.size(), d_);
        }
        questionnaire.questions.push_back(std::move(q));
    }

private:
    void error(content::SourcePosition at, std::string message) { d_.error(file_.relative_path, at, std::move(message)); }

    void read_options(const toml::table& table, Question& q) {
        const toml::node* options = table.get("options");
        const toml::node* not_sure = table.get("not_sure");
        if (q.type == QuestionType::yes_no || q.type == QuestionType::number) {
            if (options) error(position_of(*options), "a " + std::string(question_type_name(q.type)) + " question has no options list");
            if (q.type == QuestionType::yes_no) {
                q.options = {"yes", "no"};
                if (not_sure && not_sure->value_or(false)) q.options.emplace_back("not_sure");
            }
        } else {
            if (not_sure) error(position_of(*not_sure), "not_sure = true is for yes_no questions; list \"not_sure\" among the options");
            const toml::array* list = options ? options->as_array() : nullptr;
            if (list == nullptr || list->size() < 2) {
                error(options ? position_of(*options) : q.at, "question '" + q.id + "' needs options = [\"a\", \"b\", …] (at least two)");
                return;
            }
            std::set<std::string> seen;
            for (const toml::node& o : *list) {
                const std::string id = o.value_or(std::string{});
                if (!is_valid_id(id)) error(position_of(o), "option ids are lower-case letters, digits and '_'");
                else if (!seen.insert(id).second) error(position_of(o), "the option '" + id + "' is listed twice");
                else if (q.options.size() == limits::options_per_question) {
                    error(position_of(o), "a question has at most " + std::to_string(limits::options_per_question) + " options; this is one more");
                    break;
                } else {
                    q.options.push_back(id);
                    q.option_at.push_back(position_of(o));
                }
            }
        }
        q.option_at.resize(q.options.size(), q.at);
        for (std::size_t i = 0; i < q.options.size(); ++i) {
            const std::uint64_t bit = std::uint64_t{1} << i;
            const std::string& o = q.options[i];
            if (o == "not_sure" || o == "prefer_not_to_say") q.not_known |= bit;
            // In a multiple-choice question, "none" and "not sure" cannot be ticked with anything else.
            if (q.type == QuestionType::multiple && (o == "none" || o == "not_sure" || o == "prefer_not_to_say")) q.exclusive |= bit;
        }
    }

    void read_range(const toml::table& table, Question& q) {
        const auto min = table["min"].value<double>();
        const auto max = table["max"].value<double>();
        if (!min || !max || *min >= *max) {
            error(q.at, "number question '" + q.id + "' needs min = … and max = … with min below max");
            return;
        }
        // The kiosk's keypad types whole numbers and has no minus sign.
        if (*min < 0 || *min != std::floor(*min) || *max != std::floor(*max)) {
            error(position_of(*table.get("min")), "number question '" + q.id + "' needs whole numbers from 0 up for min and max (the kiosk's keypad types whole numbers)");
        }
        q.minimum = *min;
        q.maximum = *max;
        q.unit = table["unit"].value_or(std::string{});
        // The kiosk writes the unit out in each language from CLDR's data: it must be a name CLDR knows.
        if (const toml::node* unit = table.get("unit"); unit && !content::is_cldr_unit(q.unit)) {
            error(position_of(*unit), "number question '" + q.id + "' has unit = \"" + q.unit +
                                          "\", which is not a CLDR unit; write one such as \"duration-hour\", \"mass-kilogram\" or \"length-centimeter\"");
        }
    }

    const std::filesystem::path& bundle_dir_;
    const content::TomlFile& file_;
    content::Diagnostics& d_;
};

}  // namespace

Questionnaire read_questionnaire(const std::filesystem::path& bundle_dir, content::Diagnostics& diagnostics, std::string* file_text) {
    Questionnaire questionnaire;
    std::optional<content::TomlFile> file = content::read_toml_file(bundle_dir, questionnaire_file, diagnostics);
    if (!file) return questionnaire;
    if (file_text) *file_text = file->text;
    content::report_unknown_keys(file->root, {"question"}, questionnaire_file, "questionnaire.toml", diagnostics);
    const toml::array* questions = file->root["question"].as_array();
    if (questions == nullptr || questions->empty()) {
        diagnostics.error(questionnaire_file, {1, 1}, "questionnaire.toml has no [[question]]");
        return questionnaire;
    }
    QuestionReader reader(bundle_dir, *file, diagnostics);
    for (const toml::node& node : *questions) {
        if (const toml::table* table = node.as_table()) reader.read(*table, questionnaire);
    }
    return questionnaire;
}

}  // namespace kiosk::screening
