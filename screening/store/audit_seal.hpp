#pragma once
// Forward-secure sealing of the audit log, after Schneier and Kelsey's secure audit logs and
// systemd-journald's sealing. Time is cut into epochs (15 minutes); each row is sealed with a
// keyed BLAKE2b of its fields and of the previous row's seal, under its epoch's key. The key of
// the next epoch is a one-way hash of the current one, and the old key is erased (in memory and
// on disk) as soon as an epoch ends: someone who takes the kiosk's disk later cannot reseal what
// was written before, because the keys of those epochs no longer exist anywhere on the kiosk.
//
// The verification key (the first epoch's key, the start time and the epoch length) is shown once
// when the seal is made, for the clinic to keep away from the kiosk; from it the verifier derives
// every epoch's key. Removing the last rows cannot be seen in the rows that remain: the row count
// and the last seal are also written where the database cannot change them (the system log,
// every export), and `kiosk-store verify-audit --expect` checks against them.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace kiosk::store {

using SealKey = std::array<unsigned char, 32>;

inline constexpr std::int64_t seal_epoch_seconds = 15 * 60;

// "2026-11-23T20:25:00Z" in seconds since 1970 (0 when it is not such a time).
std::int64_t seconds_since_epoch(std::string_view iso_utc);

// What the clinic keeps: "kiosk-seal-1:<key hex>:<start, unix seconds>:<epoch seconds>".
struct VerificationKey {
    SealKey first_key{};
    std::int64_t start = 0;
    std::int64_t epoch_seconds = seal_epoch_seconds;

    std::string text() const;
    // Which key sealed a segment of the log (written in its sealing row), without revealing it.
    std::string id() const;
    static std::optional<VerificationKey> parse(std::string_view text);
};

// The key one epoch later: a one-way step, so an epoch's key says nothing of earlier ones.
SealKey next_epoch_key(const SealKey& key);
// The seal of a row: keyed BLAKE2b-256 of `input`, in hex.
std::string seal_of(const SealKey& key, std::string_view input);

// The kiosk's side: the current epoch and its key, kept in a file of its own (mode 0600) beside
// the database, rewritten (temporary file, fsync, rename) whenever the epoch moves on.
class AuditSeal {
public:
    // A new seal starting at `now_unix`, written to `path` (which must not exist). The
    // verification key is returned once and is kept nowhere on the kiosk.
    [[nodiscard]] static std::variant<std::pair<AuditSeal, VerificationKey>, std::string> create(const std::filesystem::path& path, std::int64_t now_unix);
    // The seal in `path`; nullopt in `missing` when there is none; otherwise an error naming the file.
    [[nodiscard]] static std::variant<AuditSeal, std::string> load(const std::filesystem::path& path, bool& missing);

    AuditSeal(AuditSeal&& other) noexcept;
    AuditSeal& operator=(AuditSeal&& other) noexcept;
    AuditSeal(const AuditSeal&) = delete;
    AuditSeal& operator=(const AuditSeal&) = delete;
    ~AuditSeal();

    // The epoch a row written at `unix_time` is sealed in: never earlier than the current one
    // (a clock set back cannot bring back an erased key).
    std::int64_t epoch_at(std::int64_t unix_time) const;
    // The key to seal with at `epoch`: moves there first, erasing every key before it, on disk
    // before in memory. When the file cannot be rewritten (a full disk), the row is sealed in the
    // current epoch instead and `problem` says why: a row is never refused for it.
    struct Use {
        const SealKey* key = nullptr;
        std::int64_t epoch = 0;
        std::string problem;
    };
    Use key_for(std::int64_t epoch);
    // Catches up with its file: another process on the same database (kiosk-store beside the
    // kiosk) may have moved the epoch on. Call under the database's write lock.
    void refresh();
    std::int64_t epoch() const { return epoch_; }
    const std::string& key_id() const { return key_id_; }

private:
    AuditSeal() = default;
    [[nodiscard]] std::optional<std::string> save() const;

    std::filesystem::path path_;
    std::int64_t start_ = 0;
    std::int64_t epoch_seconds_ = seal_epoch_seconds;
    std::int64_t epoch_ = 0;
    std::string key_id_;
    SealKey key_{};
};

// The verifier's side: any epoch's key from the verification key, stepping forward only.
class SealVerifier {
public:
    explicit SealVerifier(const VerificationKey& key)
        : key_(key.first_key), start_(key.start), epoch_seconds_(key.epoch_seconds), id_(key.id()) {}
    ~SealVerifier();
    SealVerifier(const SealVerifier&) = delete;
    SealVerifier& operator=(const SealVerifier&) = delete;
    const std::string& id() const { return id_; }
    // nullopt for an epoch before the last one asked (rows are sealed in epoch order) or absurdly
    // far ahead (a damaged row must not make the verifier hash for hours).
    std::optional<SealKey> key_at(std::int64_t epoch);
    // The epoch a row written at `unix_time` belongs to.
    std::int64_t epoch_of(std::int64_t unix_time) const { return unix_time > start_ ? (unix_time - start_) / epoch_seconds_ : 0; }

private:
    SealKey key_{};
    std::int64_t start_ = 0;
    std::int64_t epoch_seconds_ = seal_epoch_seconds;
    std::int64_t epoch_ = 0;
    std::string id_;
};

}  // namespace kiosk::store
