#include "content_bundle.hpp"

#include "audio_clips.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <unicode/unistr.h>

#include "image_check.hpp"
#include "locale_tag.hpp"
#include "spelling_suggestion.hpp"
#include "toml_string_position.hpp"
#include "translation_confirmations.hpp"

namespace kiosk::content {

namespace {

// Unknown keys of one locale file that get a "did you mean" (each costs a comparison with every
// known key); the rest are reported without one.
constexpr int suggestions_per_file = 20;

std::string join_names(const std::vector<std::string>& names, std::string_view open = "{", std::string_view close = "}") {
    if (names.empty()) return "none";
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + std::string(open) + n + std::string(close);
    return out;
}

std::vector<std::string> missing_from(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
    std::vector<std::string> out;
    std::set_difference(wanted.begin(), wanted.end(), have.begin(), have.end(), std::back_inserter(out));
    return out;
}

// Whether a text has a letter outside its {placeholders}: "{minutes, number, …}" has none, and
// is the same in every language on purpose.
bool has_words(std::string_view text) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    int depth = 0;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const UChar32 c = u.char32At(i);
        if (c == '{') ++depth;
        else if (c == '}' && depth > 0) --depth;
        else if (depth == 0 && u_isalpha(c)) return true;
    }
    return false;
}

// Who confirmed a text and when, and the text it was checked against (`then_named`) beside the
// text as it is now: what an editor needs to check it again.
std::string confirmed_then_and_now(const Confirmation& confirmed, const std::string& then_named, const std::string& now) {
    std::string out;
    if (!confirmed.by.empty()) out += " by " + confirmed.by;
    if (!confirmed.on.empty()) out += " on " + confirmed.on;
    if (!confirmed.english.empty()) out += ": " + then_named + " was \"" + confirmed.english + "\" and is now \"" + now + "\"";
    return out;
}

// What a translator needs to check a stale text: the English as it was confirmed and as it is.
std::string stale_message(const std::string& tag, const std::string& key, const Confirmation* confirmed, const std::string& english_now) {
    std::string out = "stale: the English text of '" + key + "' changed since this translation was confirmed";
    out += confirmed == nullptr ? " (it never was)" : confirmed_then_and_now(*confirmed, "the English", english_now);
    return out + "; check it, then run: kiosk-content confirm " + tag + " " + key;
}

