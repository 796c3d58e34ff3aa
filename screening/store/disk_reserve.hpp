#pragma once
// Space held on the data disk for the moment it fills. A file of real blocks (posix_fallocate,
// not a sparse file) beside the database; when a patient's submission cannot be committed for
// lack of space, the store deletes it and commits into the room it leaves, so that a sent
// submission does not live only in the kiosk's memory until someone frees the disk.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::store {

class DiskReserve {
public:
    DiskReserve() = default;
    DiskReserve(std::filesystem::path path, std::uint64_t bytes) : path_(std::move(path)), bytes_(bytes) {}

    struct Problem {
        std::string text;
        bool no_room = false;  // the disk is (nearly) full; otherwise something is in the way
    };
    // Makes the file when it is missing or short. Nothing on success; otherwise why not (the disk
    // has no room for it, or something that is not our file is in the way, which is left alone).
    [[nodiscard]] std::optional<Problem> ensure();
    // Deletes the file so that its blocks are free again. True when there was one to give back.
    bool release();
    bool held() const;
    const std::filesystem::path& path() const { return path_; }
    bool enabled() const { return bytes_ > 0 && !path_.empty(); }

private:
    std::filesystem::path path_;
    std::uint64_t bytes_ = 0;
};

}  // namespace kiosk::store
