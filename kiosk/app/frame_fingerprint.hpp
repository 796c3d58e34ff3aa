#pragma once
// Whether a frame would put anything new on the screen. The kiosk builds a frame whenever it
// wakes (input, a timer, background work), but a frame that draws exactly what is already shown
// is not drawn: with software rendering, drawing is most of a frame's cost, and at rest nothing
// should cost anything.
#include <cstdint>

#include <imgui.h>

namespace kiosk::app {

// A 64-bit digest of everything a frame draws: vertices, indices, draw commands (clip
// rectangles, textures), the display size and the background colour.
std::uint64_t frame_fingerprint(const ImDrawData& draw_data, ImU32 background);

}  // namespace kiosk::app
