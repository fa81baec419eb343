// src/plan/stopwords.h — function words that carry no topic, per language, for salience scoring.
//
// The lists are precis's own, written in the form normalize_for_matching produces (Arabic hamza forms of
// alef as bare alef, ta marbuta as ha, alef maqsura as ya; lower case). Thread-safe (immutable tables).
#pragma once

#include <string_view>

namespace precis::detail {

// True when `word` (normalised for matching) is a stop word of `language` (ISO 639-1). Languages without a
// list have no stop words.
bool is_stop_word(std::string_view word, std::string_view language) noexcept;

}  // namespace precis::detail
