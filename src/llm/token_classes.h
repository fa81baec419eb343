// src/llm/token_classes.h — what each token of a vocabulary means to the constraint decoder, per language.
//
// The constraint sampler must not look at token text on the per-token path, so everything it needs is
// computed here once per (vocabulary, target language): which tokens are allowed in which decoder state, as
// sorted id lists (the sampler gathers exactly those entries, see constraint_sampler.h), and each token's
// effect on the word count (precis::word_counter semantics) and on sentence ends.
//
//   const precis::language &ar = *precis::find_language("ar");
//   auto classes = precis::detail::token_classes_for(llama_model_get_vocab(model), ar);
//
// A token_classes object is immutable after construction and may be shared by any number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "precis/language.h"

struct llama_vocab;

namespace precis::detail {

struct script_rules;  // per-script punctuation and terminators (token_classes.cpp)

// The letters one language writes: its alphabet, not every code point of its script (Arabic is U+0621–U+063A
// and U+0641–U+064A, without presentation forms, Persian letters or tatweel; French is a–z, A–Z and the
// French accented letters). One row per supported language in token_classes.cpp; a language needs a row, not
// code.
struct alphabet {
    std::string_view code;            // ISO 639-1, as precis::language::code
    std::u32string_view ranges;       // letters as inclusive ranges: lo, hi, lo, hi, …
    std::u32string_view singles;      // letters outside the ranges, one code point each
    std::u32string_view marks;        // combining marks (inclusive ranges), allowed only after a letter
    char32_t native_zero = 0;         // the language's own digit zero (U+0660 for Arabic), or 0: Western only
    bool capitals_are_names = false;  // a capital letter is allowed only to open a sentence (or in a copy)

    bool is_letter(char32_t cp) const noexcept;
    bool is_mark(char32_t cp) const noexcept;
};

// The alphabet of `target`. Throws precis::error{internal} when the language has no row (a language added to
// precis::supported_languages without one).
const alphabet &alphabet_for(const precis::language &target);

// The word-counter state between two tokens (precis::word_counter): outside a run of non-space characters,
// inside a run whose current stretch holds no letter or digit yet, or inside a run already counted as a word.
enum class word_state : std::uint8_t { outside = 0, in_run = 1, in_word = 2 };
inline constexpr int word_state_count = 3;

// What appending one token does, given the word state before it.
struct token_effect {
    std::uint8_t words[word_state_count] = {0, 0, 0};         // words the token adds, per starting state
    std::uint8_t budget_words[word_state_count] = {0, 0, 0};  // words, plus one when it ends mid-character
    std::uint8_t end_state[word_state_count] = {0, 0, 0};  // word_state after the token, per starting state
    std::uint16_t flags = 0;                               // token_flag bits
    std::int32_t pending = -1;  // index of the incomplete UTF-8 sequence the token ends with, or -1
    std::int8_t quote_delta =
        0;  // paired quotes and brackets opened minus closed: « » ( ) “ ” 「 」 （ ） 《 》
    std::uint8_t straight_quotes = 0;  // number of '"' (each toggles whether a straight quote is open)
};

// Bits of token_effect::flags.
enum token_flag : std::uint16_t {
    ends_sentence = 1 << 0,  // text ends with a sentence terminator, optionally followed by closing quotes
    starts_with_space = 1 << 1,
    ends_with_space = 1 << 2,
    has_letters = 1 << 3,       // contains at least one letter or digit
    allowed = 1 << 4,           // in the normal lists (allowed inside a paragraph in some state)
    only_closers = 1 << 5,      // nothing but closing quotes and brackets
    starts_with_mark = 1 << 6,  // the first character is a combining mark (needs a letter before it)
    starts_word = 1 << 7,       // starts with a letter, digit or mark, an incomplete character, or a joiner
                                // (- . ' ’ &) and then one of these
    ends_with_letter = 1 << 8,  // the last complete character is a letter of the target's alphabet
    has_chars = 1 << 9,         // holds at least one complete character
    has_capital = 1 << 10,      // holds a capital letter (only as its first letter, where allowed at all)
    connector_word = 1 << 11,   // a lower-case word that joins names ("of", " and", " the")
    joiner_only = 1 << 12,      // only characters that join Latin words into one token: - . ' ’ &
};

// One incomplete UTF-8 sequence some allowed token ends with (e.g. the lead byte 0xD8 of an Arabic letter),
// and the tokens that may follow it: each completes the character into an allowed one, then continues with
// allowed text. Effects are for the completed character plus the rest of the token.
struct pending_sequence {
    std::string bytes;                  // the incomplete bytes (1–3)
    std::vector<std::int32_t> tokens;   // sorted ids of tokens that may follow
    std::vector<token_effect> effects;  // effects[i] is for tokens[i] following `bytes`
};

// The decoder-state-independent facts about one vocabulary for one target language.
class token_classes {
  public:
    // Classifies every token of `vocab` for `target`. Slow (tens to hundreds of milliseconds for 150k
    // tokens); call token_classes_for, which caches. `vocab` must outlive the object only during
    // construction.
    token_classes(const llama_vocab *vocab, const precis::language &target);

