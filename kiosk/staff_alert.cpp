#include "staff_alert.hpp"

#include <canberra.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>

extern char** environ;

namespace kiosk::app {

namespace {

// libcanberra plays on its own thread: ca_context_play returns at once.
class Chime {
public:
    explicit Chime(std::string sound) : sound_(std::move(sound)) {
        if (ca_context_create(&context_) != CA_SUCCESS) context_ = nullptr;
    }
    ~Chime() {
        if (context_) ca_context_destroy(context_);
    }
    Chime(const Chime&) = delete;
    Chime& operator=(const Chime&) = delete;

    // Empty on success, otherwise why it could not play (no sound device, no such file).
    std::string play() {
        if (!context_) return "the sound system could not be opened";
        const int rc = sound_.empty()
                           ? ca_context_play(context_, 0, CA_PROP_EVENT_ID, "alarm-clock-elapsed", CA_PROP_EVENT_DESCRIPTION,
                                             "A patient needs staff now", nullptr)
                           : ca_context_play(context_, 0, CA_PROP_MEDIA_FILENAME, sound_.c_str(), CA_PROP_EVENT_DESCRIPTION,
                                             "A patient needs staff now", nullptr);
        return rc == CA_SUCCESS ? std::string() : std::string(ca_strerror(rc));
    }

private:
    std::string sound_;
    ca_context* context_ = nullptr;
};

std::string describe_exit(int status) {
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return "ended by signal " + std::to_string(WTERMSIG(status));
    return "ended abnormally";
}

class SystemStaffAlerter final : public StaffAlerter {
public:
    explicit SystemStaffAlerter(AlertSettings settings) : settings_(std::move(settings)) {
        if (settings_.chime) chime_ = std::make_unique<Chime>(settings_.chime_sound_path.string());
    }

    bool alerts_for(screening::Severity severity) const override {
        return severity == screening::Severity::urgent || (settings_.on_stop && severity == screening::Severity::stop);
    }

    void raise(const std::string& ticket, screening::Severity severity) override {
        if (!alerts_for(severity)) return;
        if (chime_) {
            const std::string problem = chime_->play();
            push({ticket, "chime", problem.empty(), problem.empty() ? "played" : problem});
        }
        if (!settings_.command.empty()) run_command(ticket, severity);
    }

    std::vector<AlertOutcome> finished() override {
        std::lock_guard lock(outcomes_->mutex);
        std::vector<AlertOutcome> out;
        out.swap(outcomes_->list);
        return out;
    }

    bool waiting() const override {
        std::lock_guard lock(outcomes_->mutex);
        return outcomes_->running > 0 || !outcomes_->list.empty();
    }

private:
    // Shared with the threads that wait for commands, which may outlive this object.
    struct Outcomes {
        std::mutex mutex;
        std::vector<AlertOutcome> list;
        int running = 0;  // commands whose outcome is still to come
        void push(AlertOutcome outcome) {
            std::lock_guard lock(mutex);
            list.push_back(std::move(outcome));
        }
        void started() {
            std::lock_guard lock(mutex);
            ++running;
        }
        void ended(AlertOutcome outcome) {
            std::lock_guard lock(mutex);
            list.push_back(std::move(outcome));
            --running;
        }
    };

    void push(AlertOutcome outcome) { outcomes_->push(std::move(outcome)); }

    void run_command(const std::string& ticket, screening::Severity severity) {
        // argv: the clinic's program and its fixed arguments, then the ticket and the severity.
        std::vector<std::string> args = settings_.command;
        args.push_back(ticket);
        args.emplace_back(screening::severity_name(severity));
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);

        pid_t pid = 0;
        const int rc = posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ);
        if (rc != 0) {
            push({ticket, "command", false, std::string("could not start ") + argv[0] + ": " + std::strerror(rc)});
            return;
        }
        const int timeout = settings_.command_timeout_seconds;
        outcomes_->started();
        // The UI never waits for the clinic's program: a detached thread reaps it (or kills it
        // when it hangs) and reports how it ended.
        std::thread([outcomes = outcomes_, pid, ticket, timeout] {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout);
            int status = 0;
            while (true) {
                const pid_t done = waitpid(pid, &status, WNOHANG);
                if (done == pid) break;
                if (done < 0) {
                    outcomes->ended({ticket, "command", false, std::string("lost track of it: ") + std::strerror(errno)});
                    return;
                }
                if (std::chrono::steady_clock::now() >= deadline) {
                    kill(pid, SIGKILL);
                    waitpid(pid, &status, 0);
                    outcomes->ended({ticket, "command", false, "killed after " + std::to_string(timeout) + " s"});
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
            outcomes->ended({ticket, "command", ok, describe_exit(status)});
        }).detach();
    }

    AlertSettings settings_;
    std::unique_ptr<Chime> chime_;
    std::shared_ptr<Outcomes> outcomes_ = std::make_shared<Outcomes>();
};

}  // namespace

std::unique_ptr<StaffAlerter> make_system_alerter(const AlertSettings& settings) {
    return std::make_unique<SystemStaffAlerter>(settings);
}

}  // namespace kiosk::app
