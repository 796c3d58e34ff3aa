// The kiosk as a systemd service: "ready" once, and watchdog pings no more often than half the
// interval systemd set. A datagram socket plays systemd's side.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "../store/store_fixture.hpp"
#include "service_notify.hpp"

using kiosk::app::ServiceNotifier;

namespace {

// systemd's end of NOTIFY_SOCKET, for the life of a test.
class FakeSystemd {
public:
    explicit FakeSystemd(const std::filesystem::path& socket_path) {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const std::string path = socket_path.string();
        REQUIRE(path.size() < sizeof address.sun_path);
        path.copy(address.sun_path, path.size());
        REQUIRE(::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
        ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
        ::setenv("WATCHDOG_USEC", "2000000", 1);  // WatchdogSec=2
        ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
    }
    ~FakeSystemd() {
        ::unsetenv("NOTIFY_SOCKET");
        ::unsetenv("WATCHDOG_USEC");
        ::unsetenv("WATCHDOG_PID");
        ::close(fd_);
    }
    FakeSystemd(const FakeSystemd&) = delete;
    FakeSystemd& operator=(const FakeSystemd&) = delete;
    // The next message, or "" when none came.
    std::string received() {
        char buffer[512];
        const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    }

private:
    int fd_ = -1;
};

}  // namespace

TEST_CASE("under systemd: READY=1 once, and WATCHDOG=1 every half interval from the loop, never more often") {
    kiosk::test::TempDir dir;
    FakeSystemd systemd(dir / "notify");
    ServiceNotifier notifier;
    CHECK(notifier.under_systemd());
    notifier.ready();
    CHECK(systemd.received().rfind("READY=1", 0) == 0);
    notifier.ready();
    CHECK(systemd.received().empty());

    notifier.keep_alive(100.0);
    CHECK(systemd.received() == "WATCHDOG=1");
    notifier.keep_alive(100.5);  // a busy loop: no ping before a second (half of 2 s) has passed
    CHECK(systemd.received().empty());
    REQUIRE(notifier.seconds_until_ping(100.5).has_value());
    CHECK(*notifier.seconds_until_ping(100.5) == doctest::Approx(0.5));
    notifier.keep_alive(101.0);
    CHECK(systemd.received() == "WATCHDOG=1");
}

TEST_CASE("outside systemd nothing is sent and the loop is never woken for a ping") {
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    ServiceNotifier notifier;
    CHECK_FALSE(notifier.under_systemd());
    notifier.ready();
    notifier.keep_alive(0);
    CHECK_FALSE(notifier.seconds_until_ping(0).has_value());
}
