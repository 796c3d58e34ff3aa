// An answers file, as `kiosk-screen evaluate` and `kiosk --answers` read it: strict JSON (a key
// twice, 1e999, nesting), then the answers against the shipped questionnaire.
#include "answers_json.hpp"
#include "fuzz_input_file.hpp"
#include "json_file.hpp"
#include "kiosk_bundle.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kiosk::screening::KioskBundle bundle = kiosk::screening::load_kiosk_bundle(KIOSK_SOURCE_DIR);
    const std::filesystem::path file = kiosk::fuzz::write_input("answers.json", data, size);
    auto read = kiosk::screening::read_json_file(file);
    const auto* document = std::get_if<nlohmann::json>(&read);
    if (!document || !document->is_object() || !document->contains("answers")) return 0;
    for (const auto hidden : {kiosk::screening::HiddenAnswers::reject, kiosk::screening::HiddenAnswers::drop}) {
        (void)kiosk::screening::read_answers((*document)["answers"], bundle.screening.questionnaire, hidden);
    }
    return 0;
}
