// screen-probe: measures a program the way a user's machine sees it, from outside, on an X server
// (Xvfb with -fbdir). It never looks inside the program: it starts it, watches what reaches the
// screen (XDamage events and Xvfb's framebuffer file), reads the kernel's accounts of its
// processes (/proc), and touches the screen through XTest like a finger would.
//
//   screen-probe --fb XVFB_SCREEN_FILE [--idle SECONDS] [--actions FILE] [--start-screen FILE.xwd]
//                -- PROGRAM ARGS...
//
// In order, it prints (key=value lines, for scripts/bench.sh to take medians of):
//   start_ms      from fork/exec to the first frame showing the complete first screen: the
//                 screen it settles on (no frame for 2 s), found by hashing the framebuffer
//   idle_*        over --idle seconds with nothing touched: CPU of every thread of every process
//                 of the program (schedstat, nanoseconds), context switches, frames drawn
//   pss_start_mb  PSS summed over the program's processes at the first screen
// then what the actions file asks, one per line:
//   tap X Y                       press and lift at (X, Y), then wait for the screen to settle
//   drag LABEL X Y_FROM Y_TO MOVES a finger down at Y_FROM, MOVES moves 16 ms apart to Y_TO, lift;
//                                 at the end, for each label over all its drags: frames,
//                                 main-thread CPU per frame (median, p99, from the main thread's
//                                 schedstat read as each frame arrives) and the CPU of all
//                                 processes per frame
//   pss LABEL                     PSS now
//   hear LABEL X Y FIFO           a tap at (X, Y) that should start sound on an ALSA device
//                                 writing to FIFO (sound_device = "file:FILE=FIFO,FORMAT=raw"):
//                                 from the lift to the first sample there (hear_LABEL_ms) and to
//                                 the first audible one (hear_LABEL_voice_ms); what follows is
//                                 read and thrown away at the pace a speaker plays it (22,050
//                                 16-bit samples a second, eSpeak's), so that the program's
//                                 sound goes out as slowly as on a kiosk (ALSA's null device
//                                 takes it as fast as it comes)
//   keys COMBO...                 type each combination on a keyboard (Escape, Alt+F4,
//                                 Control+Alt+BackSpace, …), then print keys_alive (1 if the
//                                 program still runs) and keys_frames (frames drawn within 1 s)
// and pss_peak_mb. The program is then ended (SIGTERM to its process group, SIGKILL after 2 s).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cinttypes>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>
#include <X11/extensions/XTest.h>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0, Clock::time_point t) { return std::chrono::duration<double, std::milli>(t - t0).count(); }

[[noreturn]] void die(const std::string& why) {
    std::fprintf(stderr, "screen-probe: %s\n", why.c_str());
    std::exit(2);
}

// ---- the program's processes, from /proc -------------------------------------------------

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The program and every process it started (Chromium is many), found by parent links.
std::vector<int> process_tree(int root) {
    std::map<int, int> parent;
    DIR* proc = opendir("/proc");
    if (proc == nullptr) return {root};
    while (dirent* e = readdir(proc)) {
        const int pid = std::atoi(e->d_name);
        if (pid <= 0) continue;
        const std::string stat = read_text("/proc/" + std::string(e->d_name) + "/stat");
        const std::size_t close = stat.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream fields(stat.substr(close + 2));
        std::string state;
        int ppid = 0;
        fields >> state >> ppid;
        parent[pid] = ppid;
    }
    closedir(proc);
    std::vector<int> tree = {root};
    for (std::size_t i = 0; i < tree.size(); ++i) {
        for (const auto& [pid, ppid] : parent) {
            if (ppid == tree[i]) tree.push_back(pid);
        }
    }
    return tree;
}

std::vector<std::string> threads_of(int pid) {
    std::vector<std::string> out;
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) return out;
    while (dirent* e = readdir(d)) {
        if (e->d_name[0] != '.') out.push_back(dir + "/" + e->d_name);
    }
    closedir(d);
    return out;
}

// Nanoseconds on a CPU (schedstat's first field): exact, unlike stat's 10 ms ticks.
std::uint64_t thread_runtime_ns(const std::string& task) {
    std::uint64_t ns = 0;
    std::ifstream(task + "/schedstat") >> ns;
    return ns;
}

