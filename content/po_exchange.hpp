#pragma once
// Translations in and out as gettext PO files, the format every translation tool reads (Weblate,
// Crowdin, Poedit, OmegaT), read and written with GNU gettext's libgettextpo.
//
// One entry per text of the English file: msgctxt is the key, msgid the English text, msgstr the
// translation ("" when there is none yet), "#." comments say where it is shown, its placeholders
// and the English file's own note on it, and how much room it has; the "icu-message-format" flag
// tells tools the syntax; "fuzzy" marks a translation whose English changed since it was confirmed.
// Spoken forms travel too (msgctxt "spoken.<key>", msgid the English text shown, msgstr how the
// translation is read aloud): those the translation has, and an empty one wherever English gives
// one (a text that reads badly aloud in English may well in the translation).
//
// An import is all or nothing: every message is validated exactly as lint validates the file (the
// changed file is loaded with the whole bundle), and on any error nothing is written and each
// error names the PO file's line. Only changed texts are rewritten in the locale file; the rest of
// it, comments included, stays byte for byte.
#include <filesystem>
#include <string>
#include <string_view>

#include "content_bundle.hpp"
#include "diagnostic.hpp"

namespace kiosk::content {

// Writes `tag`'s texts as a PO file. Empty on success, else what went wrong.
std::string export_po(const std::filesystem::path& bundle_dir, const BundleLoad& load, std::string_view tag,
                      const std::filesystem::path& po_file);

struct PoImport {
    Diagnostics diagnostics;  // errors name the PO file and line; any error means nothing was written
    int changed = 0;          // texts rewritten
    int added = 0;            // texts the locale file did not have
};

PoImport import_po(const std::filesystem::path& bundle_dir, std::string_view tag, const std::filesystem::path& po_file);

}  // namespace kiosk::content
