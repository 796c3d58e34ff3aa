#pragma once
// The language-neutral part of the bundle: which education pages exist, in which order, made of
// which blocks, and which texts the kiosk's screens use. It names texts by key only; the words
// live in locales/, so a translator cannot break the structure and an editor cannot lose a page.
#include <filesystem>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "message_argument.hpp"

namespace kiosk::content {

// A reference from the structure to one localized text, with the language-neutral values it is
// formatted with (a duration of 60 minutes, a dose of 1 g).
struct TextRef {
    std::string key;
    std::vector<MessageArgument> arguments;
    std::string file;  // where the reference is written, for diagnostics
    SourcePosition at;
};

struct TableBlock {
    std::vector<TextRef> columns;
    std::vector<std::vector<TextRef>> rows;
};

struct ImageBlock {
    std::string path;  // relative to the bundle folder, e.g. "assets/images/iv-drip.png"
    SourcePosition at; // where the path is written in pages.toml
    TextRef alt;       // read aloud / shown when the image cannot be
};

struct PageBlock {
    enum class Kind { paragraph, heading, list, table, image } kind = Kind::paragraph;
    TextRef text;                // paragraph, heading
    std::vector<TextRef> items;  // list
    bool numbered = false;       // list
    TableBlock table;
    ImageBlock image;
};

struct EducationPage {
    std::string id;
    TextRef title;
    std::vector<PageBlock> blocks;
};

// A text the kiosk's own code shows, and the names of the values the code passes to it.
struct InterfaceText {
    std::string key;
    std::vector<std::string> argument_names;  // sorted
    std::string file;
    SourcePosition at;
};

struct BundleStructure {
    std::vector<EducationPage> pages;
    TextRef page_footer;  // shown at the end of every page (the kiosk does not replace a clinician)
    std::vector<InterfaceText> interface_texts;
};

inline constexpr const char* pages_file = "structure/pages.toml";
inline constexpr const char* interface_file = "structure/interface.toml";

// Reads structure/pages.toml and structure/interface.toml, reporting every problem.
BundleStructure read_bundle_structure(const std::filesystem::path& bundle_dir, Diagnostics& diagnostics);

// Every reference in the structure, for checking them against the base locale in one place.
std::vector<const TextRef*> all_text_refs(const BundleStructure& structure);

}  // namespace kiosk::content
