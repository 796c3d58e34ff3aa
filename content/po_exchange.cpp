#include "po_exchange.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include <unistd.h>

#include <gettext-po.h>

#include "atomic_file.hpp"
#include "locale_file.hpp"
#include "toml_text.hpp"
#include "translation_confirmations.hpp"

namespace kiosk::content {

namespace {

// ---------------------------------------------------------------------------------------------
// libgettextpo reports problems through callbacks; they are collected here for one call.
// ---------------------------------------------------------------------------------------------

struct PoProblem {
    bool error = true;  // else a warning ("Charset missing in header")
    std::size_t line = 0;
    std::string message;
};
std::vector<PoProblem>* collected = nullptr;

void on_error(int severity, po_message_t, const char*, size_t lineno, size_t, int, const char* text) {
    if (collected == nullptr) return;
    std::string message = text != nullptr ? text : "PO syntax error";
    std::replace(message.begin(), message.end(), '\n', ' ');
    message.erase(message.find_last_not_of(' ') + 1);
    collected->push_back({severity != PO_SEVERITY_WARNING, lineno, message});
}
void on_error2(int severity, po_message_t m1, const char* f1, size_t l1, size_t c1, int ml1, const char* t1, po_message_t,
               const char*, size_t, size_t, int, const char*) {
    on_error(severity, m1, f1, l1, c1, ml1, t1);
}

// Collects the library's problems while alive.
class PoProblems {
public:
    PoProblems() { collected = &problems; }
    ~PoProblems() { collected = nullptr; }
    PoProblems(const PoProblems&) = delete;
    PoProblems& operator=(const PoProblems&) = delete;
    po_xerror_handler handler{on_error, on_error2};
    std::vector<PoProblem> problems;
};

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

// Where a key's text is shown, in a translator's words.
std::string shown_where(const std::string& key) {
    const auto starts = [&](std::string_view prefix) { return key.rfind(prefix, 0) == 0; };
    if (starts("page.")) return "an education page (" + key.substr(5, key.find('.', 5) - 5) + ")";
    if (starts("question.")) {
        const std::string id = key.substr(9, key.find('.', 9) - 9);
        if (key.find(".option.") != std::string::npos) return "question '" + id + "': an answer button";
        return "question '" + id + "'";
    }
    if (starts("answer.")) return "an answer button, on every question that offers it";
    if (starts("rule.") && key.ends_with(".patient")) return "the result screen: what a rule tells the patient";
    if (starts("rule.") && key.ends_with(".staff")) return "the staff screens: why a rule flagged a patient";
    if (starts("ui.staff.")) return "the staff screens";
    if (starts("ui.")) return "the kiosk's screens (" + key.substr(3, key.find('.', 3) - 3) + ")";
    return "the kiosk";
}

// How much room a text has, as layout lint measures it.
std::string room_for(const std::string& key) {
    if (key.find(".option.") != std::string::npos || key.rfind("answer.", 0) == 0) return "an answer button: at most 4 lines";
    if (key.find("progress") != std::string::npos) return "one line above the question or page, beside nothing";
    if (key.rfind("ui.nav.", 0) == 0 || key.rfind("ui.button.", 0) == 0 || key.ends_with(".start") || key.ends_with(".send") ||
        key.ends_with(".done")) {
        return "a button: at most 2 lines, no word wider than the button";
    }
    return "wraps on screen; no single word may be wider than its column";
}

// The English file's own comment lines just above a key: what the editors wrote for translators.
std::vector<std::string> note_above(const std::vector<std::string>& english_lines, int key_line) {
    std::vector<std::string> notes;
    for (int l = key_line - 2; l >= 0; --l) {
        const std::string& line = english_lines[static_cast<std::size_t>(l)];
        const std::size_t start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] != '#') break;
        notes.insert(notes.begin(), line.substr(line.find_first_not_of("# \t", start) == std::string::npos ? line.size() : line.find_first_not_of("# \t", start)));
    }
    return notes;
}