// A spoken form is read only while it was confirmed against the text it reads, as that text is
// now (kiosk-content confirm TAG spoken.KEY): a text edited after its spoken form would otherwise
// be heard as it was. One that is not is dropped, so that the text is read as shown, and lint says
// why. `english`: the base locale, whose text a translation without its own shows.
void drop_unconfirmed_spoken(const LocaleFile& file, LocaleTexts& locale, const LocaleTexts& english, const Confirmations& confirmed,
                             Diagnostics& diagnostics) {
    for (const auto& [key, entry] : file.spoken) {
        if (!locale.spoken.contains(key)) continue;  // refused already, with its own error
        const std::string& shown = text_a_spoken_form_reads(locale, english, key);
        const auto c = confirmed.find(std::string(spoken_prefix) + key);
        if (c != confirmed.end() && c->second.fingerprint == source_fingerprint(shown)) continue;
        const std::string why = c == confirmed.end()
                                    ? "'spoken." + key + "' has not been confirmed against the text it reads, \"" + shown + "\""
                                    : "stale: the text '" + key + "' changed since its spoken form was confirmed" + confirmed_then_and_now(c->second, "it", shown);
        diagnostics.warning(file.relative_path, entry.key_at,
                            why + "; until then the text is read as shown. Check the spoken form, then run: kiosk-content confirm " + file.tag +
                                " spoken." + key);
        locale.spoken.erase(key);
        locale.unconfirmed_spoken.insert(key);
    }
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string describe_locale(const LocaleTexts& l) {
    return l.native_name + " (" + l.tag + ")";
}

// Compiles one file's texts, reporting syntax problems where they are in the file.
void compile_entries(const LocaleFile& file, LocaleTexts& out, Diagnostics& diagnostics) {
    for (const auto& [key, entry] : file.entries) {
        if (is_blank(entry.text)) {
            diagnostics.error(file.relative_path, entry.value_at, "'" + key + "' is blank; a patient would see nothing");
            continue;
        }
        CompiledMessage message = CompiledMessage::compile(entry.text, out.locale);
        if (!message.ok()) {
            diagnostics.error(file.relative_path, position_in_toml_string(file.text, entry.value_at, message.problem()->offset),
                              "in '" + key + "': " + message.problem()->message);
            continue;
        }
        out.messages.emplace(key, std::move(message));
    }
}

// The [spoken] forms of a file: each reads a text the base locale has, with no value that text is
// not given (the kiosk formats both with the same values).
void compile_spoken(const LocaleFile& file, const LocaleTexts& english, LocaleTexts& out, Diagnostics& diagnostics) {
    for (const auto& [key, entry] : file.spoken) {
        const std::string named = "'spoken." + key + "'";
        const auto shown = english.messages.find(key);
        if (shown == english.messages.end()) {
            diagnostics.error(file.relative_path, entry.key_at,
                              named + ": '" + key + "' is not a text of the base locale (locales/en.toml); a spoken form says how a shown text is read aloud");
            continue;
        }
        if (is_blank(entry.text)) {
            diagnostics.error(file.relative_path, entry.value_at, named + " is blank; a listener would hear nothing (remove it to read the text as shown)");
            continue;
        }
        CompiledMessage message = CompiledMessage::compile(entry.text, out.locale);
        if (!message.ok()) {
            diagnostics.error(file.relative_path, position_in_toml_string(file.text, entry.value_at, message.problem()->offset),
                              "in " + named + ": " + message.problem()->message);
            continue;
        }
        std::vector<std::string> unknown = missing_from(message.shape().arguments, shown->second.shape().arguments);
        if (!unknown.empty()) {
            diagnostics.error(file.relative_path, entry.value_at,
                              named + " uses " + join_names(unknown, "{", "}") + ", which '" + key + "' is not given; it may use " +
                                  join_names(shown->second.shape().arguments, "{", "}"));
            continue;
        }
        out.spoken.emplace(key, std::move(message));
    }
}

// Plural cases the language needs (CLDR) against the cases the text gives.
void check_plural_cases(const LocaleFile& file, const std::string& key, const LocaleEntry& entry, const CompiledMessage& message,
                        const LocaleTexts& locale, Diagnostics& diagnostics) {
    for (const ChoiceArgument& choice : message.shape().choices) {
        if (choice.kind == ChoiceArgument::Kind::select) continue;
        const std::vector<std::string> needed = plural_categories(locale.locale, choice.kind == ChoiceArgument::Kind::ordinal);
        const SourcePosition at = position_in_toml_string(file.text, entry.value_at, choice.offset);
        if (auto lacking = missing_from(needed, choice.cases); !lacking.empty()) {
            diagnostics.error(file.relative_path, at,
                              "in '" + key + "': the plural of {" + choice.name + "} lacks " + join_names(lacking, "'", "'") +
                                  ", which " + locale.native_name + " needs (it uses " + join_names(needed, "'", "'") + ")");
        }
        if (auto unused = missing_from(choice.cases, needed); !unused.empty()) {
            diagnostics.warning(file.relative_path, at,
                                "in '" + key + "': " + join_names(unused, "'", "'") + " is never chosen in " + locale.native_name +
                                    " and can be removed");
        }
    }
}

// A translation must use the same values as the English text: a missing one loses information,
// an extra one would show as a raw "{name}".
void compare_with_base(const LocaleFile& file, const std::string& key, const LocaleEntry& entry, const CompiledMessage& message,
                       const CompiledMessage& english, Diagnostics& diagnostics) {
    if (message.shape().arguments != english.shape().arguments) {
        diagnostics.error(file.relative_path, entry.value_at,
                          "in '" + key + "': the placeholders differ from the English text, which uses " +
                              join_names(english.shape().arguments) + "; this text uses " + join_names(message.shape().arguments));
    }
    for (const ChoiceArgument& english_choice : english.shape().choices) {
        if (english_choice.kind != ChoiceArgument::Kind::select) continue;
        for (const ChoiceArgument& choice : message.shape().choices) {
            if (choice.name != english_choice.name || choice.kind != ChoiceArgument::Kind::select) continue;
            if (auto lacking = missing_from(english_choice.cases, choice.cases); !lacking.empty()) {
                diagnostics.warning(file.relative_path, position_in_toml_string(file.text, entry.value_at, choice.offset),
                                    "in '" + key + "': the select on {" + choice.name + "} lacks " + join_names(lacking, "'", "'") +
                                        " that the English text has; those fall to 'other'");
            }
        }
    }
}

// Scripts whose letters change shape and order through OpenType rules (HarfBuzz), which the
// kiosk's presentation-form pipeline cannot do: say so instead of showing broken text.
std::optional<std::string> script_needing_shaping(std::string_view utf8) {
    struct Range { char32_t first, last; const char* name; };
    static constexpr Range ranges[] = {{0x0900, 0x0DFF, "an Indic script (Devanagari, Bengali, Tamil, …)"},
                                       {0x0E00, 0x0EFF, "Thai or Lao"},
                                       {0x1000, 0x109F, "Myanmar"},
                                       {0x1780, 0x17FF, "Khmer"}};
    const icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        const auto c = static_cast<char32_t>(s.char32At(i));
        for (const Range& r : ranges) {
            if (c >= r.first && c <= r.last) return std::string(r.name);
        }
    }
    return std::nullopt;
}

