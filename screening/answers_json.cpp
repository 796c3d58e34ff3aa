#include "answers_json.hpp"

#include <bit>
#include <cmath>

#include <nlohmann/json.hpp>

#include "localized_text.hpp"
#include "spelling_suggestion.hpp"

namespace kiosk::screening {

namespace {

using json = nlohmann::json;

std::string describe(const json& value) {
    switch (value.type()) {
        case json::value_t::string: return "text";
        case json::value_t::array: return "a list";
        case json::value_t::object: return "an object";
        case json::value_t::boolean: return "true/false";
        case json::value_t::null: return "null";
        default: return "a number";
    }
}

class AnswerReader {
public:
    AnswerReader(const Questionnaire& q, AnswersRead& out) : questionnaire_(q), out_(out) {}

    void read(const std::string& id, const json& value) {
        const auto index = questionnaire_.index_of(id);
        if (!index) {
            std::vector<std::string_view> ids;
            for (const Question& q : questionnaire_.questions) ids.push_back(q.id);
            error("answers." + id + ": there is no question '" + id + "'" + content::did_you_mean(id, ids));
            return;
        }
        const Question& q = questionnaire_.questions[*index];
        Answer& answer = out_.answers[*index];
        const std::string where = "answers." + id;
        switch (q.type) {
            case QuestionType::yes_no:
            case QuestionType::single:
                if (!value.is_string()) {
                    error(where + ": '" + id + "' takes one option as text, such as \"" + q.options.front() + "\", not " + describe(value));
                    return;
                }
                if (auto bit = option(q, where, value.get<std::string>())) answer = {true, *bit, 0};
                return;
            case QuestionType::multiple: read_multiple(q, where, value, answer); return;
            case QuestionType::number:
                if (!value.is_number()) {
                    error(where + ": '" + id + "' takes a number, not " + describe(value));
                    return;
                }
                if (const double n = value.get<double>(); n < q.minimum || n > q.maximum || !std::isfinite(n)) {
                    error(where + ": " + value.dump() + " is out of range for '" + id + "' (" + json(q.minimum).dump() + " to " +
                          json(q.maximum).dump() + ")");
                } else {
                    answer = {true, 0, n};
                }
                return;
        }
    }

private:
    void error(std::string message) { out_.errors.push_back(std::move(message)); }

    std::optional<std::uint64_t> option(const Question& q, const std::string& where, const std::string& name) {
        if (auto index = q.option_index(name)) return std::uint64_t{1} << *index;
        std::vector<std::string_view> options(q.options.begin(), q.options.end());
        error(where + ": '" + name + "' is not an option of '" + q.id + "'" + content::did_you_mean(name, options) +
              "; the options are: " + json(q.options).dump());
        return std::nullopt;
    }

    void read_multiple(const Question& q, const std::string& where, const json& value, Answer& answer) {
        if (!value.is_array() || value.empty()) {
            error(where + ": '" + q.id + "' takes a list of options such as [\"" + q.options.front() + "\"], not " +
                  (value.is_array() ? std::string("an empty list (leave the question out instead)") : describe(value)));
            return;
        }
        std::uint64_t bits = 0;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const std::string item_where = where + "[" + std::to_string(i) + "]";
            if (!value[i].is_string()) {
                error(item_where + ": options are text, not " + describe(value[i]));
                return;
            }
            const auto bit = option(q, item_where, value[i].get<std::string>());
            if (!bit) return;
            if (bits & *bit) {
                error(item_where + ": '" + value[i].get<std::string>() + "' is listed twice");
                return;
            }
            bits |= *bit;
        }
        // "none" and "not sure" stand alone: ticking them with anything else is a contradiction.
        const std::size_t index = *questionnaire_.index_of(q.id);
        const std::uint64_t exclusive_chosen = bits & q.exclusive;
        if (exclusive_chosen != 0 && (bits & ~q.exclusive) != 0) {
            error(where + ": " + json(chosen_options(questionnaire_, index, {true, exclusive_chosen, 0})).dump() +
                  " cannot be combined with other options");
            return;
        }
        if (std::popcount(exclusive_chosen) > 1) {
            error(where + ": choose only one of " + json(chosen_options(questionnaire_, index, {true, exclusive_chosen, 0})).dump());
            return;
        }
        answer = {true, bits, 0};
    }

    const Questionnaire& questionnaire_;
    AnswersRead& out_;
};

json answer_to_json(const CitedAnswer& a, const Questionnaire& questionnaire) {
    if (!a.answered) return nullptr;
    if (a.number) return *a.number;
    const auto index = questionnaire.index_of(a.question);
    if (index && questionnaire.questions[*index].type != QuestionType::multiple && a.options.size() == 1) return std::string(a.options.front());
    json options = json::array();
    for (const std::string_view o : a.options) options.push_back(std::string(o));
    return options;
}

}  // namespace

AnswersRead read_answers(const json& answers, const Questionnaire& questionnaire, HiddenAnswers hidden) {
    AnswersRead out;
    out.answers = empty_answers(questionnaire);
    if (!answers.is_object()) {
        out.errors.push_back("\"answers\" must be an object such as {\"adult\": \"yes\"}, not " + describe(answers));
        return out;
    }
    AnswerReader reader(questionnaire, out);
    for (const auto& [id, value] : answers.items()) reader.read(id, value);
    if (!out.ok()) return out;

    AnswerSet visible = out.answers;
    out.dropped = drop_hidden_answers(questionnaire, visible);
    if (hidden == HiddenAnswers::drop || out.dropped.empty()) {
        out.answers = std::move(visible);
        return out;
    }
    for (const std::string& id : out.dropped) {
        const Question& q = questionnaire.questions[*questionnaire.index_of(id)];
        out.errors.push_back("answers." + id + ": '" + id + "' is not asked with these answers (it is shown only when " +
                             (q.show_if ? q.show_if->text() : std::string("?")) + ")");
    }
    out.dropped.clear();
    return out;
}

nlohmann::ordered_json answers_to_json(const AnswerSet& answers, const Questionnaire& questionnaire) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < answers.size() && i < questionnaire.questions.size(); ++i) {
        if (!answers[i].given) continue;
        const std::vector<std::string> chosen = chosen_options(questionnaire, i, answers[i]);
        const CitedAnswer cited{questionnaire.questions[i].id, {chosen.begin(), chosen.end()},
                                questionnaire.questions[i].type == QuestionType::number ? std::optional<double>(answers[i].number)
                                                                                        : std::nullopt,
                                true};
        out[std::string(cited.question)] = nlohmann::ordered_json(answer_to_json(cited, questionnaire));
    }
    return out;
}

nlohmann::ordered_json decision_to_json(const RoutingDecision& decision, const Questionnaire& questionnaire, const content::LocalizedText& text) {
    using ordered = nlohmann::ordered_json;
    ordered fired = ordered::array();
    for (const FiredRule& f : decision.fired) {
        ordered answers = ordered::object();
        for (const CitedAnswer& a : f.answers) answers[std::string(a.question)] = ordered(answer_to_json(a, questionnaire));
        fired.push_back(ordered{{"rule", f.rule_id},
                         {"severity", severity_name(f.severity)},
                         {"answers", answers},
                         {"patient_message", text.text(f.patient_message_key)},
                         {"staff_rationale", text.text(f.staff_rationale_key)},
                         {"source", f.source}});
    }
    return ordered{{"severity", severity_name(decision.severity)}, {"content_version", decision.content_version}, {"fired", fired}};
}

}  // namespace kiosk::screening
