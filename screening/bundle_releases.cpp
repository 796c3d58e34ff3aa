#include "bundle_releases.hpp"

#include <chrono>
#include <ctime>

#include "kiosk_bundle.hpp"

namespace kiosk::screening {

namespace {

namespace fs = std::filesystem;

// Points `link` at `target` in one step: a new link beside it, renamed over it.
bool point(const fs::path& link, const fs::path& target) {
    const fs::path temporary = link.string() + ".new";
    std::error_code ec;
    fs::remove(temporary, ec);
    fs::create_directory_symlink(target, temporary, ec);
    if (ec) return false;
    fs::rename(temporary, link, ec);
    return !ec;
}

std::string now_stamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
    return text;
}

}  // namespace

bool is_release_root(const fs::path& folder) {
    std::error_code ec;
    return fs::is_symlink(folder / "current", ec) || fs::is_directory(folder / "releases", ec);
}

fs::path current_release(const fs::path& root) {
    std::error_code ec;
    const fs::path resolved = fs::canonical(root / "current", ec);
    return ec ? fs::path() : resolved;
}

Published publish_bundle(const fs::path& bundle_dir, const fs::path& root) {
    Published out;
    const KioskBundle bundle = load_kiosk_bundle(bundle_dir);
    for (const content::Diagnostic& d : bundle.content.diagnostics.items()) {
        if (d.severity != content::Severity::error) continue;
        out.problem = content::format_diagnostic(d, bundle_dir.string());
        return out;
    }
    if (!bundle.usable) {
        out.problem = "the bundle in " + bundle_dir.string() + " cannot be used";
        return out;
    }
    std::error_code ec;
    fs::create_directories(root / "releases", ec);
    fs::create_directories(root / "incoming", ec);
    // The time and the questionnaire's fingerprint: sortable, and telling which rules it holds.
    out.version = now_stamp() + "-" + bundle.screening.content_version.substr(0, 8);
    const fs::path release = root / "releases" / out.version;
    for (int n = 2; fs::exists(release, ec); ++n) {  // two publications in one second
        out.version = now_stamp() + "-" + bundle.screening.content_version.substr(0, 8) + "-" + std::to_string(n);
        if (!fs::exists(root / "releases" / out.version, ec)) break;
    }
    const fs::path target = root / "releases" / out.version;
    const fs::path staging = root / "releases" / ("." + out.version + ".copying");
    fs::remove_all(staging, ec);
    for (const char* part : {"structure", "locales", "assets"}) {
        if (!fs::exists(bundle_dir / part, ec)) continue;
        fs::create_directories(staging / part, ec);
        fs::copy(bundle_dir / part, staging / part, fs::copy_options::recursive, ec);
        if (ec) {
            out.problem = "cannot copy " + (bundle_dir / part).string() + ": " + ec.message();
            fs::remove_all(staging, ec);
            return out;
        }
    }
    fs::rename(staging, target, ec);
    if (ec) {
        out.problem = "cannot make " + target.string() + ": " + ec.message();
        return out;
    }
    const fs::path was = fs::read_symlink(root / "current", ec);
    const bool had_current = !ec;
    if (!point(root / "current", fs::path("releases") / out.version)) {
        out.problem = "cannot switch " + (root / "current").string();
        return out;
    }
    if (had_current) point(root / "previous", was);
    return out;
}

Published roll_back(const fs::path& root) {
    Published out;
    std::error_code ec;
    const fs::path current = fs::read_symlink(root / "current", ec);
    const fs::path previous = ec ? fs::path() : fs::read_symlink(root / "previous", ec);
    if (ec || previous.empty()) {
        out.problem = "nothing to roll back to: " + (root / "previous").string() + " does not exist";
        return out;
    }
    if (!point(root / "current", previous) || !point(root / "previous", current)) {
        out.problem = "cannot switch " + (root / "current").string();
        return out;
    }
    out.version = previous.filename().string();
    return out;
}

}  // namespace kiosk::screening