void check_scripts(const LocaleFile& file, Diagnostics& diagnostics) {
    for (const auto& [key, entry] : file.entries) {
        if (auto script = script_needing_shaping(entry.text)) {
            diagnostics.warning(file.relative_path, entry.value_at,
                                "'" + key + "' is written in " + *script + ", which needs OpenType shaping that the kiosk does not "
                                "do yet: patients would see it wrongly joined or ordered");
            return;  // once per file is enough to say it
        }
    }
}

void check_direction(const LocaleFile& file, const LocaleTexts& locale, Diagnostics& diagnostics) {
    if (file.direction_at.line == 0) return;  // not validly declared: already an error
    const bool declared_rtl = file.direction == TextDirection::right_to_left;
    if (declared_rtl != language_is_right_to_left(locale.locale)) {
        diagnostics.warning(file.relative_path, file.direction_at,
                            locale.native_name + " is normally written " + (declared_rtl ? "left to right" : "right to left") +
                                " but this file declares direction = \"" + (declared_rtl ? "rtl" : "ltr") + "\"");
    }
}

LocaleTexts make_locale_texts(const LocaleFile& file) {
    LocaleTexts out;
    out.tag = file.tag;
    out.locale = locale_from_tag(file.tag);
    out.native_name = native_language_name(out.locale);
    out.relative_path = file.relative_path;
    out.direction = file.direction;
    out.status = file.status;
    out.reviewer = file.reviewer;
    out.reviewed_on = file.reviewed_on;
    return out;
}

class BundleChecker {
public:
    BundleChecker(const std::filesystem::path& dir, const BundleLoadOptions& options, BundleLoad& load)
        : dir_(dir), options_(options), load_(load), d_(load.diagnostics) {}

    void run() {
        load_.bundle.directory = dir_;
        if (!std::filesystem::is_directory(dir_)) {
            d_.error(dir_.string(), {}, "no such bundle folder");
            return;
        }
        load_.bundle.structure = read_bundle_structure(dir_, d_);
        std::vector<LocaleFile> files = read_locale_files();
        auto base = std::find_if(files.begin(), files.end(), [](const LocaleFile& f) { return f.tag == base_locale_tag; });
        if (base == files.end()) {
            d_.error("locales/en.toml", {}, "the base locale file locales/en.toml is missing: every text must exist in English");
            return;
        }
        LocaleTexts english = make_locale_texts(*base);
        compile_entries(*base, english, d_);
        for (const auto& [key, message] : english.messages) check_plural_cases(*base, key, base->entries.at(key), message, english, d_);
        compile_spoken(*base, english, english, d_);
        drop_unconfirmed_spoken(*base, english, english, read_confirmations(dir_, base->tag, d_), d_);
        load_.bundle.locales.push_back(std::move(english));

        const bool structure_ok = check_structure_against_base(*base);
        check_images();
        for (const LocaleFile& file : files) {
            if (file.tag != base_locale_tag) check_translation(file, *base);
        }
        check_audio_clips(dir_, load_.bundle, d_);
        summarise();
        load_.usable = structure_ok;
        d_.sort();
    }

private:
    std::vector<LocaleFile> read_locale_files() {
        std::vector<std::string> paths;
        std::error_code ec;
        // Every *.toml is a locale file, whatever it is: one that is a folder, a device or a
        // broken link is reported by the reader, never skipped in silence. Errors are codes,
        // not exceptions (a link loop threw out of the loader).
        for (std::filesystem::directory_iterator it(dir_ / "locales", ec), end; !ec && it != end; it.increment(ec)) {
            if (it->path().extension() == ".toml") paths.push_back("locales/" + it->path().filename().string());
        }
        if (ec) d_.error("locales", {}, "cannot read the folder: " + ec.message());
        std::sort(paths.begin(), paths.end());
        std::vector<LocaleFile> files;
        for (const std::string& path : paths) {
            const std::size_t before = d_.items().size();
            if (auto file = read_locale_file(dir_, path, d_)) {
                files.push_back(std::move(*file));
                continue;
            }
            UnreadableLocale lost{std::filesystem::path(path).stem().string(), path, {path, {}, Severity::error, "could not be read"}};
            for (std::size_t i = before; i < d_.items().size(); ++i) {
                if (d_.items()[i].severity == Severity::error) {
                    lost.error = d_.items()[i];
                    break;
                }
            }
            load_.bundle.unreadable.push_back(std::move(lost));
        }
        return files;
    }