struct Account {
    std::uint64_t runtime_ns = 0;
    std::uint64_t switches = 0;  // voluntary and involuntary: each is a wake-up or a preemption
    int threads = 0;
};

Account account(const std::vector<int>& tree) {
    Account a;
    for (const int pid : tree) {
        for (const std::string& task : threads_of(pid)) {
            a.runtime_ns += thread_runtime_ns(task);
            std::istringstream status(read_text(task + "/status"));
            std::string line;
            while (std::getline(status, line)) {
                if (line.find("ctxt_switches:") != std::string::npos) a.switches += std::strtoull(line.substr(line.find(':') + 1).c_str(), nullptr, 10);
            }
            ++a.threads;
        }
    }
    return a;
}

double pss_mb(const std::vector<int>& tree) {
    long kib = 0;
    for (const int pid : tree) {
        std::istringstream rollup(read_text("/proc/" + std::to_string(pid) + "/smaps_rollup"));
        std::string key;
        long value = 0;
        while (rollup >> key) {
            if (key == "Pss:" && rollup >> value) {
                kib += value;
                break;
            }
            rollup.ignore(1 << 20, '\n');
        }
    }
    return static_cast<double>(kib) / 1024.0;
}

// ---- the screen, through the X server ----------------------------------------------------

class ScreenWatch {
public:
    explicit ScreenWatch(std::string fb_file) : fb_file_(std::move(fb_file)) {
        display_ = XOpenDisplay(nullptr);
        if (display_ == nullptr) die("cannot open the display (DISPLAY=" + std::string(std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "") + ")");
        int error_base = 0;
        int major = 0;
        int minor = 0;
        if (!XDamageQueryExtension(display_, &damage_event_, &error_base)) die("the X server has no DAMAGE extension");
        if (!XTestQueryExtension(display_, &error_base, &error_base, &major, &minor)) die("the X server has no XTEST extension");
        damage_ = XDamageCreate(display_, DefaultRootWindow(display_), XDamageReportNonEmpty);
        XSync(display_, False);
    }
    ~ScreenWatch() { XCloseDisplay(display_); }

    // Waits up to `seconds` for the next frame: the first damage after a quiet spell, with every
    // damage event that follows it within 4 ms (a frame may reach the server in several strips).
    // Its time is when its first damage arrived; `on_first` runs then (a frame's CPU is read at
    // that moment). False when no frame came.
    bool next_frame(double seconds, Clock::time_point& at, const std::function<void()>& on_first = {}) {
        if (!wait_damage(seconds)) return false;
        at = Clock::now();
        if (on_first) on_first();
        while (wait_damage(0.004)) {}
        return true;
    }

    // Counts frames until `seconds` have passed.
    int count_frames(double seconds) {
        const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
        int frames = 0;
        Clock::time_point at;
        while (true) {
            const double left = std::chrono::duration<double>(until - Clock::now()).count();
            if (left <= 0 || !next_frame(left, at)) return frames;
            ++frames;
        }
    }

    // A digest of every pixel on the screen, from Xvfb's framebuffer file.
    std::uint64_t picture() const {
        const std::string bytes = read_text(fb_file_);
        if (bytes.empty()) die("cannot read the framebuffer " + fb_file_ + " (start Xvfb with -fbdir)");
        return std::hash<std::string_view>{}(bytes);
    }

    // The screen as it is now, as an XWD file (tests/bench/xvfb_screen_to_png.py makes a PNG).
    void save(const std::string& path) const {
        std::ofstream(path, std::ios::binary) << read_text(fb_file_);
    }

