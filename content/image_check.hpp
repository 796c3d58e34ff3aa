#pragma once
// Whether a picture of an education page can be shown, found from its header without decoding
// it: a 30000 x 30000 PNG of a few kilobytes decodes to gigabytes. Lint and the kiosk ask the
// same question (the kiosk before it decodes), so what lint accepts the kiosk shows.
#include <filesystem>
#include <string>

namespace kiosk::content {

// Empty when the file is a regular file of at most limits::image_bytes, in a format the kiosk
// decodes, with each side at most limits::image_side pixels; otherwise what is wrong with it.
std::string image_problem(const std::filesystem::path& file);

}  // namespace kiosk::content
