// precis/normalize.h — text normalisation for matching (never applied to output).
//
// Used wherever precis compares text: ROUGE, copied-run detection, name and number matching.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace precis {

// Arabic letter normalisation: hamza forms of alef (أ إ آ ٱ) → ا, ة → ه, ى → ي, ؤ → و, ئ → ي;
// removes diacritics (harakat, U+064B–U+065F, U+0670) and tatweel (U+0640). Other text passes unchanged.
std::string normalize_arabic(std::string_view text);

// Normalisation for matching: normalize_arabic, Unicode case folding, Eastern Arabic and Persian digits
// → ASCII digits. Word boundaries are preserved (no characters are added or merged across spaces).
std::string normalize_for_matching(std::string_view text);

// Maps an Eastern Arabic (U+0660–0669) or Persian (U+06F0–06F9) digit to its ASCII value 0–9; -1 otherwise.
int arabic_digit_value(char32_t cp) noexcept;

}  // namespace precis