    void move(int x, int y) {
        XTestFakeMotionEvent(display_, -1, x, y, 0);
        XFlush(display_);
    }
    void press(bool down) {
        XTestFakeButtonEvent(display_, 1, down ? True : False, 0);
        XFlush(display_);
    }
    // "Control+Alt+BackSpace": the modifiers held down, the last key pressed and released.
    void type(const std::string& combo) {
        std::vector<KeyCode> keys;
        std::istringstream parts(combo);
        std::string name;
        while (std::getline(parts, name, '+')) {
            if (name == "Control" || name == "Alt" || name == "Shift" || name == "Super") name += "_L";
            const KeySym sym = XStringToKeysym(name.c_str());
            if (sym == NoSymbol) die("no key named " + name + " in " + combo);
            keys.push_back(XKeysymToKeycode(display_, sym));
        }
        for (const KeyCode k : keys) XTestFakeKeyEvent(display_, k, True, 0);
        for (auto k = keys.rbegin(); k != keys.rend(); ++k) XTestFakeKeyEvent(display_, *k, False, 0);
        XFlush(display_);
    }

private:
    bool wait_damage(double seconds) {
        const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
        while (true) {
            while (XPending(display_) > 0) {
                XEvent event;
                XNextEvent(display_, &event);
                if (event.type == damage_event_ + XDamageNotify) {
                    XDamageSubtract(display_, damage_, None, None);
                    XFlush(display_);
                    return true;
                }
            }
            const double left_ms = std::chrono::duration<double, std::milli>(until - Clock::now()).count();
            if (left_ms <= 0) return false;
            pollfd fd{ConnectionNumber(display_), POLLIN, 0};
            poll(&fd, 1, static_cast<int>(std::max(1.0, left_ms)));
        }
    }

    std::string fb_file_;
    Display* display_ = nullptr;
    int damage_event_ = 0;
    Damage damage_ = 0;
};

std::pair<double, double> median_p99(std::vector<double> v) {
    if (v.empty()) return {0, 0};
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 99 / 100)]};
}

// Waits until no frame has come for `quiet` seconds (at most `limit`); returns the frames seen.
int settle(ScreenWatch& screen, double quiet, double limit) {
    const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limit));
    int frames = 0;
    Clock::time_point at;
    while (Clock::now() < until && screen.next_frame(quiet, at)) ++frames;
    return frames;
}

// What the drags under one label measured, added up over its drags.
struct DragFigures {
    std::vector<double> main_ms;  // the main thread's CPU per frame
    int frames = 0;
    std::uint64_t all_ns = 0;     // every thread of every process
};

void drag(ScreenWatch& screen, int pid, DragFigures& figures, int x, int y_from, int y_to, int moves) {
    const std::string main_thread = "/proc/" + std::to_string(pid) + "/task/" + std::to_string(pid);
    const std::vector<int> tree = process_tree(pid);
    settle(screen, 0.5, 5);
    const Account before = account(tree);
    std::uint64_t last = thread_runtime_ns(main_thread);
    const auto read_main = [&] {
        const std::uint64_t now = thread_runtime_ns(main_thread);
        figures.main_ms.push_back(static_cast<double>(now - last) / 1e6);
        last = now;
    };
    Clock::time_point at;
    screen.move(x, y_from);
    screen.press(true);
    for (int i = 1; i <= moves; ++i) {
        const auto step_end = Clock::now() + std::chrono::milliseconds(16);
        screen.move(x, y_from + (y_to - y_from) * i / moves);
        while (true) {
            const double left = std::chrono::duration<double>(step_end - Clock::now()).count();
            if (left <= 0 || !screen.next_frame(left, at, read_main)) break;
            ++figures.frames;
        }
    }
    screen.press(false);
    while (screen.next_frame(0.5, at, read_main)) ++figures.frames;
    figures.all_ns += account(tree).runtime_ns - before.runtime_ns;
}

void print_drag(const std::string& label, const DragFigures& figures) {
    if (std::getenv("SCREEN_PROBE_FRAMES") != nullptr) {  // every frame's figure, to see where a p99 comes from
        std::fprintf(stderr, "drag %s main ms per frame:", label.c_str());
        for (const double ms : figures.main_ms) std::fprintf(stderr, " %.2f", ms);
        std::fprintf(stderr, "\n");
    }
    const auto [median, p99] = median_p99(figures.main_ms);
    const double all = figures.frames > 0 ? static_cast<double>(figures.all_ns) / 1e6 / figures.frames : 0;
    std::printf("drag_%s_frames=%d\ndrag_%s_main_ms_median=%.3f\ndrag_%s_main_ms_p99=%.3f\ndrag_%s_all_ms_per_frame=%.3f\n", label.c_str(),
                figures.frames, label.c_str(), median, label.c_str(), p99, label.c_str(), all);
}

}  // namespace

// The FIFOs the program's sound goes to, each drained from the first `hear` on by a thread of its
// own (a full FIFO would stop the program's sound thread, and a closed one would end it).
std::map<std::string, int> sound_fifos;
std::atomic<bool> hearing{false};  // a `hear` reads the FIFO itself: the drain waits

