// src/verify/text_index.h — the words of a text with their matching forms, computed once per check run and
// shared by the checks (copied runs, repetition, number context, names).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace precis::detail {

struct indexed_word {
    std::size_t begin = 0;  // byte offsets into the indexed text
    std::size_t end = 0;
    std::uint64_t hash = 0; // hash of the matching form (0 when the form is empty)
    bool ends_sentence = false;  // sentence punctuation (. ! ? ؟ ; ؛ …) or a blank line follows the word
    bool has_digit = false;      // an ASCII, Arabic-Indic or Persian digit anywhere in [begin, end)
    // Every character of [begin, end) is an Arabic letter (U+0621–U+064A, not tatweel), two bytes each:
    // per-character scans (names, script share) may step over such a word in one go.
    bool arabic_only = false;
};

// Words as precis/words.h finds them, each with its matching form: normalize_for_matching (Arabic letter
// forms, case folding, digits to ASCII), keeping only letters and digits ("«DeepSeek’s»" → "deepseeks").
struct text_index {
    std::string_view text;
    std::vector<indexed_word> words;
    std::string forms;                       // matching forms, concatenated
    std::vector<std::uint32_t> form_begin;   // words.size() + 1 offsets into `forms`

    std::string_view form(std::size_t i) const {
        return std::string_view(forms).substr(form_begin[i], form_begin[i + 1] - form_begin[i]);
    }
    // Index of the first word ending after byte `offset` (words.size() when none).
    std::size_t word_at(std::size_t offset) const;
};

// The word that starts at `p` or after nothing but ASCII whitespace, when it is arabic_only; else nullptr.
// `next_word` is a cursor the caller keeps (start at 0) over calls with non-decreasing `p`. Per-character
// scans use it to step over Arabic words whole.
inline const indexed_word *arabic_word_at(const text_index &idx, std::size_t p, std::size_t &next_word) {
    const std::size_t n = idx.words.size();
    while (next_word < n && idx.words[next_word].end <= p) ++next_word;
    if (next_word == n || !idx.words[next_word].arabic_only) return nullptr;
    const indexed_word &w = idx.words[next_word];
    for (; p < w.begin; ++p)
        if (idx.text[p] != ' ' && idx.text[p] != '\n' && idx.text[p] != '\r' && idx.text[p] != '\t') return nullptr;
    ++next_word;
    return &w;
}

// Indexes `text` (valid UTF-8; the view must outlive the index). Linear time.
text_index index_text(std::string_view text);

// 64-bit FNV-1a of bytes, and a combiner for n-gram hashes.
std::uint64_t hash_bytes(std::string_view bytes) noexcept;
inline std::uint64_t hash_combine(std::uint64_t seed, std::uint64_t h) noexcept {
    return (seed ^ h) * 0x100000001b3ull + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2);
}

}  // namespace precis::detail
