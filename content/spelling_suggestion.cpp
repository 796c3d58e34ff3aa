#include "spelling_suggestion.hpp"

#include <algorithm>

namespace kiosk::content {

namespace {

// Optimal string alignment distance: like Levenshtein, but swapping two neighbouring letters
// ("yse" for "yes") counts as one edit, as it is one slip of the finger. Gives up (returns
// `limit`) once every alignment has reached `limit` edits: lint asks this of every unknown key
// against every known one, so the cost must stay small.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    std::vector<std::size_t> before(b.size() + 1);  // row i - 2
    std::vector<std::size_t> last(b.size() + 1);    // row i - 1
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) last[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        std::size_t smallest = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
            smallest = std::min(smallest, row[j]);
        }
        if (smallest >= limit) return limit;
        std::swap(before, last);
        std::swap(last, row);
    }
    return std::min(last[b.size()], limit);
}

// No key or option is this long: a longer word is not a slip of one, and is not compared.
constexpr std::size_t longest_word_compared = 64;

}  // namespace

std::string closest_spelling(std::string_view word, const std::vector<std::string_view>& candidates) {
    if (word.size() > longest_word_compared) return {};
    std::string_view best;
    std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
    for (std::string_view c : candidates) {
        // Lengths further apart than the best distance so far cannot come closer.
        if (c.size() >= word.size() + best_distance || word.size() >= c.size() + best_distance) continue;
        const std::size_t d = edit_distance(word, c, best_distance);
        if (d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    if (best.empty() && word.size() >= 4) {
        // A shortened name ("idle_timeout" for "idle_timeout_seconds") is a likely slip too.
        for (std::string_view c : candidates) {
            if (c.starts_with(word)) return std::string(c);
        }
    }
    return std::string(best);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
    const std::string best = closest_spelling(word, candidates);
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

}  // namespace kiosk::content
