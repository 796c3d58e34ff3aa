#include "content_updates.hpp"

#include <chrono>
#include <vector>

#include "bundle_releases.hpp"

namespace kiosk::app {

namespace fs = std::filesystem;

ContentUpdates::ContentUpdates(fs::path root, fs::path serving) : root_(std::move(root)), serving_(std::move(serving)) {}

ContentUpdates::~ContentUpdates() { wait(); }

void ContentUpdates::wait() {
    if (running_.valid()) running_.wait();
    collect();
}

void ContentUpdates::collect() {
    if (!running_.valid() || running_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    Outcome outcome = running_.get();
    if (outcome.ready) ready_ = std::move(outcome.ready);
    if (!outcome.refused.empty()) refused_ = outcome.refused;
    if (!outcome.refused_release.empty()) refused_release_ = outcome.refused_release;
    if (!outcome.news.empty()) news_ += (news_.empty() ? "" : "\n") + outcome.news;
}

void ContentUpdates::check() {
    collect();
    if (running_.valid() || ready_) return;
    // Cheap first: nothing waiting in incoming/ and `current` where it was: no thread at all.
    const bool incoming = !waiting_in_incoming().empty();
    const fs::path current = screening::current_release(root_);
    if (!incoming && (current.empty() || current == serving_ || current == refused_release_)) return;
    running_ = std::async(std::launch::async, [this] { return run_check(); });
}

std::vector<fs::path> ContentUpdates::waiting_in_incoming() const {
    std::vector<fs::path> waiting;
    std::error_code ec;
    for (fs::directory_iterator it(root_ / "incoming", ec), end; !ec && it != end; it.increment(ec)) {
        // A refused one stays for the operator to see, and is not tried again.
        if (it->is_directory(ec) && it->path().filename().string().rfind("refused-", 0) != 0) waiting.push_back(it->path());
    }
    return waiting;
}

ContentUpdates::Outcome ContentUpdates::run_check() const {
    Outcome out;
    std::error_code ec;
    // A bundle an operator copied in: published like `kiosk-content publish`, then taken away.
    for (const fs::path& bundle : waiting_in_incoming()) {
        const screening::Published published = screening::publish_bundle(bundle, root_);
        if (published.problem.empty()) {
            fs::remove_all(bundle, ec);
            out.news = "content: published " + bundle.filename().string() + " from incoming/ as release " + published.version;
        } else {
            // Kept, renamed, so that the operator finds it and it is not tried again.
            fs::rename(bundle, bundle.parent_path() / ("refused-" + bundle.filename().string()), ec);
            out.refused = "The bundle copied to incoming/" + bundle.filename().string() + " was refused: " + published.problem;
        }
    }
    const fs::path current = screening::current_release(root_);
    if (current.empty() || current == serving_ || current == refused_release_) return out;
    auto bundle = std::make_unique<screening::KioskBundle>(screening::load_kiosk_bundle(current));
    for (const content::Diagnostic& d : bundle->content.diagnostics.items()) {
        if (d.severity != content::Severity::error) continue;
        out.refused = "Release " + current.filename().string() + " was refused: " + content::format_diagnostic(d);
        out.refused_release = current;
        return out;
    }
    if (!bundle->usable) {
        out.refused = "Release " + current.filename().string() + " cannot be used";
        out.refused_release = current;
        return out;
    }
    out.ready = ReadyBundle{current, std::move(bundle)};
    return out;
}

std::optional<ReadyBundle> ContentUpdates::take_ready() {
    collect();
    std::optional<ReadyBundle> ready = std::move(ready_);
    ready_.reset();
    return ready;
}

std::string ContentUpdates::take_news() {
    collect();
    std::string news = std::move(news_);
    news_.clear();
    return news;
}

}  // namespace kiosk::app
