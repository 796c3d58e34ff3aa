// Translators' PO files: a round trip leaves every locale file byte for byte, an edited PO imports
// only what changed, and a PO with any error is refused whole, naming its own line.
#include <doctest/doctest.h>

#include <algorithm>

#include <fstream>
#include <regex>

#include "content_bundle.hpp"
#include "localized_text.hpp"
#include "po_exchange.hpp"
#include "temp_bundle.hpp"
#include "translation_confirmations.hpp"

using namespace kiosk::content;
using kiosk::test::read_text_file;
using kiosk::test::TempBundle;

namespace {

std::string export_text(const TempBundle& bundle, const std::string& tag) {
    const BundleLoad load = load_bundle(bundle.dir());
    const std::filesystem::path po = bundle.dir() / (tag + ".po");
    REQUIRE(export_po(bundle.dir(), load, tag, po).empty());
    return read_text_file(po);
}

void write(const std::filesystem::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

// Replaces the msgstr of the entry with this msgctxt.
std::string with_msgstr(std::string po, const std::string& key, const std::string& from, const std::string& to) {
    const std::string entry = "msgctxt \"" + key + "\"\n";
    const std::size_t at = po.find(entry);
    REQUIRE(at != std::string::npos);
    const std::size_t msgstr = po.find("msgstr \"" + from + "\"", at);
    REQUIRE(msgstr != std::string::npos);
    return po.replace(msgstr, 8 + from.size() + 1, "msgstr \"" + to + "\"");
}

std::size_t line_of(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
}

// `po` written as the translator's file NAME in the bundle, then imported into es.
PoImport import_es(const TempBundle& bundle, const std::string& name, const std::string& po) {
    write(bundle.dir() / name, po);
    return import_po(bundle.dir(), "es", bundle.dir() / name);
}

}  // namespace

TEST_CASE("export-po then import-po leaves every shipped translation byte for byte") {
    const TempBundle bundle = TempBundle::shipped();
    for (const std::string tag : {"es", "ar", "zh-Hans"}) {
        CAPTURE(tag);
        const std::string before = bundle.read("locales/" + tag + ".toml");
        const std::string po = export_text(bundle, tag);
        CHECK(po.find("\"Language: " + tag + "\\n\"") != std::string::npos);
        const PoImport imported = import_po(bundle.dir(), tag, bundle.dir() / (tag + ".po"));
        CHECK_FALSE(imported.diagnostics.has_errors());
        CHECK(imported.changed == 0);
        CHECK(imported.added == 0);
        CHECK(bundle.read("locales/" + tag + ".toml") == before);
    }
}

TEST_CASE("an exported entry: the key as msgctxt, English as msgid, the translation, placeholders and the English file's note") {
    const TempBundle bundle = TempBundle::shipped();
    const std::string po = export_text(bundle, "es");
    CHECK(po.find("#. shown on: the kiosk's screens (welcome)\n"
                  "#. placeholders, keep them as they are: {file} {line}\n"
                  "#. note: For staff, at the foot of the welcome screen, when a locale file could not be read at all.\n") != std::string::npos);
    CHECK(po.find("#, icu-message-format\nmsgctxt \"ui.nav.next\"\nmsgid \"Next\"\nmsgstr \"Siguiente\"\n") != std::string::npos);
}

TEST_CASE("a stale translation is exported fuzzy, a missing one with an empty msgstr") {
    TempBundle bundle = TempBundle::shipped();
    bundle.replace("locales/en.toml", "next = \"Next\"", "next = \"Continue\"");
    bundle.replace("locales/es.toml", "start = \"Empezar\"\n", "");
    const std::string po = export_text(bundle, "es");
    CHECK(po.find("#, fuzzy, icu-message-format\nmsgctxt \"ui.nav.next\"\nmsgid \"Continue\"\nmsgstr \"Siguiente\"\n") != std::string::npos);
    CHECK(po.find("msgctxt \"ui.welcome.start\"\nmsgid \"Start\"\nmsgstr \"\"\n") != std::string::npos);
}

TEST_CASE("an edited PO imports: a changed text in place, a new one beside its table's keys, nothing else touched") {
    TempBundle bundle = TempBundle::shipped();
    bundle.replace("locales/es.toml", "start = \"Empezar\"\n", "");
    const std::string before = bundle.read("locales/es.toml");
    std::string po = export_text(bundle, "es");
    po = with_msgstr(po, "ui.nav.next", "Siguiente", "Continuar");
    po = with_msgstr(po, "ui.welcome.start", "", "Comenzar \\\"ya\\\"");
    const PoImport imported = import_es(bundle, "edited.po", po);
    REQUIRE_FALSE(imported.diagnostics.has_errors());
    CHECK(imported.changed == 1);
    CHECK(imported.added == 1);
    std::string expected = before;
    expected.replace(expected.find("next = \"Siguiente\""), 18, "next = \"Continuar\"");
    const std::size_t after_choose = expected.find('\n', expected.find("choose_language = "));
    const std::size_t last_of_table = expected.find('\n', expected.find("read_every_screen = ", after_choose));
    expected.insert(last_of_table, "\nstart = \"Comenzar \\\"ya\\\"\"");
    CHECK(bundle.read("locales/es.toml") == expected);
    const BundleLoad load = load_bundle(bundle.dir());
    CHECK(load.bundle.find("es")->messages.at("ui.welcome.start").source_text() == "Comenzar \"ya\"");
}

TEST_CASE("a PO with a broken message, a wrong placeholder or an unknown key is refused whole, naming its lines") {
    const TempBundle bundle = TempBundle::shipped();
    const std::string before = bundle.read("locales/es.toml");
    std::string po = export_text(bundle, "es");
    po = with_msgstr(po, "answer.none", "Ninguno de estos", "Ninguno {de estos");
    po = with_msgstr(po, "ui.nav.page_progress", "Página {current, number} de {total, number}", "Página {current, number} de {totl, number}");
    po = with_msgstr(po, "ui.nav.next", "Siguiente", "Continuar");  // a good edit, refused with the rest
    po += "\nmsgctxt \"ui.nav.nxet\"\nmsgid \"Next\"\nmsgstr \"Siguiente\"\n";
    const PoImport imported = import_es(bundle, "bad.po", po);
    CHECK(bundle.read("locales/es.toml") == before);
    CHECK(imported.changed == 0);
    const std::string file = (bundle.dir() / "bad.po").string();
    std::vector<std::string> lines;
    for (const Diagnostic& d : imported.diagnostics.items()) lines.push_back(format_diagnostic(d));
    INFO(lines.size());
    // The unknown key is found first (nothing else is checked until every key is known).
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == file + ":" + std::to_string(line_of(po, "msgctxt \"ui.nav.nxet\"")) +
                          ":1: error: unknown key 'ui.nav.nxet': there is no such text in locales/en.toml");
    // Without it, both broken messages, each at its entry's line.
    po.erase(po.find("\nmsgctxt \"ui.nav.nxet\""));
    po += "\n";
    const PoImport again = import_es(bundle, "bad.po", po);
    CHECK(bundle.read("locales/es.toml") == before);
    lines.clear();
    for (const Diagnostic& d : again.diagnostics.items()) lines.push_back(format_diagnostic(d));
    REQUIRE(lines.size() == 2);
    const std::string none_at = file + ":" + std::to_string(line_of(po, "msgctxt \"answer.none\"")) + ":1: error: in 'answer.none': ";
    const std::string progress_at = file + ":" + std::to_string(line_of(po, "msgctxt \"ui.nav.page_progress\"")) +
                                    ":1: error: in 'ui.nav.page_progress': the placeholders differ from the English text";
    CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.starts_with(none_at); }) == 1);
    CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.starts_with(progress_at); }) == 1);
}

