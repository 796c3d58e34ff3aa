#include "kiosk_program.hpp"

namespace kiosk::app {

// ---------------------------------------------------------------------------------------------
// [SECTION] kiosk --measure: a developer's aid from inside the process (start-up steps, frame
// CPU of scripted drags). The figures we report come from scripts/bench.sh, which measures the
// kiosk from outside as it runs; idle is measured only there, on the real loop.
// ---------------------------------------------------------------------------------------------

double seconds_since_process_start() {
    // Field 22 of /proc/self/stat: start time in clock ticks after boot; /proc/uptime: now.
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {}
    std::ifstream uptime("/proc/uptime");
    double up = 0;
    uptime >> up;
    return up - std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

long pss_kib() {
    std::ifstream rollup("/proc/self/smaps_rollup");
    std::string key;
    long value = 0;
    while (rollup >> key) {
        if (key == "Pss:" && rollup >> value) return value;
        rollup.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
    }
    return -1;
}

double cpu_seconds(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::pair<double, double> median_p99(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 99 / 100)]};
}

int Kiosk::measure() {
    if (!flow_ || !failure_.empty()) return 1;
    frame(false, {});
    platform_.wait_until_drawn();  // the complete welcome screen is on screen
    const double to_welcome = seconds_since_process_start();
    const double from_main = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    long peak = pss_kib();
    std::printf("PSS at the welcome screen: %.1f MB\n", static_cast<double>(peak) / 1024.0);
    std::printf("start to complete welcome screen: %.0f ms (process start, 10 ms ticks); %.0f ms from main()\n", to_welcome * 1000,
                from_main * 1000);

    // Scrolling: a finger dragging the longest education page, 240 frames, in every language.
    pointer_from_caller_ = true;
    const std::vector<LanguageChoice> languages = flow_->languages();  // flow_ is replaced below
    for (const LanguageChoice& language : languages) {
        flow_ = std::make_unique<KioskFlow>(*bundle_, *store_, config_, now(), alerter_.get());
        flow_->apply(Intent{Intent::Kind::choose_language, language.tag, 0, 0}, now());
        flow_->apply(Intent{Intent::Kind::start, {}, 0, 0}, now());
        flow_->apply(Intent{Intent::Kind::toggle_option, "none", 0, 0}, now());  // no warning signs: on to the pages
        flow_->apply(Intent{Intent::Kind::next_question, {}, 0, 0}, now());
        for (int p = 0; p < 7; ++p) flow_->apply(Intent{Intent::Kind::next_page, {}, 0, 0}, now());  // "who should not"
        for (int i = 0; i < 3; ++i) frame(false, {});
        std::vector<double> cpu_ms;
        std::vector<double> wall_ms;
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        for (int i = 0; i < 240; ++i) {
            const float phase = static_cast<float>(i % 60) / 60.0F;  // drag up, lift, again
            const ImVec2 at(size.x / 2, size.y * (0.75F - 0.4F * phase));
            const double cpu0 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
            const double wall0 = platform_.time();
            frame(false, {}, at, i % 60 != 59);
            platform_.wait_until_drawn();
            cpu_ms.push_back((cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu0) * 1000);
            wall_ms.push_back((platform_.time() - wall0) * 1000);
        }
        const auto [cpu_median, cpu_p99] = median_p99(cpu_ms);
        const auto [wall_median, wall_p99] = median_p99(wall_ms);
        std::printf("scrolling %-8s main thread CPU per frame: median %.2f ms, p99 %.2f ms; wall: median %.2f ms, p99 %.2f ms\n",
                    language.tag.c_str(), cpu_median, cpu_p99, wall_median, wall_p99);
        const long pss = pss_kib();
        std::printf("           PSS after %s: %.1f MB\n", language.tag.c_str(), static_cast<double>(pss) / 1024.0);
        peak = std::max(peak, pss);
    }
    std::printf("peak PSS: %.1f MB\n", static_cast<double>(peak) / 1024.0);
    return 0;
}

}  // namespace kiosk::app