    const precis::language &target() const noexcept { return *target_; }
    std::size_t vocab_size() const noexcept { return effects_.size(); }

    // Sorted token-id lists, one per decoder situation.
    //   normal(space_ok, terminator_ok, mark_ok): allowed text inside a paragraph; `space_ok` false drops
    //   tokens that start with whitespace (after a token that ended with one), `terminator_ok` false drops
    //   sentence-ending tokens, `mark_ok` false drops tokens that start with a combining mark (when the text
    //   before does not end with a letter). The two-argument form keeps marks: every allowed token is in
    //   normal(true, true).
    const std::vector<std::int32_t> &normal(bool space_ok, bool terminator_ok,
                                            bool mark_ok = true) const noexcept {
        return normal_[(space_ok ? 4 : 0) + (terminator_ok ? 2 : 0) + (mark_ok ? 1 : 0)];
    }
    // The same lists without tokens holding a capital letter, for inside a sentence in languages whose
    // capitals mark names (alphabet::capitals_are_names); the normal lists elsewhere.
    const std::vector<std::int32_t> &lower(bool space_ok, bool terminator_ok, bool mark_ok) const noexcept {
        const std::size_t k = (space_ok ? 4 : 0) + (terminator_ok ? 2 : 0) + (mark_ok ? 1 : 0);
        return alphabet_->capitals_are_names ? lower_[k] : normal_[k];
    }
    // First token of a paragraph: no leading whitespace, no punctuation that cannot open text.
    const std::vector<std::int32_t> &paragraph_start() const noexcept { return paragraph_start_; }
    // Tokens that only end a sentence (terminators and closing quotes; no letters, digits or spaces).
    const std::vector<std::int32_t> &terminators() const noexcept { return terminators_; }
    // Tokens that only close quotes or brackets (» ” ) "), to finish a sentence that ended inside a quote.
    const std::vector<std::int32_t> &closing() const noexcept { return closing_; }

    const token_effect &effect(std::int32_t token) const noexcept {
        return effects_[static_cast<std::size_t>(token)];
    }
    const std::vector<pending_sequence> &pending() const noexcept { return pending_; }

    // Largest number of words any allowed token adds (the sampler filters by budget only within this
    // distance).
    std::uint8_t max_token_words() const noexcept { return max_token_words_; }

    // The decoded text of a token (special=false), for building name tries and tests. Empty for control
    // tokens.
    std::string_view piece(std::int32_t token) const noexcept;
    // The token whose text is exactly `text`, or -1. Not for the per-token path.
    std::int32_t find_piece(std::string_view text) const;

    // True when `cp` is a letter of the target's alphabet, one of its combining marks, allowed punctuation,
    // or a space the target uses — the character-level rule behind the lists above. Digits are not: numbers
    // are facts, written only by copying a source number (constraint_options::numbers).
    bool allowed_char(char32_t cp) const noexcept;
    bool is_letter(char32_t cp) const noexcept { return alphabet_->is_letter(cp); }
    bool is_mark(char32_t cp) const noexcept { return alphabet_->is_mark(cp); }
    bool capitals_are_names() const noexcept { return alphabet_->capitals_are_names; }
    bool is_terminator(char32_t cp) const noexcept;
    // False for scripts written without spaces between words (Chinese, Japanese): no space tokens are
    // allowed.
    bool uses_spaces() const noexcept;

  private:
    const precis::language *target_;
    const script_rules *rules_;
    const alphabet *alphabet_;
    std::string piece_bytes_;               // every piece, concatenated
    std::vector<std::uint32_t> piece_end_;  // piece t is piece_bytes_[piece_end_[t-1], piece_end_[t])
    std::unordered_map<std::string_view, std::int32_t> by_piece_;
    std::vector<token_effect> effects_;
    std::vector<std::int32_t> normal_[8];
    std::vector<std::int32_t> lower_[8];
    std::vector<std::int32_t> paragraph_start_;
    std::vector<std::int32_t> terminators_;
    std::vector<std::int32_t> closing_;
    std::vector<pending_sequence> pending_;
    std::uint8_t max_token_words_ = 0;
};

// Token classes for (vocab, target): computed on first use, then cached process-wide for the life of the
// process (keyed by the vocabulary's address, size and a fingerprint of its pieces, and the language code).
// Thread-safe; concurrent first calls for the same key compute once. Throws precis::error{internal} when
// vocab is null.
std::shared_ptr<const token_classes> token_classes_for(const llama_vocab *vocab,
                                                       const precis::language &target);

}  // namespace precis::detail