TEST_CASE("a PO that is not PO is refused with its line, and the locale file is untouched") {
    const TempBundle bundle = TempBundle::shipped();
    const std::string before = bundle.read("locales/es.toml");
    const PoImport imported = import_es(bundle, "broken.po", "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"ui.nav.next\"\nmsgid \"Next\nmsgstr \"x\"\n");
    REQUIRE(imported.diagnostics.error_count() == 1);
    const auto error = std::find_if(imported.diagnostics.items().begin(), imported.diagnostics.items().end(),
                                    [](const Diagnostic& d) { return d.severity == Severity::error; });
    CHECK(error->file == (bundle.dir() / "broken.po").string());
    CHECK(error->where.line == 6);
    CHECK(error->message == "end-of-line within string");
    CHECK(bundle.read("locales/es.toml") == before);
}

TEST_CASE("spoken forms travel in the PO file: the translation's, an empty one where English has one, imported in place or as a new table") {
    TempBundle bundle = TempBundle::shipped();
    bundle.write("locales/es.toml", bundle.read("locales/es.toml") + "\n[spoken.page.what_is]\ntitle = \"¿Qué es el magnesio por vía intra venosa?\"\n");
    bundle.write("locales/en.toml", bundle.read("locales/en.toml") + "\n[spoken.ui.nav]\nnext = \"Next screen\"\n");
    std::string po = export_text(bundle, "es");
    CHECK(po.find("msgctxt \"spoken.page.what_is.title\"\nmsgid \"What is IV magnesium?\"\nmsgstr \"¿Qué es el magnesio por vía intra venosa?\"\n") !=
          std::string::npos);
    CHECK(po.find("#. English reads it aloud as: Next screen\n") != std::string::npos);
    CHECK(po.find("msgctxt \"spoken.ui.nav.next\"\nmsgid \"Next\"\nmsgstr \"\"\n") != std::string::npos);

    // Nothing changed: nothing written.
    const std::string before = bundle.read("locales/es.toml");
    PoImport same = import_es(bundle, "same.po", po);
    REQUIRE_FALSE(same.diagnostics.has_errors());
    CHECK(same.changed + same.added == 0);
    CHECK(bundle.read("locales/es.toml") == before);

    po = with_msgstr(po, "spoken.page.what_is.title", "¿Qué es el magnesio por vía intra venosa?", "¿Qué es el magnesio intravenoso?");
    po = with_msgstr(po, "spoken.ui.nav.next", "", "Siguiente pantalla");
    const PoImport imported = import_es(bundle, "edited.po", po);
    REQUIRE_FALSE(imported.diagnostics.has_errors());
    CHECK(imported.changed == 1);
    CHECK(imported.added == 1);
    std::string expected = before;
    const std::string spoken_before = "¿Qué es el magnesio por vía intra venosa?";
    expected.replace(expected.find(spoken_before), spoken_before.size(), "¿Qué es el magnesio intravenoso?");
    expected += "\n[spoken.ui.nav]\nnext = \"Siguiente pantalla\"\n";
    CHECK(bundle.read("locales/es.toml") == expected);
    Diagnostics ignored;
    Confirmations confirmations = read_confirmations(bundle.dir(), "es", ignored);
    confirmations["spoken.ui.nav.next"] = confirmation_of("Siguiente", "test", "2026-12-02");  // read once confirmed
    REQUIRE(write_confirmations(bundle.dir(), "es", confirmations).empty());
    const BundleLoad load = load_bundle(bundle.dir());
    const kiosk::content::LocalizedText es(load.bundle, "es");
    CHECK(es.spoken("ui.nav.next") == "Siguiente pantalla");
    CHECK(es.text("ui.nav.next") == "Siguiente");

    // A spoken form for a text that does not exist is refused, at its line, and nothing written.
    const PoImport bad = import_es(bundle, "bad.po", po + "\nmsgctxt \"spoken.ui.nav.nope\"\nmsgid \"x\"\nmsgstr \"y\"\n");
    CHECK(bad.diagnostics.has_errors());
    CHECK(bundle.read("locales/es.toml") == expected);
}
