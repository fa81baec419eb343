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

// Parses an instruction in English or Arabic (Western and Eastern Arabic digits, English and Arabic number
// words, Arabic duals such as "فقرتين"). Understands bounds (about/at most/at least/between, before or after
// the count), ranges ("1,500-2,000 words"), per-paragraph counts ("150 words each"), tolerances ("±5%",
// "within 5%"), and languages by English or native name, or by ISO code after a label ("lang: ar").
// Unknown words are skipped; when a quantity is given twice, the last one wins. Throws error{usage} naming
// the phrase it cannot accept (in `detail`, also quoted in the message): 0 paragraphs, a negative or
// fractional count, a billion words, more paragraphs than words, "in Klingon" (an unknown capitalised word
// after "in"/"into" ending the clause, or any unknown name after "language:"/"باللغة").
// Text that mentions nothing it understands yields an empty parsed_instruction (no error).
// Thread-safe; allocates only for its result and one token vector.
parsed_instruction parse_instruction(std::string_view text);

// When `input` begins with an instruction (the seed page: "Summarize this content to 2000 words in 6
// paragraphs in Arabic A small Chinese …" on one line), returns the byte length of the instruction part
// (the article starts after it, past whitespace); nullopt when the input does not begin with one.
// An instruction starts with a verb (Summarize, Condense, Rewrite, Translate, Write, لخص, اختصر, اكتب, …,
// optionally after "Please"/"Can you") or an "Instruction:" label; "Summary statistics show…" does not.
// It ends at the end of its line or at a ":" / "." that closes it, or — on a line shared with the
// article — after the last phrase parse_instruction understands, when the words after it read as the
// article (capitalised, Arabic, numbers, or too many). Reads at most the first 2 KiB. Never throws for
// what the instruction asks: parse the returned prefix to judge it. Thread-safe.
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
// source's ("en" when that is empty too); words = a fifth of the source, clamped to [100, 600], raised to 50
// per requested paragraph and never above source_words (when it is known, i.e. > 0); paragraphs = one per
// ~120 words, 1–8. Fractional range ends round inwards ("about 25 words" → [25, 25]); the target is the
// middle, rounded. A paragraph range ("3-5 paragraphs") takes its middle. A length given in characters is
// used as words for languages that count characters (zh, ja) and divided by 6 for the others.
// Throws error{usage} for a spec that cannot be met: 0 words or paragraphs, more paragraphs than words,
// more than max_target_words, an unknown language, a tolerance outside (0, 0.5].
summary_spec resolve_spec(const parsed_instruction &instruction, const spec_overrides &overrides,
                          std::string_view source_language, std::size_t source_words);

}  // namespace precis
