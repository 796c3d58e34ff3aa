#pragma once
// Content updates for a running kiosk, as versioned releases in one folder (the content root):
//
//   releases/<version>/   each a complete bundle (structure/, locales/, assets/), never changed
//   current  -> releases/<version>   what the kiosk serves
//   previous -> releases/<version>   what it served before: `kiosk-content rollback` goes back
//   incoming/<any name>/  a bundle an operator copied in; the kiosk publishes it itself
//
// A bundle is published only when it loads with no error at all (exactly what lint checks);
// `current` and `previous` are switched by renaming symbolic links, so a reader sees the old
// release or the new one, never half of one.
#include <filesystem>
#include <string>

namespace kiosk::screening {

// Whether `folder` is a content root (it has a `current` link), rather than a bundle itself.
bool is_release_root(const std::filesystem::path& folder);

// The bundle folder `current` names (absolute), or empty when there is none.
std::filesystem::path current_release(const std::filesystem::path& root);

struct Published {
    std::string version;  // the release's folder name under releases/
    std::string problem;  // why it was refused (the first error, as file:line:col)
};

// Checks `bundle_dir` as lint does; if clean, copies it to root/releases/<version> and makes it
// current, the old current becoming previous. Creates the root's folders when missing.
Published publish_bundle(const std::filesystem::path& bundle_dir, const std::filesystem::path& root);

// Makes `previous` current again (and the current one previous). The release it serves now, or
// a problem.
Published roll_back(const std::filesystem::path& root);

}  // namespace kiosk::screening
