#pragma once
// Layout lint: every patient screen in every locale, drawn by the kiosk's own program (headless:
// real fonts, no pixels) at every supported size, and every text that does not fit where it is
// drawn reported as an error an editor can act on:
//   locales/es.toml:212:1: error: es: question:adult: option:yes “…”: has a word wider than its
//   button by 57 px (1080x1920, larger text)
// with the line of the text's key when it can be traced.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "kiosk_bundle.hpp"
#include "screen_preview.hpp"
#include "toml_file.hpp"

namespace kiosk::preview {

// A screen size and text size the kiosk supports.
struct LayoutSize {
    int width = 1080;
    int height = 1920;
    bool larger_text = false;
    bool high_contrast = false;
    std::string name() const;  // "1080x1920", "1080x1920, larger text" or "1080x1920, high contrast"
};

// Portrait 1080x1920 and landscape 1920x1080, each with normal and larger text.
std::vector<LayoutSize> supported_layout_sizes();

struct LayoutLint {
    content::Diagnostics diagnostics;
    std::size_t screens_drawn = 0;
    std::string failure;  // the kiosk program could not start (no fonts, say): nothing was checked
};

// `locales`: the tags to check (empty: every locale of the bundle).
// `screen_inches`: the diagonal of the kiosk's screen, for the touch-target check (9 mm); 21.5
// inches, the usual floor-standing kiosk, unless told.
inline constexpr float default_screen_inches = 21.5F;
LayoutLint lint_layout(const std::filesystem::path& bundle_dir, const screening::KioskBundle& bundle, std::vector<std::string> locales,
                       const std::vector<LayoutSize>& sizes = supported_layout_sizes(), float screen_inches = default_screen_inches);

// Where keys are written in the locale files, each file read once per run.
class KeyLines {
public:
    explicit KeyLines(std::filesystem::path bundle_dir) : bundle_dir_(std::move(bundle_dir)) {}
    content::SourcePosition position(const std::string& file, const std::string& key);  // 0:0 when not found

private:
    std::filesystem::path bundle_dir_;
    std::map<std::string, std::optional<content::TomlFile>> files_;
};

// One finding of a drawn screen as a diagnostic of its locale file (at its text's key when found).
content::Diagnostic layout_diagnostic(const app::PreviewShot& shot, const ui::LayoutFinding& finding, const std::string& size_name,
                                      const screening::KioskBundle& bundle, KeyLines& lines);

}  // namespace kiosk::preview
