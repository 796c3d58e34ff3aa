#include "system_log.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>

#include <systemd/sd-journal.h>

namespace kiosk::app {

namespace {

std::mutex log_mutex;  // the content thread and the UI thread both log at start-up
std::string log_kiosk_id = "kiosk";

// systemd sets JOURNAL_STREAM to the device and inode of the stream it connected to the journal;
// only if standard error is still that stream do entries go to the journal directly.
bool stderr_is_journal() {
    static const bool journal = [] {
        const char* stream = std::getenv("JOURNAL_STREAM");
        if (!stream) return false;
        struct stat st {};
        if (::fstat(STDERR_FILENO, &st) != 0) return false;
        unsigned long long dev = 0;
        unsigned long long ino = 0;
        return std::sscanf(stream, "%llu:%llu", &dev, &ino) == 2 && dev == st.st_dev && ino == st.st_ino;
    }();
    return journal;
}

}  // namespace

void set_log_kiosk_id(std::string kiosk_id) {
    const std::lock_guard<std::mutex> lock(log_mutex);
    log_kiosk_id = std::move(kiosk_id);
}

void system_log(LogLevel level, std::string_view event, std::string_view message) {
    const std::lock_guard<std::mutex> lock(log_mutex);
    if (stderr_is_journal()) {
        const std::string text(message);
        const std::string event_text(event);
        sd_journal_send("MESSAGE=%s", text.c_str(), "PRIORITY=%d", static_cast<int>(level), "KIOSK_EVENT=%s", event_text.c_str(),
                        "KIOSK_ID=%s", log_kiosk_id.c_str(), "SYSLOG_IDENTIFIER=kiosk", nullptr);
        return;
    }
    std::cerr << "kiosk: " << message << "\n";
}

}  // namespace kiosk::app