// libgettextpo writes only the format flags gettext knows; "icu-message-format" (read by Weblate
// and Crowdin) is added to each entry's flags line, or as its own line before msgctxt.
std::string with_icu_flag(const std::string& po_text) {
    std::vector<std::string> lines = lines_of(po_text);
    std::vector<std::string> out;
    for (const std::string& line : lines) {
        if (line.rfind("msgctxt \"", 0) == 0) {
            // The entry's comment block is what was just written, back to the first non-comment.
            std::size_t block = out.size();
            while (block > 0 && out[block - 1].rfind('#', 0) == 0) --block;
            bool flagged = false;
            std::size_t before_previous = out.size();
            for (std::size_t i = block; i < out.size(); ++i) {
                if (out[i].rfind("#,", 0) == 0) {
                    out[i] += ", icu-message-format";
                    flagged = true;
                }
                if (out[i].rfind("#|", 0) == 0 && before_previous == out.size()) before_previous = i;
            }
            if (!flagged) out.insert(out.begin() + static_cast<std::ptrdiff_t>(before_previous), "#, icu-message-format");
        }
        out.push_back(line);
    }
    std::string text;
    for (const std::string& line : out) text += line + "\n";
    return text;
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

std::vector<std::string> segments(const std::string& dotted) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = dotted.find('.', start);
        out.push_back(dotted.substr(start, dot - start));
        if (dot == std::string::npos) return out;
        start = dot + 1;
    }
}

std::string joined(const std::vector<std::string>& parts, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < parts.size(); ++i) out += (i > from ? "." : "") + parts[i];
    return out;
}

// A locale file as written: its spoken forms back under their "spoken." keys, so that they are
// found, changed and inserted beside each other like any text.
LocaleFile as_written(LocaleFile file) {
    for (auto& [key, entry] : file.spoken) file.entries.emplace(std::string(spoken_prefix) + key, std::move(entry));
    file.spoken.clear();
    return file;
}

struct Edit {
    std::size_t begin = 0;
    std::size_t end = 0;  // == begin: an insertion
    std::string text;
};

// Where and how to write a key the locale file lacks: after the last key of the table it belongs
// in (found through the key sharing most of its path), in the form that table's keys are written;
// or, when there is none, as a new table at the end of the file.
Edit insertion_for(const LocaleFile& file, const std::string& key, const std::string& text) {
    const std::vector<std::string> path = segments(key);
    const LocaleEntry* sibling = nullptr;
    std::size_t sibling_prefix = 0;
    std::size_t table_depth = 0;
    for (const auto& [other, entry] : file.entries) {
        const std::vector<std::string> other_path = segments(other);
        std::size_t common = 0;
        while (common < path.size() - 1 && common < other_path.size() - 1 && path[common] == other_path[common]) ++common;
        // How the other key is written: the text from its key to the '=' on its line.
        const std::size_t key_begin = offset_of(file.text, entry.key_at.line, entry.key_at.column);
        std::string written = file.text.substr(key_begin, file.text.find('=', key_begin) - key_begin);
        written.erase(written.find_last_not_of(" \t") + 1);
        if (written.find('"') != std::string::npos || written.find('\'') != std::string::npos) continue;  // quoted keys: not copied
        const std::size_t depth = other_path.size() - segments(written).size();  // the table's path length
        if (common < depth) continue;  // a different table
        if (sibling == nullptr || common > sibling_prefix || (common == sibling_prefix && entry.key_at.line > sibling->key_at.line)) {
            sibling = &entry;
            sibling_prefix = common;
            table_depth = depth;
        }
    }
    if (sibling == nullptr) {
        Edit e;
        e.begin = e.end = file.text.size();
        e.text = std::string(file.text.empty() || file.text.back() == '\n' ? "" : "\n") + "\n[" + joined({path.begin(), path.end() - 1}, 0) + "]\n" +
                 path.back() + " = " + toml_quoted(text) + "\n";
        return e;
    }
    const std::size_t value_begin = offset_of(file.text, sibling->value_at.line, sibling->value_at.column);
    std::size_t line_end = file.text.find('\n', string_end(file.text, value_begin));
    if (line_end == std::string::npos) line_end = file.text.size();
    return Edit{line_end, line_end, "\n" + joined(path, table_depth) + " = " + toml_quoted(text)};
}