void hear(ScreenWatch& screen, const std::string& label, int x, int y, const std::string& fifo) {
    if (!sound_fifos.contains(fifo)) {
        // Read-write: opening never waits for a writer, and reads never see an end when the
        // program closes its device between readings.
        const int fd = ::open(fifo.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) die("cannot open " + fifo);
        sound_fifos[fifo] = fd;
    }
    const int fd = sound_fifos[fifo];
    hearing = true;
    std::vector<char> buffer(1 << 16);
    while (::read(fd, buffer.data(), buffer.size()) > 0) {}  // what an earlier reading left
    screen.move(x, y);
    screen.press(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    screen.press(false);
    const Clock::time_point lifted = Clock::now();
    double first = -1;
    double voice = -1;
    while (voice < 0 && Clock::now() - lifted < std::chrono::seconds(10)) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n <= 0) {
            std::this_thread::sleep_for(std::chrono::microseconds(500));
            continue;
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - lifted).count();
        if (first < 0) first = ms;
        for (ssize_t i = 0; i + 1 < n && voice < 0; i += 2) {
            std::int16_t sample = 0;
            std::memcpy(&sample, buffer.data() + i, 2);
            if (std::abs(sample) > 64) voice = ms;  // above eSpeak's noise floor: a listener hears it
        }
    }
    std::printf("hear_%s_ms=%.1f\nhear_%s_voice_ms=%.1f\n", label.c_str(), first, label.c_str(), voice);
    hearing = false;
    static std::set<int> draining;
    if (draining.insert(fd).second) {
        std::thread([fd] {
            constexpr std::size_t bytes_per_20_ms = 22050 * 2 / 50;
            std::vector<char> sink(bytes_per_20_ms);
            for (Clock::time_point next = Clock::now();; next += std::chrono::milliseconds(20)) {
                if (!hearing) (void)::read(fd, sink.data(), sink.size());
                std::this_thread::sleep_until(next);
            }
        }).detach();
    }
}

