#include "audit_seal.hpp"

#include <cerrno>
#include <algorithm>
#include <charconv>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

namespace kiosk::store {

namespace {

constexpr std::string_view key_prefix = "kiosk-seal-1";
constexpr std::string_view file_header = "kiosk audit seal 1";
// A verifier never steps further than this many epochs (about 28 years of 15 minutes).
constexpr std::int64_t max_epoch = 1'000'000;

std::string hex_of(const unsigned char* data, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), data, size);
    hex.pop_back();
    return hex;
}

bool key_from_hex(std::string_view hex, SealKey& key) {
    std::size_t written = 0;
    return hex.size() == key.size() * 2 &&
           sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &written, nullptr) == 0 && written == key.size();
}

bool int_from(std::string_view text, std::int64_t& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

std::string id_of(const SealKey& first_key) {
    static constexpr std::string_view label = "kiosk audit seal id";
    std::array<unsigned char, 8> id{};
    crypto_generichash(id.data(), id.size(), reinterpret_cast<const unsigned char*>(label.data()), label.size(), first_key.data(), first_key.size());
    return hex_of(id.data(), id.size());
}

}  // namespace

std::int64_t seconds_since_epoch(std::string_view iso_utc) {
    std::tm tm{};
    const std::string text(iso_utc);
    if (!strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
    return static_cast<std::int64_t>(timegm(&tm));
}

std::string VerificationKey::text() const {
    return std::string(key_prefix) + ":" + hex_of(first_key.data(), first_key.size()) + ":" + std::to_string(start) + ":" +
           std::to_string(epoch_seconds);
}

std::string VerificationKey::id() const { return id_of(first_key); }

std::optional<VerificationKey> VerificationKey::parse(std::string_view text) {
    std::array<std::string_view, 4> parts;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::size_t colon = i + 1 < parts.size() ? text.find(':') : std::string_view::npos;
        if (i + 1 < parts.size() && colon == std::string_view::npos) return std::nullopt;
        parts[i] = text.substr(0, colon);
        text = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
    }
    VerificationKey key;
    if (parts[0] != key_prefix || !key_from_hex(parts[1], key.first_key) || !int_from(parts[2], key.start) ||
        !int_from(parts[3], key.epoch_seconds) || key.epoch_seconds <= 0) {
        return std::nullopt;
    }
    return key;
}

SealKey next_epoch_key(const SealKey& key) {
    static constexpr std::string_view label = "kiosk audit seal: next epoch";
    SealKey next{};
    crypto_generichash(next.data(), next.size(), reinterpret_cast<const unsigned char*>(label.data()), label.size(), key.data(), key.size());
    return next;
}

std::string seal_of(const SealKey& key, std::string_view input) {
    std::array<unsigned char, 32> mac{};
    crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(input.data()), input.size(), key.data(), key.size());
    return hex_of(mac.data(), mac.size());
}

std::variant<std::pair<AuditSeal, VerificationKey>, std::string> AuditSeal::create(const std::filesystem::path& path, std::int64_t now_unix) {
    std::error_code ec;
    if (std::filesystem::symlink_status(path, ec).type() != std::filesystem::file_type::not_found) {
        return path.string() + " exists already; an audit seal is never replaced";
    }
    VerificationKey verification;
    randombytes_buf(verification.first_key.data(), verification.first_key.size());
    verification.start = now_unix;
    AuditSeal seal;
    seal.path_ = path;
    seal.start_ = now_unix;
    seal.epoch_seconds_ = verification.epoch_seconds;
    seal.key_ = verification.first_key;
    seal.key_id_ = verification.id();
    if (auto problem = seal.save()) return *problem;
    return std::pair<AuditSeal, VerificationKey>{std::move(seal), verification};
}

std::variant<AuditSeal, std::string> AuditSeal::load(const std::filesystem::path& path, bool& missing) {
    missing = false;
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found) {
        missing = true;
        return path.string() + " does not exist";
    }
    if (!std::filesystem::is_regular_file(status)) return path.string() + " is not a regular file";
    std::ifstream in(path);
    std::string header;
    std::string key_hex;
    AuditSeal seal;
    seal.path_ = path;
    std::string line;
    std::getline(in, header);
    if (header != file_header) return path.string() + ":1: not an audit seal (it should begin with \"" + std::string(file_header) + "\")";
    int number = 1;
    while (std::getline(in, line)) {
        ++number;
        const std::size_t space = line.find(' ');
        const std::string name = line.substr(0, space);
        const std::string value = space == std::string::npos ? std::string() : line.substr(space + 1);
        bool ok = true;
        if (name == "start") ok = int_from(value, seal.start_);
        else if (name == "epoch-seconds") ok = int_from(value, seal.epoch_seconds_) && seal.epoch_seconds_ > 0;
        else if (name == "epoch") ok = int_from(value, seal.epoch_) && seal.epoch_ >= 0;
        else if (name == "key-id") seal.key_id_ = value;
        else if (name == "key") ok = key_from_hex(value, seal.key_);
        else ok = false;
        if (!ok) return path.string() + ":" + std::to_string(number) + ": cannot read \"" + name + "\"";
    }
    if (seal.key_id_.empty()) return path.string() + ": no key-id line";
    return seal;
}