// The PO file's line of the entry for `key` (its msgctxt line), or 0.
std::size_t po_line_of(const std::vector<std::string>& po_lines, const std::string& key) {
    const std::string wanted = "msgctxt \"" + key + "\"";
    for (std::size_t i = 0; i < po_lines.size(); ++i) {
        if (po_lines[i] == wanted) return i + 1;
    }
    return 0;
}

// The key whose value spans `line` in the (new) locale file.
std::string key_at_line(const LocaleFile& file, int line) {
    std::string best;
    int best_line = 0;
    for (const auto& [key, entry] : file.entries) {
        if (entry.key_at.line <= line && entry.key_at.line > best_line) {
            best = key;
            best_line = entry.key_at.line;
        }
    }
    return best;
}

}  // namespace

std::string export_po(const std::filesystem::path& bundle_dir, const BundleLoad& load, std::string_view tag, const std::filesystem::path& po_file) {
    const LocaleTexts* locale = load.bundle.find(tag);
    if (locale == nullptr || tag == base_locale_tag) return "'" + std::string(tag) + "' is not a translation in " + (bundle_dir / "locales").string();
    Diagnostics ignored;  // lint reports these files' problems
    const std::optional<LocaleFile> english = read_locale_file(bundle_dir, load.bundle.base().relative_path, ignored);
    const std::optional<LocaleFile> translation = read_locale_file(bundle_dir, locale->relative_path, ignored);
    if (!english || !translation) return "cannot read " + (english ? locale->relative_path : load.bundle.base().relative_path);
    const Confirmations confirmed = read_confirmations(bundle_dir, tag, ignored);
    const std::vector<std::string> english_lines = lines_of(english->text);

    po_file_t po = po_file_create();
    po_message_iterator_t it = po_message_iterator(po, nullptr);
    po_message_t header = po_message_create();
    po_message_set_msgid(header, "");
    const std::string header_text = "Project-Id-Version: magnesium-kiosk content\nLanguage: " + std::string(tag) +
                                    "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
                                    "X-Generator: kiosk-content export-po\n";
    po_message_set_msgstr(header, header_text.c_str());
    po_message_insert(it, header);
    for (const auto& [key, entry] : english->entries) {
        po_message_t m = po_message_create();
        po_message_set_msgctxt(m, key.c_str());
        po_message_set_msgid(m, entry.text.c_str());
        const auto translated = translation->entries.find(key);
        po_message_set_msgstr(m, translated != translation->entries.end() ? translated->second.text.c_str() : "");
        std::string comments = "shown on: " + shown_where(key) + "\n";
        const auto compiled = load.bundle.base().messages.find(key);
        if (compiled != load.bundle.base().messages.end() && !compiled->second.shape().arguments.empty()) {
            comments += "placeholders, keep them as they are:";
            for (const std::string& name : compiled->second.shape().arguments) comments += " {" + name + "}";
            comments += "\n";
        }
        for (const std::string& note : note_above(english_lines, entry.key_at.line)) comments += "note: " + note + "\n";
        comments += "room: " + room_for(key);
        po_message_set_extracted_comments(m, comments.c_str());
        // Stale: translated against an English text that has changed since.
        const auto fingerprint = confirmed.find(key);
        if (translated != translation->entries.end() && (fingerprint == confirmed.end() || fingerprint->second.fingerprint != source_fingerprint(entry.text))) {
            po_message_set_fuzzy(m, 1);
            // The English it was translated from, where known: tools show translators the change.
            if (fingerprint != confirmed.end() && !fingerprint->second.english.empty()) po_message_set_prev_msgid(m, fingerprint->second.english.c_str());
        }
        po_message_insert(it, m);
    }
    // Spoken forms: the translation's, and an empty one wherever English has one.
    std::set<std::string> spoken_keys;
    for (const auto& [key, entry] : translation->spoken) spoken_keys.insert(key);
    for (const auto& [key, entry] : english->spoken) spoken_keys.insert(key);
    for (const std::string& key : spoken_keys) {
        const auto shown = english->entries.find(key);
        if (shown == english->entries.end()) continue;  // lint reports it
        po_message_t m = po_message_create();
        po_message_set_msgctxt(m, (std::string(spoken_prefix) + key).c_str());
        po_message_set_msgid(m, shown->second.text.c_str());
        const auto spoken = translation->spoken.find(key);
        po_message_set_msgstr(m, spoken != translation->spoken.end() ? spoken->second.text.c_str() : "");
        const auto english_spoken = english->spoken.find(key);
        std::string comments = "spoken form, never shown: how the text of '" + key +
                               "' is read aloud where the words on screen read badly (vowels, abbreviations, numbers); leave it empty to "
                               "read the text as shown";
        if (english_spoken != english->spoken.end()) comments += "\nEnglish reads it aloud as: " + english_spoken->second.text;
        po_message_set_extracted_comments(m, comments.c_str());
        po_message_insert(it, m);
    }
    po_message_iterator_free(it);
    const std::filesystem::path written = po_file.string() + ".tmp" + std::to_string(getpid());
    std::string problem;
    {
        PoProblems problems;
        const bool wrote = po_file_write(po, written.c_str(), &problems.handler) != nullptr;
        const bool failed = std::any_of(problems.problems.begin(), problems.problems.end(), [](const PoProblem& p) { return p.error; });
        if (!wrote || failed) {
            problem = "cannot write " + po_file.string() + (problems.problems.empty() ? "" : ": " + problems.problems.front().message);
        }
    }
    po_file_free(po);
    std::error_code ec;
    if (problem.empty() && !replace_file(po_file, with_icu_flag(read_text(written))).empty()) problem = "cannot write " + po_file.string();
    std::filesystem::remove(written, ec);
    return problem;
}