    const CompiledMessage* english(const std::string& key) const {
        const auto& messages = load_.bundle.base().messages;
        auto it = messages.find(key);
        return it == messages.end() ? nullptr : &it->second;
    }

    // Every key the structure and the kiosk name must exist in English with the values given.
    bool check_structure_against_base(const LocaleFile& base) {
        bool ok = true;
        const auto report_missing = [&](const std::string& file, SourcePosition at, const std::string& key) {
            const bool exists_broken = base.entries.contains(key);
            std::vector<std::string_view> keys;
            for (const auto& [k, e] : base.entries) keys.push_back(k);
            d_.error(file, at, exists_broken ? "text '" + key + "' in locales/en.toml has an error (see there), so it cannot be shown"
                                             : "no text with the key '" + key + "' in locales/en.toml" + did_you_mean(key, keys));
            ok = false;
        };
        std::vector<const TextRef*> refs = all_text_refs(load_.bundle.structure);
        for (const TextRef& ref : options_.more_text_refs) refs.push_back(&ref);
        for (const TextRef* ref : refs) {
            used_.insert(ref->key);
            const CompiledMessage* message = english(ref->key);
            if (message == nullptr) {
                report_missing(ref->file, ref->at, ref->key);
                continue;
            }
            std::vector<std::string> given;
            for (const MessageArgument& a : ref->arguments) given.push_back(a.name);
            std::sort(given.begin(), given.end());
            if (auto lacking = missing_from(message->shape().arguments, given); !lacking.empty()) {
                d_.error(ref->file, ref->at, "text '" + ref->key + "' needs the value " + join_names(lacking) +
                                                 " but this reference gives " + join_names(given) + " (add args = { … })");
                ok = false;
            }
            if (auto extra = missing_from(given, message->shape().arguments); !extra.empty()) {
                d_.warning(ref->file, ref->at, "text '" + ref->key + "' does not use " + join_names(extra));
            }
        }
        for (const InterfaceText& text : load_.bundle.structure.interface_texts) {
            used_.insert(text.key);
            const CompiledMessage* message = english(text.key);
            if (message == nullptr) {
                report_missing(text.file, text.at, text.key);
            } else if (message->shape().arguments != text.argument_names) {
                const LocaleEntry& entry = base.entries.at(text.key);
                d_.error(base.relative_path, entry.value_at,
                         "'" + text.key + "' must use exactly the values the kiosk gives it: " + join_names(text.argument_names) +
                             "; it uses " + join_names(message->shape().arguments));
                ok = false;
            }
        }
        for (const auto& [key, entry] : base.entries) {
            if (options_.report_unused_texts && !used_.contains(key)) {
                d_.warning(base.relative_path, entry.key_at, "'" + key + "' is not used by any page or kiosk screen");
            }
        }
        return ok;
    }

    void check_images() {
        for (const EducationPage& page : load_.bundle.structure.pages) {
            for (const PageBlock& block : page.blocks) {
                if (block.kind != PageBlock::Kind::image) continue;
                const std::string problem = block.image.path.empty() ? "not found in the bundle folder" : image_problem(dir_ / block.image.path);
                if (!problem.empty()) d_.error(pages_file, block.image.at, "image '" + block.image.path + "' " + problem);
            }
        }
    }

