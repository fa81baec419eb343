// src/verify/facts_detail.h — number and name tokens with what matching needs beyond precis/facts.h:
// candidate readings of ambiguous numbers, the words around each number, and per-word name forms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "verify/text_index.h"

namespace precis::detail {

enum class number_kind : std::uint8_t {
    digits,      // written with digits ("2,048", "٥٫٦ مليون")
    code,        // digits glued to letters ("H800", "كم2"): matched by their letters and digits
    scale_word,  // a scale word without digits ("مليون وحدة", "three million")
    vague,       // a plural scale word without digits ("آلاف", "millions"): only a magnitude
};

struct number_token {
    std::size_t begin = 0;       // bytes of the whole expression in the text
    std::size_t end = 0;
    std::size_t first_word = 0;  // word indices (text_index) of the expression's first and last words
    std::size_t last_word = 0;
    std::uint8_t part = 0;       // index of this number among the numbers of its first word ("28/6/2001")
    number_kind kind = number_kind::digits;
    std::uint8_t readings = 0;   // how many entries of `values`/`mantissas` are used (1–3)
    double values[3] = {};       // candidate values with the scale applied; values[0] is the usual reading
    double mantissas[3] = {};    // the same without the scale
    double scale = 1.0;          // 1 when no scale word
    bool percent = false;
    std::string_view unit;       // static: "USD", "EUR", "GBP", "code", or a glued suffix view into the text
    std::string digits;          // the digits in ASCII without separators, for near-miss reports
    std::uint64_t code = 0;      // kind code: hash of the code's letters and digits
};

// All numbers of an indexed text, in order.
std::vector<number_token> scan_numbers(const text_index &idx);

struct name_token {
    std::size_t begin = 0;  // bytes of the name in the text (possessive removed)
    std::size_t end = 0;
    std::vector<std::uint64_t> word_forms;  // hash of each word's letters and digits, case-folded
    std::vector<std::pair<std::size_t, std::size_t>> words;  // each word's bytes [begin, end)
};

// How scan_names tells a name from an ordinary word.
enum class name_rules {
    by_text,       // Latin prose rules when at least half the text's letters are Latin, else other_script
    latin_prose,   // capitalised words and chains (not a sentence's ordinary first word), inner capitals, digits
    nouns_capitalised,  // Latin prose where every noun has a capital (German): only inner capitals and digits
    other_script,  // every Latin-script word is (part of) a name: the text is written in another script
};

// All Latin-script names of a text, in order (rules in precis/facts.h). `idx`, when given, must index
// `text`: words of Arabic letters only are then stepped over whole (same result, fewer steps). `rules`:
// when the text's language is known (a summary checked against its target), say so; a random or garbled
// Arabic summary with more Latin letters than Arabic ones is still not English prose.
std::vector<name_token> scan_names(std::string_view text, const text_index *idx = nullptr,
                                   name_rules rules = name_rules::by_text);

// The matching form of a word (letters and digits, case-folded), hashed as text_index does.
std::uint64_t word_form_hash(std::string_view word);

}  // namespace precis::detail