PoImport import_po(const std::filesystem::path& bundle_dir, std::string_view tag, const std::filesystem::path& po_file) {
    PoImport result;
    const std::string po_name = po_file.string();
    const std::string relative = "locales/" + std::string(tag) + ".toml";
    Diagnostics ignored;
    const std::optional<LocaleFile> english = read_locale_file(bundle_dir, "locales/" + std::string(base_locale_tag) + ".toml", ignored);
    const std::optional<LocaleFile> read = read_locale_file(bundle_dir, relative, ignored);
    if (tag == base_locale_tag || !english || !read) {
        result.diagnostics.error(relative, {}, "cannot import into " + relative + ": it must be a translation that lint can read");
        return result;
    }
    const std::optional<LocaleFile> translation = as_written(*read);
    if (!std::filesystem::exists(po_file)) {
        result.diagnostics.error(po_name, {}, "no such file");
        return result;
    }
    const std::vector<std::string> po_lines = lines_of(read_text(po_file));

    // 1. Read the PO file with libgettextpo.
    std::map<std::string, std::string> incoming;  // key -> translation
    {
        PoProblems problems;
        po_file_t po = po_file_read(po_name.c_str(), &problems.handler);
        for (const PoProblem& p : problems.problems) {
            if (p.error) result.diagnostics.error(po_name, {static_cast<int>(p.line), 1}, p.message);
            else result.diagnostics.warning(po_name, {static_cast<int>(p.line), 1}, p.message);
        }
        if (result.diagnostics.has_errors()) {
            if (po != nullptr) po_file_free(po);
            return result;
        }
        if (po == nullptr) return result;
        po_message_iterator_t it = po_message_iterator(po, nullptr);
        for (po_message_t m = po_next_message(it); m != nullptr; m = po_next_message(it)) {
            if (po_message_is_obsolete(m)) continue;
            const char* context = po_message_msgctxt(m);
            const std::string msgid = po_message_msgid(m);
            if (context == nullptr) {
                if (!msgid.empty()) result.diagnostics.error(po_name, {}, "an entry without msgctxt (the text's key): \"" + msgid.substr(0, 40) + "\"");
                continue;
            }
            const std::string key = context;
            const SourcePosition at{static_cast<int>(po_line_of(po_lines, key)), 1};
            const std::string shown_key = key.starts_with(spoken_prefix) ? key.substr(spoken_prefix.size()) : key;
            if (!english->entries.contains(shown_key)) {
                result.diagnostics.error(po_name, at, "unknown key '" + key + "': there is no such text in locales/en.toml");
                continue;
            }
            if (po_message_msgid_plural(m) != nullptr) {
                result.diagnostics.error(po_name, at, "in '" + key + "': gettext plurals are not used; write plurals inside the text ({n, plural, …})");
                continue;
            }
            const std::string msgstr = po_message_msgstr(m);
            if (!msgstr.empty()) incoming[key] = msgstr;  // empty: not translated in the PO; the file keeps what it has
        }
        po_message_iterator_free(it);
        po_file_free(po);
    }
    if (result.diagnostics.has_errors()) return result;

    // 2. The changed locale file, in memory: changed values replaced in place, new keys inserted.
    std::vector<Edit> edits;
    for (const auto& [key, text] : incoming) {
        const auto existing = translation->entries.find(key);
        if (existing == translation->entries.end()) {
            edits.push_back(insertion_for(*translation, key, text));
            ++result.added;
        } else if (existing->second.text != text) {
            const std::size_t begin = offset_of(translation->text, existing->second.value_at.line, existing->second.value_at.column);
            edits.push_back({begin, string_end(translation->text, begin), toml_quoted(text)});
            ++result.changed;
        }
    }
    if (edits.empty()) return result;  // nothing to change: the file is not touched
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
    std::string changed_text = translation->text;
    for (const Edit& e : edits) changed_text.replace(e.begin, e.end - e.begin, e.text);

    // 3. Validated exactly as lint does: the whole bundle loaded with the changed file, in a copy.
    const std::filesystem::path copy = std::filesystem::temp_directory_path() / ("kiosk-import-" + std::to_string(getpid()));
    std::error_code ec;
    std::filesystem::remove_all(copy, ec);
    std::filesystem::create_directories(copy, ec);
    for (const char* part : {"structure", "locales"}) {
        std::filesystem::copy(bundle_dir / part, copy / part, std::filesystem::copy_options::recursive, ec);
    }
    BundleLoad checked;
    if (!ec && replace_file(copy / relative, changed_text).empty()) {
        BundleLoadOptions options;
        options.report_unused_texts = false;  // the questionnaire's and rules' keys are the screening library's to name
        checked = load_bundle(copy, options);
    } else {
        result.diagnostics.error(po_name, {}, "cannot check the import in " + copy.string());
    }
    Diagnostics file_problems;
    std::optional<LocaleFile> reread = read_locale_file(copy, relative, file_problems);
    if (reread) reread = as_written(*reread);
    std::filesystem::remove_all(copy, ec);
    for (const Diagnostic& d : checked.diagnostics.items()) {
        if (d.file != relative || d.severity != Severity::error) continue;
        const std::string key = reread ? key_at_line(*reread, d.where.line) : std::string();
        const std::size_t line = key.empty() ? 0 : po_line_of(po_lines, key);
        result.diagnostics.error(po_name, {static_cast<int>(line), 1}, d.message);
    }
    if (result.diagnostics.has_errors()) {
        result.changed = result.added = 0;
        return result;
    }
    // 4. Written in one step.
    if (const std::string problem = replace_file(bundle_dir / relative, changed_text); !problem.empty()) {
        result.diagnostics.error(relative, {}, problem);
        result.changed = result.added = 0;
    }
    return result;
}

}  // namespace kiosk::content
