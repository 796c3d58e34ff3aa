// MessageFormat with hostile arguments: the first line is the pattern, each further line an
// argument value (a number if it reads as one, else text: bidi marks, huge numbers, NaN text).
#include <charconv>
#include <span>

#include <unicode/locid.h>

#include "compiled_message.hpp"
#include "fuzz_input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = kiosk::fuzz::as_text(data, size);
    const std::size_t newline = std::min(text.find('\n'), text.size());
    const std::string_view pattern = text.substr(0, newline);
    for (const char* tag : {"en", "ar", "zh-Hans", "es"}) {
        const kiosk::content::CompiledMessage message = kiosk::content::CompiledMessage::compile(pattern, icu::Locale(tag));
        std::vector<kiosk::content::MessageArgument> arguments;
        std::size_t at = newline;
        for (const std::string& name : message.shape().arguments) {
            std::string_view value;
            if (at < text.size()) {
                const std::size_t end = std::min(text.find('\n', at + 1), text.size());
                value = text.substr(at + 1, end - at - 1);
                at = end;
            }
            std::int64_t number = 0;
            const auto parsed = std::from_chars(value.data(), value.data() + value.size(), number);
            if (parsed.ec == std::errc() && parsed.ptr == value.data() + value.size() && !value.empty()) arguments.push_back({name, number});
            else arguments.push_back({name, std::string(value)});
        }
        (void)message.format(arguments);
    }
    return 0;
}
