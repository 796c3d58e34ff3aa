// Scripted taps, screenshots and waits (script_player.hpp reads the script): screenshots for
// people to look at, and end-to-end tests of the real program.
#include "kiosk_program.hpp"
#include "private_folder.hpp"

namespace kiosk::app {

int Kiosk::play_script() {
    std::string problem;
    const auto steps = read_script(options_.script, problem);
    if (!steps) {
        std::cerr << "kiosk: " << problem << "\n";
        return 2;
    }
    if (!options_.screenshot_dir.empty()) {
        if (const std::string folder_problem = make_private_folder(options_.screenshot_dir); !folder_problem.empty()) {
            std::cerr << "kiosk: --screenshot " << options_.screenshot_dir << ": " << folder_problem << "\n";
            return 2;
        }
    }
    pointer_from_caller_ = true;
    int shots = 0;
    const auto settle = [&] {
        for (int i = 0; i < 3; ++i) frame(false, {});
    };
    settle();
    for (const ScriptStep& step : *steps) {
        switch (step.kind) {
            case ScriptStep::Kind::tap: {
                const std::string where = "kiosk: " + options_.script + ":" + std::to_string(step.line) + ": ";
                std::string id = step.argument;
                if (step.by_label) {
                    const std::vector<std::string> ids = ui_.targets.ids_labelled(step.argument);
                    if (ids.size() > 1) {
                        std::cerr << where << ids.size() << " widgets read \"" << step.argument << "\" on this screen (";
                        for (const std::string& each : ids) std::cerr << (&each == &ids.front() ? "" : ", ") << each;
                        std::cerr << "): tap one of them by id\n";
                        return 1;
                    }
                    id = ids.empty() ? std::string() : ids.front();
                }
                const std::optional<ImVec2> at = ui_.targets.center(id);
                if (!at) {
                    std::cerr << where << "no " << (step.by_label ? "widget reading \"" + step.argument + "\"" : "'" + step.argument + "'") << " on this screen\n";
                    return 1;
                }
                frame(false, {}, at, true);
                frame(false, {}, at, false);
                settle();
                break;
            }
            case ScriptStep::Kind::shot: {
                char name[256];
                std::snprintf(name, sizeof name, "%s/%02d-%s.png", options_.screenshot_dir.c_str(), ++shots, step.argument.c_str());
                screenshot_failed_ = false;
                frame(true, name);
                if (screenshot_failed_) return 1;  // frame() said which file could not be written
                std::cout << "screenshot: " << name << "\n";
                break;
            }
            case ScriptStep::Kind::idle:
                time_offset_ += step.seconds;
                settle();
                break;
            case ScriptStep::Kind::measure_tap: {
                // The main thread's CPU from the press to the first frame drawn after the
                // release, as a finger would see it: reading, laying out and drawing included.
                std::vector<double> cpu_ms;
                for (int i = 0; i < static_cast<int>(step.seconds); ++i) {
                    const std::optional<ImVec2> at = ui_.targets.center(step.argument);
                    if (!at) {
                        std::cerr << "kiosk: " << options_.script << ":" << step.line << ": no '" << step.argument << "' on this screen\n";
                        return 1;
                    }
                    const double cpu0 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
                    frame(false, {}, at, true);
                    frame(false, {}, at, false);
                    frame(false, {});
                    cpu_ms.push_back((cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu0) * 1000);
                }
                const auto [median, p99] = median_p99(cpu_ms);
                std::printf("tap %s: main thread CPU from press to the next screen drawn: median %.2f ms, p99 %.2f ms (%zu taps)\n",
                            step.argument.c_str(), median, p99, cpu_ms.size());
                std::fflush(stdout);
                break;
            }
            case ScriptStep::Kind::where: {
                const std::optional<ImVec2> at = ui_.targets.center(step.argument);
                if (!at) {
                    std::cerr << "kiosk: " << options_.script << ":" << step.line << ": no '" << step.argument << "' on this screen\n";
                    return 1;
                }
                std::printf("where %s %.0f %.0f\n", step.argument.c_str(), at->x, at->y);
                std::fflush(stdout);
                break;
            }
            case ScriptStep::Kind::hold_corner: {
                const ImVec2 corner(4, 4);
                frame(false, {}, corner, true);
                for (int i = 0; i < 10; ++i) {
                    time_offset_ += step.seconds / 10;
                    frame(false, {}, corner, true);
                }
                frame(false, {}, corner, false);
                settle();
                break;
            }
            case ScriptStep::Kind::wait_file: {
                // Another process acts meanwhile (an end-to-end test publishing content): wait
                // for its sign, drawing frames as the loop would, then let an update settle.
                const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
                while (!std::filesystem::exists(step.argument) && std::chrono::steady_clock::now() < until) {
                    frame(false, {});
                    usleep(50000);
                }
                if (!std::filesystem::exists(step.argument)) {
                    std::cerr << "kiosk: " << options_.script << ":" << step.line << ": " << step.argument << " did not appear within 60 s\n";
                    return 1;
                }
                if (updates_) {
                    content_check_due_ = true;
                    content_check_at_ = check_at_once;
                    frame(false, {});
                    updates_->wait();
                }
                settle();
                break;
            }
            case ScriptStep::Kind::listen: {
                // In real time: the voice is made and played on a thread of its own.
                bool heard = false;
                for (int i = 0; i < 1000 && !heard; ++i) {
                    frame(false, {});
                    heard = !ui_.read_aloud.heard.empty();
                    if (!heard) std::this_thread::sleep_for(std::chrono::milliseconds(10));
                }
                if (!heard) {
                    std::cerr << "kiosk: " << options_.script << ":" << step.line << ": nothing was read aloud within 10 s\n";
                    return 1;
                }
                // Half a second of it, as a patient would hear before tapping anything.
                for (int i = 0; i < 50; ++i) {
                    frame(false, {});
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                }
                break;
            }
            case ScriptStep::Kind::quit: return 0;
        }
    }
    return 0;
}
}  // namespace kiosk::app
