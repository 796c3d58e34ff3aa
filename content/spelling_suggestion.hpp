#pragma once
// "Did you mean 'direction'?" for a misspelt key: the closest candidate by edit distance, if it is
// close enough to be a plausible typo.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

// The candidate nearest to `word` (at most a third of its letters changed), else one that starts
// with `word`, or "".
std::string closest_spelling(std::string_view word, const std::vector<std::string_view>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace kiosk::content