AuditSeal::AuditSeal(AuditSeal&& other) noexcept
    : path_(std::move(other.path_)), start_(other.start_), epoch_seconds_(other.epoch_seconds_), epoch_(other.epoch_),
      key_id_(std::move(other.key_id_)), key_(other.key_) {
    sodium_memzero(other.key_.data(), other.key_.size());
}

AuditSeal& AuditSeal::operator=(AuditSeal&& other) noexcept {
    if (this != &other) {
        path_ = std::move(other.path_);
        start_ = other.start_;
        epoch_seconds_ = other.epoch_seconds_;
        epoch_ = other.epoch_;
        key_id_ = std::move(other.key_id_);
        key_ = other.key_;
        sodium_memzero(other.key_.data(), other.key_.size());
    }
    return *this;
}

AuditSeal::~AuditSeal() { sodium_memzero(key_.data(), key_.size()); }

std::int64_t AuditSeal::epoch_at(std::int64_t unix_time) const {
    const std::int64_t e = unix_time > start_ ? (unix_time - start_) / epoch_seconds_ : 0;
    return std::max(e, epoch_);
}

void AuditSeal::refresh() {
    bool missing = false;
    auto on_disk = load(path_, missing);
    auto* seal = std::get_if<AuditSeal>(&on_disk);
    if (seal && seal->key_id_ == key_id_ && seal->epoch_ > epoch_) *this = std::move(*seal);
}

AuditSeal::Use AuditSeal::key_for(std::int64_t epoch) {
    if (epoch <= epoch_) return {&key_, epoch_, {}};
    if (epoch - epoch_ > max_epoch) return {&key_, epoch_, "the clock is too far ahead of the audit seal (epoch " + std::to_string(epoch) + ")"};
    AuditSeal next;
    next.path_ = path_;
    next.start_ = start_;
    next.epoch_seconds_ = epoch_seconds_;
    next.key_id_ = key_id_;
    next.epoch_ = epoch_;
    next.key_ = key_;
    while (next.epoch_ < epoch) {
        next.key_ = next_epoch_key(next.key_);
        ++next.epoch_;
    }
    // On disk first: a key kept only in memory would come back as the old one after a restart.
    if (auto problem = next.save()) return {&key_, epoch_, *problem};
    *this = std::move(next);
    return {&key_, epoch_, {}};
}

std::optional<std::string> AuditSeal::save() const {
    std::ostringstream text;
    text << file_header << "\nstart " << start_ << "\nepoch-seconds " << epoch_seconds_ << "\nepoch " << epoch_ << "\nkey-id " << key_id_
         << "\nkey " << hex_of(key_.data(), key_.size()) << "\n";
    std::string body = text.str();
    // The key leaves memory with this function, whatever happens below.
    struct Wipe {
        std::string& text;
        ~Wipe() { sodium_memzero(text.data(), text.size()); }
    } const wipe{body};
    const std::string partial = path_.string() + ".partial";
    ::unlink(partial.c_str());
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return "cannot write the audit seal " + partial + ": " + std::strerror(errno);
    const bool written = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) && ::fsync(fd) == 0;
    const int write_errno = errno;
    ::close(fd);
    if (!written || ::rename(partial.c_str(), path_.c_str()) != 0) {
        const int why = written ? errno : write_errno;
        ::unlink(partial.c_str());
        return "cannot write the audit seal " + path_.string() + ": " + std::strerror(why);
    }
    // The rename itself must survive a power cut, or the erased key could come back.
    const std::filesystem::path folder = path_.has_parent_path() ? path_.parent_path() : std::filesystem::path(".");
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return std::nullopt;
}

SealVerifier::~SealVerifier() { sodium_memzero(key_.data(), key_.size()); }

std::optional<SealKey> SealVerifier::key_at(std::int64_t epoch) {
    if (epoch < epoch_ || epoch > max_epoch) return std::nullopt;
    while (epoch_ < epoch) {
        key_ = next_epoch_key(key_);
        ++epoch_;
    }
    return key_;
}

}  // namespace kiosk::store
