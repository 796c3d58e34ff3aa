#include "frame_fingerprint.hpp"

#include <functional>
#include <string_view>

namespace kiosk::app {

namespace {

template <typename T>
std::uint64_t digest(const T* data, std::size_t count) {
    // libstdc++'s std::hash of bytes (MurmurHash2, 64-bit): several GB/s, so a screen's few
    // hundred KB of vertices cost well under a millisecond.
    return std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(data), count * sizeof(T)));
}

void mix(std::uint64_t& seed, std::uint64_t value) { seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2); }

// The fields of a draw command that decide what it draws (the struct has padding and pointers
// that do not).
struct CommandKey {
    float clip[4];
    std::uint64_t texture;
    std::uint32_t vtx_offset;
    std::uint32_t idx_offset;
    std::uint32_t elements;
    std::uint32_t has_callback;
};

}  // namespace

std::uint64_t frame_fingerprint(const ImDrawData& draw_data, ImU32 background) {
    std::uint64_t seed = background;
    mix(seed, digest(&draw_data.DisplaySize, 1));
    mix(seed, digest(&draw_data.FramebufferScale, 1));
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImDrawList& list = *draw_data.CmdLists[n];
        mix(seed, digest(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size)));
        mix(seed, digest(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size)));
        for (const ImDrawCmd& c : list.CmdBuffer) {
            const CommandKey key{{c.ClipRect.x, c.ClipRect.y, c.ClipRect.z, c.ClipRect.w},
                                 static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(c.TextureId)),
                                 c.VtxOffset,
                                 c.IdxOffset,
                                 c.ElemCount,
                                 c.UserCallback != nullptr ? 1U : 0U};
            mix(seed, digest(&key, 1));
        }
    }
    return seed;
}

}  // namespace kiosk::app