int main(int argc, char** argv) {
    std::string fb_file;
    std::string actions_file;
    std::string start_screen;  // where to keep the settled first screen (XWD)
    double idle_seconds = 20;
    int first_arg = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--fb" && i + 1 < argc) fb_file = argv[++i];
        else if (a == "--idle" && i + 1 < argc) idle_seconds = std::atof(argv[++i]);
        else if (a == "--actions" && i + 1 < argc) actions_file = argv[++i];
        else if (a == "--start-screen" && i + 1 < argc) start_screen = argv[++i];
        else if (a == "--" && i + 1 < argc) {
            first_arg = i + 1;
            break;
        } else die("usage: screen-probe --fb XVFB_SCREEN_FILE [--idle SECONDS] [--actions FILE] [--start-screen FILE.xwd] -- PROGRAM ARGS...");
    }
    if (fb_file.empty() || first_arg < 0) die("usage: screen-probe --fb XVFB_SCREEN_FILE [--idle SECONDS] [--actions FILE] [--start-screen FILE.xwd] -- PROGRAM ARGS...");

    ScreenWatch screen(fb_file);
    const std::uint64_t empty_screen = screen.picture();

    // Start: every frame's time and picture until the screen settles; the first frame that
    // already shows the settled screen is when it was complete.
    const Clock::time_point t0 = Clock::now();
    const pid_t pid = fork();
    if (pid < 0) die("cannot fork");
    if (pid == 0) {
        setpgid(0, 0);
        execvp(argv[first_arg], argv + first_arg);
        std::perror(argv[first_arg]);
        _exit(127);
    }
    std::vector<std::pair<double, std::uint64_t>> frames;
    Clock::time_point at;
    if (!screen.next_frame(60, at)) die("no frame within 60 s of starting " + std::string(argv[first_arg]));
    frames.emplace_back(ms_since(t0, at), screen.picture());
    // Settled: no frame for 2 s, and something on the screen (a slow first paint, as Chromium's
    // can be, may come after a mapped but empty window).
    const auto started_by = t0 + std::chrono::seconds(60);
    while (screen.next_frame(2.0, at) || (frames.back().second == empty_screen && Clock::now() < started_by && screen.next_frame(60, at))) {
        frames.emplace_back(ms_since(t0, at), screen.picture());
    }
    const std::uint64_t settled = frames.back().second;
    if (settled == empty_screen) die("the screen is still empty 60 s after the program started");
    const auto first_complete = std::find_if(frames.begin(), frames.end(), [&](const auto& f) { return f.second == settled; });
    std::printf("start_ms=%.1f\nstart_frames=%zu\n", first_complete->first, frames.size());
    if (!start_screen.empty()) screen.save(start_screen);

    // Idle: nothing touched.
    std::vector<int> tree = process_tree(pid);
    const Account before = account(tree);
    const int idle_frames = screen.count_frames(idle_seconds);
    tree = process_tree(pid);
    const Account after = account(tree);
    std::printf("idle_seconds=%.0f\nidle_cpu_percent=%.4f\nidle_context_switches=%" PRIu64 "\nidle_frames=%d\nthreads=%d\nprocesses=%zu\n", idle_seconds,
                static_cast<double>(after.runtime_ns - before.runtime_ns) / 1e9 / idle_seconds * 100, after.switches - before.switches, idle_frames,
                after.threads, tree.size());
    double peak = pss_mb(tree);
    std::printf("pss_start_mb=%.1f\n", peak);
    std::fflush(stdout);

    std::map<std::string, DragFigures> drags;
    std::vector<std::string> drag_order;
    if (!actions_file.empty()) {
        std::ifstream actions(actions_file);
        if (!actions) die("cannot read " + actions_file);
        std::string line;
        while (std::getline(actions, line)) {
            std::istringstream words(line);
            std::string verb;
            words >> verb;
            if (verb.empty() || verb[0] == '#') continue;
            if (verb == "tap") {
                int x = 0;
                int y = 0;
                if (!(words >> x >> y)) die(actions_file + ": tap X Y: " + line);
                screen.move(x, y);
                screen.press(true);
                std::this_thread::sleep_for(std::chrono::milliseconds(30));
                screen.press(false);
                // The next tap only once this one has shown on the screen: two taps waiting in the
                // program's queue could be read as one, at the second place.
                Clock::time_point shown;
                if (!screen.next_frame(10, shown)) std::fprintf(stderr, "screen-probe: %s: nothing changed on the screen within 10 s of: %s\n", actions_file.c_str(), line.c_str());
                settle(screen, 0.3, 10);
            } else if (verb == "drag") {
                std::string label;
                int x = 0;
                int y0 = 0;
                int y1 = 0;
                int moves = 0;
                if (!(words >> label >> x >> y0 >> y1 >> moves)) die(actions_file + ": drag LABEL X Y_FROM Y_TO MOVES: " + line);
                if (!drags.contains(label)) drag_order.push_back(label);
                drag(screen, pid, drags[label], x, y0, y1, moves);
            } else if (verb == "keys") {
                std::string combo;
                while (words >> combo) {
                    screen.type(combo);
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
                int drawn = 0;
                Clock::time_point shown;
                while (drawn < 100 && screen.next_frame(1, shown)) ++drawn;
                std::printf("keys_alive=%d\nkeys_frames=%d\n", waitpid(pid, nullptr, WNOHANG) == 0 ? 1 : 0, drawn);
            } else if (verb == "hear") {
                std::string label;
                std::string fifo;
                int x = 0;
                int y = 0;
                if (!(words >> label >> x >> y >> fifo)) die(actions_file + ": hear LABEL X Y FIFO: " + line);
                hear(screen, label, x, y, fifo);
            } else if (verb == "pss") {
                std::string label;
                words >> label;
                const double mb = pss_mb(process_tree(pid));
                peak = std::max(peak, mb);
                std::printf("pss_%s_mb=%.1f\n", label.c_str(), mb);
            } else {
                die(actions_file + ": unknown action: " + line);
            }
            std::fflush(stdout);
        }
    }
    for (const std::string& label : drag_order) print_drag(label, drags[label]);
    peak = std::max(peak, pss_mb(process_tree(pid)));
    std::printf("pss_peak_mb=%.1f\n", peak);

    kill(-pid, SIGTERM);
    for (int i = 0; i < 20 && waitpid(pid, nullptr, WNOHANG) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    kill(-pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    return 0;
}
