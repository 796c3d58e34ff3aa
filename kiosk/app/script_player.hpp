#pragma once
// Scripted taps for screenshots and end-to-end tests. One command per line:
//   tap ID        tap the widget registered as ID (e.g. start, lang:ar, option:none, next, send)
//   tap "LABEL"   tap the one widget whose words read LABEL (e.g. tap "Siguiente")
//   shot NAME     save the screen as DIR/NN-NAME.png
//   idle SECONDS  pretend no one touched the screen for that long (tests the idle wipe)
//   hold-corner SECONDS   hold a finger in the top-left corner that long (the staff mode's way in)
//   measure-tap ID TIMES  tap ID that many times, printing the main thread's CPU from each press to
//                         the next frame drawn after it (median and p99): a figure of this program
//   where ID      print "where ID X Y", the centre of ID on the screen in pixels: where a
//                 benchmark driving the kiosk from outside (scripts/bench.sh) taps it
//   wait-file PATH   wait (up to 60 s, drawing frames) until PATH exists: another process's sign
//   quit
// Lines starting with # are comments.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct ScriptStep {
    // listen: waits (up to 10 s) until the reading aloud under way is heard (its sentence marked),
    // then half a second more
    enum class Kind { tap, shot, idle, hold_corner, measure_tap, where, wait_file, listen, quit } kind;
    std::string argument;     // tap: an id or a label; shot: the screenshot's name; where: an id
    bool by_label = false;    // tap: `argument` is the widget's words, not its id
    double seconds = 0;       // idle, hold_corner; measure_tap: how many times
    int line = 0;
};

// Nothing (with `problem` as "file:line: …") when a line is not a known command.
std::optional<std::vector<ScriptStep>> read_script(const std::filesystem::path& file, std::string& problem);

}  // namespace kiosk::app
