#pragma once
// What every screen draws with: the flow it reads, fonts, colours, the layout cache, the touch
// scroller and the tap-target registry (so that tests and screenshot scripts tap widgets by id).
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk_flow.hpp"
#include "text_layout.hpp"
#include "touch_scroll.hpp"

namespace kiosk::ui {

struct UiFonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* huge = nullptr;  // the ticket code
};

struct Theme {
    ImU32 background, text, muted, primary, primary_text, secondary, secondary_text, urgent, urgent_text, selected, panel;
    ImU32 highlight;  // behind the sentence being read aloud
};
const Theme& theme_for(bool high_contrast);

// Where each tappable widget was drawn in the last frame, by id ("start", "lang:es", "option:yes"),
// and the words on it, so that scripts and tests can tap what a patient would.
class TapTargets {
public:
    void clear() {
        rects_.clear();
        labels_.clear();
        sizes_.clear();
    }
    // `min`..`max`: the part a finger can reach now (a button half scrolled out is half a
    // target); `size`: the whole button, for the touch-target check.
    void add(const std::string& id, ImVec2 min, ImVec2 max, std::string_view label, ImVec2 size) {
        rects_[id] = {min, max};
        labels_[id] = label;
        sizes_[id] = size;
    }
    std::optional<ImVec2> center(const std::string& id) const;
    // The ids of the widgets that read `label` (several "Change" buttons on the review, say).
    std::vector<std::string> ids_labelled(std::string_view label) const;
    const std::map<std::string, std::pair<ImVec2, ImVec2>>& all() const { return rects_; }
    const std::map<std::string, ImVec2>& sizes() const { return sizes_; }

private:
    std::map<std::string, std::pair<ImVec2, ImVec2>> rects_;
    std::map<std::string, std::string> labels_;
    std::map<std::string, ImVec2> sizes_;
};

// A picture from the bundle, uploaded by the app (tests have none: screens show the alt text).
struct ImageTexture {
    ImTextureID id = nullptr;
    float width = 0;
    float height = 0;
};

// Something that does not fit where it is drawn, found while drawing: layout lint reports these
// for every screen, locale and size, so that an editor sees them before a patient does.
struct LayoutFinding {
    std::string element;  // the widget's id ("next", "option:yes") and the start of its words
    std::string problem;  // "has a word wider than its button"
    float by = 0;         // how much too big, in pixels (below 0: not a length; the problem says it all)
    std::string text;     // the whole text that does not fit (empty for a group such as "answers")
};

// Read aloud as the app tells the screens: whether to offer it, whether it is reading, and what
// is being heard, for the highlight.
struct ReadAloudView {
    bool available = false;  // a sound device and a voice for the screen's language
    bool reading = false;
    std::string heard;                           // the words of the text being read, as shown ("" none)
    std::size_t sentence_begin = 0;              // the sentence heard, in bytes of `heard`; the
    std::size_t sentence_end = std::string::npos;  // whole text when its spoken form differs
};

// Kept across frames by the app (and by tests).
struct UiState {
    ReadAloudView read_aloud;
    std::function<std::optional<ImageTexture>(const std::string& bundle_path)> image_for;
    text::TextLayoutCache layout;
    TouchScroll scroll;
    TapTargets targets;
    std::string view;  // which page or question is on screen: a new one starts scrolled to the top
    bool more_below = false;  // the screen's scrolling part has more below what is shown
    std::vector<LayoutFinding> findings;  // of the last frame
    // The screen's background colour: the platform clears to it, and the screen's window draws
    // none of its own (a full-screen quad was 40% of llvmpipe's work for each frame drawn).
    ImU32 background = IM_COL32(247, 247, 242, 255);
};

// Fonts at the normal and the "larger text" size.
struct FontSet {
    UiFonts normal;
    UiFonts large;
};

// Where things go on a screen of a given size. Portrait (the usual kiosk) uses the full width;
// landscape keeps a centred column that a reader's eye can follow and puts answers side by side.
struct ScreenLayout {
    bool landscape = false;
    float margin = 0;        // outer spacing, from the shorter side so both orientations match
    float side = 0;          // left and right padding of the column
    float column = 0;        // width of the content column
    float touch_height = 0;  // at least 12 mm on the kiosk's screen
};
ScreenLayout layout_for(ImVec2 size, app::Orientation orientation);

struct ScreenContext {
    // The patient's flow (staff screens draw beside it and do not read it).
    const app::KioskFlow& flow;
    // The language this screen is drawn in: the patient's, or the staff member's.
    const content::LocalizedText& words;
    double now;
    const UiFonts& fonts;
    UiState& state;
    const Theme& theme;
    ImVec2 size;
    bool rtl;
    float touch_height;  // at least 12 mm on the kiosk's screen
    float margin;
    float column;  // the content column's width (see ScreenLayout)
    bool landscape;
    bool in_scrolling_area = false;  // between begin_scrolling_area() and end_scrolling_area()

    // Notes what does not fit (once per element and problem in a frame).
    void does_not_fit(std::string element, std::string_view shown, std::string problem, float by) const;

    std::string text(std::string_view key, std::span<const content::MessageArgument> args = {}) const { return words.text(key, args); }
};

}  // namespace kiosk::ui
