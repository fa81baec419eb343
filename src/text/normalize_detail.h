// src/text/normalize_detail.h — allocation-free form of precis/normalize.h for per-word loops.
#pragma once

#include <string>
#include <string_view>

namespace precis::detail {

// Appends normalize_for_matching(text) to `out` (same result), so a caller normalising word by word can
// reuse one buffer. Thread-safe.
void append_normalized_for_matching(std::string &out, std::string_view text);

// What normalize_for_matching makes of one code point of the Arabic block (U+0600–U+06FF): 0 when it is
// dropped (harakat, tatweel), the ASCII digit for an Arabic-Indic or Persian digit, else the folded letter
// (أ → ا, ة → ه, …). Lets a per-character loop skip the string round trip for Arabic text.
char32_t arabic_for_matching(char32_t cp) noexcept;

}  // namespace precis::detail
