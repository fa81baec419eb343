// src/spec/spec_tokens.h — the tokens the instruction grammar reads (internal to src/spec).
//
// An instruction is split into words, numbers and single symbols, each keeping its byte range in the text so a
// rejected phrase can be quoted exactly. Words carry a lookup key: lower-cased, Arabic letters normalised
// (diacritics and tatweel dropped, أ إ آ ٱ → ا, ى → ي, ة → ه) so that one spelling in the phrase tables covers
// the ways people type it. Numbers accept Western and Eastern Arabic digits with thousands separators.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace precis::detail {

enum class spec_token_kind { word, number, symbol };

struct spec_token {
    spec_token_kind kind = spec_token_kind::word;
    std::size_t begin = 0;          // byte range in the tokenized text
    std::size_t end = 0;
    std::string key;                // word: normalised form; number: ASCII digits; symbol: the character
    double value = 0.0;             // numbers only
    bool integral = true;           // numbers only: no fractional part ("2.5" is not)
    bool space_before = false;      // whitespace separates it from the previous token
    bool line_before = false;       // a line break separates it from the previous token
    bool capitalized = false;       // words: the first letter is upper case
    bool arabic = false;            // words: written in Arabic script
    bool han = false;               // words: one Han/kana character
};

// Splits `text` into tokens. Han and kana characters are one token each; a letter run and a digit run that
// touch ("600字", "و500", "2k") are separate tokens with space_before == false. Thread-safe.
std::vector<spec_token> tokenize_instruction(std::string_view text);

// The lookup key of a word or phrase as tokenize_instruction computes it (words separated by one space).
std::string spec_key(std::string_view text);

// True when a word key begins with an Arabic proclitic letter that can be peeled off (و ف ب ل ك).
bool has_arabic_proclitic(std::string_view key) noexcept;

}  // namespace precis::detail
