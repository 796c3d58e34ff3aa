// A rule condition, parsed against the shipped questionnaire (the seeds are the shipped rules)
// and evaluated over answer sets that the input's bytes choose, as routing does.
#include "condition.hpp"
#include "fuzz_input_file.hpp"
#include "kiosk_bundle.hpp"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kiosk::screening::KioskBundle bundle = kiosk::screening::load_kiosk_bundle(KIOSK_SOURCE_DIR);
    const kiosk::screening::Questionnaire& questionnaire = bundle.screening.questionnaire;
    auto parsed = kiosk::screening::parse_condition(kiosk::fuzz::as_text(data, size), questionnaire, questionnaire.questions.size());
    auto* condition = std::get_if<kiosk::screening::Condition>(&parsed);
    if (!condition) return 0;
    kiosk::screening::AnswerSet answers = kiosk::screening::empty_answers(questionnaire);
    (void)condition->evaluate(answers, nullptr);
    for (std::size_t i = 0; i < answers.size(); ++i) {
        const std::uint8_t byte = size > 0 ? data[i % size] : 0;
        answers[i] = kiosk::screening::Answer{true, std::uint64_t{byte} & ((std::uint64_t{1} << std::min<std::size_t>(questionnaire.questions[i].options.size(), 63)) - 1),
                                              static_cast<double>(byte) - 100.0, (byte & 1U) != 0};
    }
    std::vector<std::size_t> cited;
    (void)condition->evaluate(answers, &cited);
    return 0;
}
