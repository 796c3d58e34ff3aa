#pragma once
// A screen to draw on where there is none (a server, CI, an editor's SSH session): Xvfb, started
// on a free display number and stopped again with this object. Where $DISPLAY is set, the real
// display is used and nothing is started.
#include <string>
#include <sys/types.h>

namespace kiosk::preview {

class VirtualDisplay {
public:
    VirtualDisplay() = default;
    ~VirtualDisplay();
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;

    // Starts Xvfb with a screen of at least width x height unless $DISPLAY is set, and sets
    // $DISPLAY for this process. Empty on success, otherwise what went wrong.
    std::string start_if_needed(int width, int height);
    bool started() const { return pid_ > 0; }

private:
    pid_t pid_ = -1;
};

}  // namespace kiosk::preview
