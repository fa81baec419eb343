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

struct script_rules;  // per-script punctuation, terminators, digits (token_classes.cpp)

// The word-counter state between two tokens (precis::word_counter): outside a run of non-space characters,
// inside a run whose current stretch holds no letter or digit yet, or inside a run already counted as a word.
enum class word_state : std::uint8_t { outside = 0, in_run = 1, in_word = 2 };
inline constexpr int word_state_count = 3;

// What appending one token does, given the word state before it.
struct token_effect {
    std::uint8_t words[word_state_count] = {0, 0, 0};         // words the token adds, per starting state
    std::uint8_t budget_words[word_state_count] = {0, 0, 0};  // words, plus one when it ends mid-character
    std::uint8_t end_state[word_state_count] = {0, 0, 0};  // word_state after the token, per starting state
    std::uint8_t flags = 0;                                // token_flag bits
    std::int32_t pending = -1;  // index of the incomplete UTF-8 sequence the token ends with, or -1
    std::int8_t quote_delta =
        0;  // paired quotes and brackets opened minus closed: « » ( ) “ ” 「 」 （ ） 《 》
    std::uint8_t straight_quotes = 0;  // number of '"' (each toggles whether a straight quote is open)
};

// Bits of token_effect::flags.
enum token_flag : std::uint8_t {
    ends_sentence = 1 << 0,  // text ends with a sentence terminator, optionally followed by closing quotes
    starts_with_space = 1 << 1,
    ends_with_space = 1 << 2,
    has_letters = 1 << 3,   // contains at least one letter or digit
    allowed = 1 << 4,       // in the normal lists (allowed inside a paragraph in some state)
    only_closers = 1 << 5,  // nothing but closing quotes and brackets
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
    //   normal(space_ok, terminator_ok): allowed text inside a paragraph; `space_ok` false drops tokens that
    //   start with whitespace (after a token that ended with one), `terminator_ok` false drops
    //   sentence-ending tokens.
    const std::vector<std::int32_t> &normal(bool space_ok, bool terminator_ok) const noexcept {
        return normal_[(space_ok ? 2 : 0) + (terminator_ok ? 1 : 0)];
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

    // True when `cp` is a letter of the target script (or a combining mark), a digit the target uses, allowed
    // punctuation, or a space the target uses — the character-level rule behind the lists above.
    bool allowed_char(char32_t cp) const noexcept;
    bool is_terminator(char32_t cp) const noexcept;
    // False for scripts written without spaces between words (Chinese, Japanese): no space tokens are
    // allowed.
    bool uses_spaces() const noexcept;

  private:
    const precis::language *target_;
    const script_rules *rules_;
    std::string piece_bytes_;               // every piece, concatenated
    std::vector<std::uint32_t> piece_end_;  // piece t is piece_bytes_[piece_end_[t-1], piece_end_[t])
    std::unordered_map<std::string_view, std::int32_t> by_piece_;
    std::vector<token_effect> effects_;
    std::vector<std::int32_t> normal_[4];
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