    void check_translation(const LocaleFile& file, const LocaleFile& base) {
        LocaleTexts locale = make_locale_texts(file);
        check_direction(file, locale, d_);
        check_scripts(file, d_);

        // Keys that English does not have would never be shown: almost always a typo.
        std::vector<std::string_view> base_keys;
        for (const auto& [key, entry] : base.entries) base_keys.push_back(key);
        LocaleFile known = file;
        int unknown_keys = 0;
        for (auto it = known.entries.begin(); it != known.entries.end();) {
            // "" is a text not translated yet (kiosk-content new-locale writes them): as if absent.
            if (it->second.text.empty()) {
                it = known.entries.erase(it);
                continue;
            }
            if (base.entries.contains(it->first)) {
                ++it;
                continue;
            }
            // A file of thousands of unknown keys is not a few slips: suggestions for the first
            // few only, so that lint stays quick on any file.
            d_.error(file.relative_path, it->second.key_at,
                     "'" + it->first + "' is not a key of the base locale (locales/en.toml)" +
                         (++unknown_keys <= suggestions_per_file ? did_you_mean(it->first, base_keys) : std::string()));
            it = known.entries.erase(it);
        }
        compile_entries(known, locale, d_);
        compile_spoken(file, load_.bundle.base(), locale, d_);

        const Confirmations confirmed = read_confirmations(dir_, file.tag, d_);
        drop_unconfirmed_spoken(file, locale, load_.bundle.base(), confirmed, d_);
        int stale = 0;
        for (const auto& [key, message] : locale.messages) {
            const LocaleEntry& entry = known.entries.at(key);
            if (const CompiledMessage* en = english(key)) {
                compare_with_base(known, key, entry, message, *en, d_);
                if (message.source_text() == en->source_text() && has_words(en->source_text()) && !file.same_as_english.contains(key)) {
                    d_.warning(file.relative_path, entry.value_at,
                               "'" + key + "' is the same as the English text; translate it, or if it is the same on purpose (a name, \"No\"), "
                               "list it in [locale] same_as_english");
                }
                const auto c = confirmed.find(key);
                if (c == confirmed.end() || c->second.fingerprint != source_fingerprint(en->source_text())) {
                    ++stale;
                    locale.stale_keys.insert(key);
                    d_.warning(file.relative_path, entry.key_at, stale_message(file.tag, key, c == confirmed.end() ? nullptr : &c->second, en->source_text()));
                }
            }
            check_plural_cases(known, key, entry, message, locale, d_);
        }
        for (const auto& [key, entry] : base.entries) {
            const auto written = file.entries.find(key);
            if ((written == file.entries.end() || written->second.text.empty()) && english(key) != nullptr) {
                d_.warning(base.relative_path, entry.key_at,
                           "'" + key + "' has no " + describe_locale(locale) + " translation in " + file.relative_path +
                               "; patients will see the English text");
            }
        }
        stale_by_tag_[file.tag] = stale;
        load_.bundle.locales.push_back(std::move(locale));
    }

    void summarise() {
        const int total = static_cast<int>(load_.bundle.base().messages.size());
        for (const LocaleTexts& l : load_.bundle.locales) {
            LocaleSummary s{l.tag, l.native_name, l.status, l.direction, total, 0, 0, stale_by_tag_[l.tag]};
            for (const auto& [key, m] : load_.bundle.base().messages) {
                if (l.messages.contains(key)) ++s.translated;
                else ++s.missing;
            }
            load_.bundle.summaries.push_back(s);
        }
    }

    std::filesystem::path dir_;
    BundleLoadOptions options_;
    BundleLoad& load_;
    Diagnostics& d_;
    std::set<std::string> used_;
    std::map<std::string, int> stale_by_tag_;
};

}  // namespace

const LocaleTexts* ContentBundle::find(std::string_view tag) const {
    for (const LocaleTexts& l : locales) {
        if (l.tag == tag) return &l;
    }
    return nullptr;
}

BundleLoad load_bundle(const std::filesystem::path& bundle_dir, const BundleLoadOptions& options) {
    BundleLoad load;
    BundleChecker(bundle_dir, options, load).run();
    return load;
}

const std::string& text_a_spoken_form_reads(const LocaleTexts& locale, const LocaleTexts& english, const std::string& key) {
    const auto own = locale.messages.find(key);
    return own != locale.messages.end() ? own->second.source_text() : english.messages.at(key).source_text();
}

}  // namespace kiosk::content
