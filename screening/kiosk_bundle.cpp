#include "kiosk_bundle.hpp"

namespace kiosk::screening {

KioskBundle load_kiosk_bundle(const std::filesystem::path& bundle_dir) {
    KioskBundle bundle;
    content::Diagnostics screening_problems;
    if (std::filesystem::is_directory(bundle_dir)) {
        bundle.screening = read_screening_content(bundle_dir, screening_problems);
    }
    const std::vector<content::TextRef> refs = bundle.screening.text_refs();
    bundle.content = content::load_bundle(bundle_dir, {refs, bundle.screening.files_readable});
    bundle.usable = bundle.content.usable && !screening_problems.has_errors();
    bundle.content.diagnostics.append(screening_problems);
    bundle.content.diagnostics.sort();
    return bundle;
}

}  // namespace kiosk::screening
