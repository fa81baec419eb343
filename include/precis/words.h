// precis/words.h — the word count that is precis's contract, and paragraph splitting.
//
// DESIGN.md (Counting) is normative, and this is its one implementation: the generator, the checker, the
// extractive planner and the tests all count with it.
//   * A word is a maximal run of non-whitespace characters containing at least one letter or digit.
//     Punctuation alone is not a word; "2,048", "H800" and "وبالتالي" are one word each.
//   * Each Han, Hiragana or Katakana character counts as one word (a run "AI芯片" is 1 + 2 = 3 words).
//   * A paragraph is a block of text separated from the next by one or more blank lines.
//
//   std::size_t n = precis::count_words("Summarize this content to 2,000 words.");  // 6
//
// Thread-safe; word_counter is a value type, one per stream.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace precis {

// Incremental word counter: feed code points one at a time (e.g. as a model emits tokens). It never
// allocates, so the per-token path may use it. `words()` counts a word as soon as its first letter or digit
// arrives.
class word_counter {
public:
    void feed(char32_t cp) noexcept;
    // Convenience: decodes and feeds each code point (fast paths for ASCII and two-byte UTF-8). Feed whole
    // code points: a sequence split across two calls is read as invalid bytes.
    void feed(std::string_view utf8) noexcept;
    std::size_t words() const noexcept { return words_; }
    bool in_word() const noexcept { return in_run_; }  // inside a run of non-whitespace characters
    void reset() noexcept { *this = word_counter{}; }

private:
    std::size_t words_ = 0;
    bool in_run_ = false;          // inside a run of non-whitespace
    bool run_counted_ = false;     // the current non-Han stretch of the run has been counted
};

// Number of words in `text` as defined above.
std::size_t count_words(std::string_view text) noexcept;

// A word's position: byte offsets [begin, end) into the text it was found in.
struct word_span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The words of `text`, in order (Han/kana characters one span each). Their number equals count_words(text).
// A span covers the whole run of non-whitespace, punctuation included ("«Hello»," is one span).
std::vector<word_span> find_words(std::string_view text);

// True for whitespace as the counting rules use it: Unicode White_Space, which includes tab, CR, LF, NBSP,
// U+2000–U+200A and U+3000, but not U+200B ZERO WIDTH SPACE.
bool is_space(char32_t cp) noexcept;
// True for a letter or a digit of any script (Unicode L* and N* categories).
bool is_letter_or_digit(char32_t cp) noexcept;
// True for a mark that ends a clause inside a sentence: , ، ; ؛ : and the full-width CJK comma, enumeration
// comma, semicolon and colon (where the extractive summariser may cut a long sentence).
bool is_clause_mark(char32_t cp) noexcept;
// True when a clause mark follows the last letter or digit of `text`: given a word with what separates it
// from the next ("ship, "), whether a cut after that word ends a clause. Never throws; thread-safe.
bool ends_at_clause_mark(std::string_view text) noexcept;
// True for a Han, Hiragana or Katakana character (each counts as one word).
bool is_counted_per_character(char32_t cp) noexcept;

// `text` without Unicode whitespace (is_space) at either end; a view into `text`.
std::string_view trim_space(std::string_view text) noexcept;

// Paragraphs of `text`: blocks separated by one or more blank lines (a line holding only whitespace is
// blank), each trimmed of surrounding whitespace; empty blocks are dropped. Views point into `text`.
std::vector<std::string_view> split_paragraphs(std::string_view text);

// Joins paragraphs with exactly one blank line between them, the output form of every summary. Each paragraph
// is trimmed of surrounding whitespace and empty ones are dropped, so the result splits back into the same list.
std::string join_paragraphs(const std::vector<std::string> &paragraphs);

}  // namespace precis
