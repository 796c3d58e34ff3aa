#pragma once
// Every limit on what a file hands the kiosk and its tools, in one place. A file may come from a
// content editor's slip, a translator's tool or an intruder: past a limit it gets an error that
// names the file, line and column, the same in `kiosk-content lint` and in the kiosk (they share
// the loaders, so what lint accepts the kiosk starts on), never a crash, a stall or gigabytes.
//
// Each limit bounds something the code must survive (stack depth where a parser recurses, memory,
// time) and leaves the shipped content far below it: the figure after "shipped" is the largest
// the bundle has today. docs/CONTENT.md lists them for editors.
#include <cstddef>

namespace kiosk::limits {

// Any content file (locale, structure, questionnaire, rules, configuration). Shipped: 35 KB.
inline constexpr std::size_t content_file_bytes = 4 * 1024 * 1024;

// Tables and arrays inside one another, counting each segment of a dotted key or table header
// ([a.b.c] is three deep). toml++ parses these recursively: a header of thousands of segments
// overflowed the stack, so this is checked before toml++ sees the text. Shipped: 5
// ([[page.block]] with an inline table of arguments).
inline constexpr int toml_nesting = 32;

// One key (a text's full dotted name). Shipped: 59 bytes.
inline constexpr std::size_t key_bytes = 256;

// One text of a locale file, in bytes of UTF-8. Shipped: 525 bytes.
inline constexpr std::size_t text_bytes = 32 * 1024;

// Plural and select inside one another in one text; ICU formats them recursively. Shipped: 1.
inline constexpr int message_nesting = 8;

// Brackets and 'not' inside one another in one rule condition; conditions are parsed and
// evaluated recursively. Shipped: 1.
inline constexpr int condition_nesting = 32;

// Options of one question: a question's answer is a set of its options held in 64 bits.
// Shipped: 10.
inline constexpr std::size_t options_per_question = 64;

// An image of an education page: its file, and each side in pixels (decoded, an image takes
// width x height x 4 bytes; 4096 x 4096 is 64 MB). Shipped: 25 KB, 600 x 400.
inline constexpr std::size_t image_bytes = 8 * 1024 * 1024;
inline constexpr int image_side = 4096;
// A recorded clip (assets/audio/<locale>/<key>.wav): a text read aloud, not a programme.
inline constexpr std::size_t audio_clip_bytes = 16 * 1024 * 1024;
inline constexpr double audio_clip_seconds = 120;

// A JSON file a tool reads (answers, scenarios), and arrays and objects inside one another in it.
// Shipped fixtures: 2 KB, 3 deep.
inline constexpr std::size_t json_file_bytes = 1024 * 1024;
inline constexpr int json_nesting = 16;

}  // namespace kiosk::limits
