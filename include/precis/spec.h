// precis/spec.h — the instruction ("Summarize this content to 2000 words in 6 paragraphs in Arabic")
// turned into a summary_spec.
//
//   auto parsed = precis::parse_instruction("a 500-word summary in three paragraphs, in French");
//   // parsed.words == 500, parsed.paragraphs == 3, parsed.language == "fr"
//   precis::summary_spec spec = precis::resolve_spec(parsed, {}, "en", 1200);
//   // spec.min_words == 490, spec.max_words == 510 (tolerance 0.02)
//
// Length rules (DESIGN.md, Counting): "N words" / "about N" → N ± tolerance·N; "at most N" → [0.9N, N];
// "at least N" → [N, 1.1N]; "between A and B" / "A-B words" → [A, B]. The target is the middle of the range.
// Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace precis {

// How the instruction bounded the length.
enum class length_bound { about, at_most, at_least, between };

// What an instruction said; each part is absent when the instruction did not mention it.
struct parsed_instruction {
    std::optional<std::size_t> words;       // the target as stated (for "between A and B": A)
    std::optional<std::size_t> words_high;  // B for "between A and B" / "A-B words"
    length_bound bound = length_bound::about;
    std::optional<std::size_t> paragraphs;
    std::optional<std::string> language;    // ISO 639-1
    std::optional<double> tolerance;        // "±5%", "within 5%"
    std::string text;                       // the instruction as given, trimmed
    bool length_in_characters = false;      // the length was given in characters ("600 characters", "600字")
};

// Parses an instruction in English or Arabic (digits, English and Arabic number words). Throws
// error{usage} naming the phrase it cannot accept (in `detail`): 0 paragraphs, a billion words, "in Klingon".
// Text that mentions nothing it understands yields an empty parsed_instruction (no error).
parsed_instruction parse_instruction(std::string_view text);

// When `input` begins with an instruction (the seed page: "Summarize this content to 2000 words in 6
// paragraphs in Arabic A small Chinese …" on one line), returns the byte length of the instruction part
// (the article starts after it, past whitespace); nullopt when the input does not begin with one.
std::optional<std::size_t> leading_instruction_length(std::string_view input);

// Flags given on the command line or in an API request; they override the instruction.
struct spec_overrides {
    std::optional<std::size_t> words;
    std::optional<std::size_t> paragraphs;
    std::optional<std::string> language;
    std::optional<double> tolerance;
};

// The resolved request. Words are counted as precis/words.h counts them (characters for zh/ja).
struct summary_spec {
    std::size_t words = 0;        // the target: the middle of [min_words, max_words]
    std::size_t min_words = 0;
    std::size_t max_words = 0;
    std::size_t paragraphs = 0;
    std::string language;         // ISO 639-1
    double tolerance = 0.02;
};

inline constexpr double default_tolerance = 0.02;
inline constexpr std::size_t max_target_words = 100000;

// Resolves an instruction plus overrides into a spec. Defaults for what neither gives: language = the
// source's; words = a fifth of the source, clamped to [100, 600]; paragraphs = one per ~120 words, 1–8.
// Throws error{usage} for a spec that cannot be met: 0 words or paragraphs, more paragraphs than words,
// more than max_target_words, an unknown language, a tolerance outside (0, 0.5].
summary_spec resolve_spec(const parsed_instruction &instruction, const spec_overrides &overrides,
                          std::string_view source_language, std::size_t source_words);

}  // namespace precis
