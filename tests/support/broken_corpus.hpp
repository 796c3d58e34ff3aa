#pragma once
// Runs a corpus of broken bundle files. Each file is one file of a base bundle with one fault;
// its header says where it goes ("# file: locales/es.toml") or what to delete ("# remove: …"),
// and its "# expect: …" lines are exactly the problems that must be reported: every expected
// line must appear, and no error may appear that is not expected.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "diagnostic.hpp"
#include "temp_bundle.hpp"

namespace kiosk::test {

using BundleChecker = std::function<content::Diagnostics(const std::filesystem::path& bundle_dir)>;

void check_broken_corpus(const std::filesystem::path& folder, const std::function<TempBundle()>& make_base,
                         const BundleChecker& check, std::size_t minimum_cases);

// Calls `each` with every case of the corpus applied to a fresh base bundle (name, bundle).
void for_each_corpus_bundle(const std::filesystem::path& folder, const std::function<TempBundle()>& make_base,
                            const std::function<void(const std::string&, const TempBundle&)>& each);

}  // namespace kiosk::test
