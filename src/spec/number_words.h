// src/spec/number_words.h — numbers in instructions: digits and English and Arabic number words (internal).
//
//   "2000", "2,000", "٢٠٠٠", "2k", "1.5 thousand", "two thousand", "twenty-five", "one hundred and fifty",
//   "a dozen", "ستة", "خمسة وعشرون", "ثلاثمائة", "ثلاث مائة", "ألف وخمسمائة", "ثلاثة آلاف", "ألفي" (2000)
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "spec/spec_tokens.h"

namespace precis::detail {

struct number_phrase {
    double value = 0.0;
    bool integral = true;
    std::size_t end = 0;   // index of the first token after the number
    bool spelled = false;  // written in words rather than digits
};

// Reads the number that starts at tokens[i], if one does. `allow_joins` lets "and"/"و" join parts
// ("one hundred and fifty", "خمسة وعشرون"); a caller reading "between A and B" retries without it when the
// greedy reading swallowed the "and". A leading Arabic proclitic is peeled off ("بخمس", "وست"). Thread-safe.
std::optional<number_phrase> parse_number(const std::vector<spec_token> &tokens, std::size_t i,
                                          bool allow_joins = true);

// True when tokens[i] could begin a number (a digit run or a number word).
bool starts_number(const std::vector<spec_token> &tokens, std::size_t i);

}  // namespace precis::detail
