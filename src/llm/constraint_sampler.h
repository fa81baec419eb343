// src/llm/constraint_sampler.h — the constraint decoder: a llama_sampler that only lets through tokens that
// keep the output in the target language's alphabet, inside the paragraph's word window, and free of
// repetition; names and numbers of the source are the only text outside it, copied whole.
//
//   precis::detail::constraint_state state;
//   precis::detail::constraint_options options{.target = precis::find_language("ar"), .names = {"DeepSeek"}};
//   options.numbers = precis::detail::copyable_numbers(source_text, *options.target);   // "2024", "٢٠٢٤", …
//   llama_sampler *chain = llama_sampler_chain_init(llama_sampler_chain_default_params());
//   llama_sampler_chain_add(chain, precis::detail::make_constraint_sampler(
//       precis::detail::token_classes_for(vocab, *options.target), options, &state));   // FIRST in the chain
//   llama_sampler_chain_add(chain, llama_sampler_init_temp(0.8f));  // … top-p, min-p, dist
//   state.begin_paragraph({.min_words = 190, .target_words = 200, .max_words = 210});
//   while (!state.paragraph_complete()) {
//       llama_token t = llama_sampler_sample(chain, ctx, -1);  // applies, then accepts t
//       /* decode t */
//   }
//
// How it is fast: llama_sampler_sample hands the first sampler every token in id order; the constraint
// gathers the entries of a precomputed sorted allowed-id list (token_classes.h) to the front and shrinks the
// array, so it costs O(allowed tokens), not O(vocabulary), and every later sampler sees only allowed tokens.
// When the array is not the full id-ordered vocabulary (another sampler ran first), it falls back to setting
// disallowed logits to -INFINITY, which is correct but O(vocabulary).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "llm/token_classes.h"
#include "precis/language.h"

struct llama_sampler;

namespace precis::detail {

// Word window of one paragraph. The paragraph may end only at a sentence end once paragraph words >=
// min_words, and is forced to end (only sentence-terminator tokens allowed) once words >= max_words.
// max_words == 0 means no upper bound.
struct paragraph_budget {
    std::size_t min_words = 0, target_words = 0, max_words = 0;
};

// What the sampler lets through. Copies (names and numbers) start at a word start, are written whole, and in
// languages written with spaces are not followed directly by a letter, nor by a joiner and a letter
// ("DeepSeekشركة", "2024م" or "Marine-built" cannot happen; "DeepSeek،" and "2024 م" can).
struct constraint_options {
    const precis::language *target = nullptr;  // include/precis/language.h: the language to write
    // Latin-script names from the source, copyable verbatim (e.g. precis::extract_latin_names). Used for
    // targets not written in Latin script, and for Latin-script ones where a capital inside a sentence marks
    // a name (English, French, …: the model writes capitals only to open a sentence); in German names are
    // ordinary text. Names starting with a digit are ignored (numbers come from `numbers`). Copies stay
    // under about a quarter of a paragraph's words, and two copies always have a word of the target (not a
    // connector such as "of" or "and") between them.
    std::vector<std::string> names;
    // The source's numbers as they may be written (e.g. copyable_numbers below). Digits are facts: they can
    // only be written as one of these, whole; empty means no digit can be written at all.
    std::vector<std::string> numbers;
    int no_repeat_ngram = 4;             // block any token n-gram that already occurred (0 = off)
    std::size_t min_sentence_words = 3;  // no sentence terminator before this many words in a sentence
};

// The numbers of `source_text` (precis::extract_numbers) as a summary in `target` may write them: each
// number's digit group ("2,048", "5.6"; scale words, currencies and percent signs are words or punctuation
// the model writes itself), as written in the source, in Western digits, and in the target's own digits
// where it has them (Arabic: "٢٬٠٤٨", "٥٫٦"). Codes glued to letters ("H800") are left to the names.
// De-duplicated, in order of first appearance. Thread-safe; allocates.
std::vector<std::string> copyable_numbers(std::string_view source_text, const precis::language &target);

// State shared by the sampler (llama.cpp calls apply/accept) and the generator. Not thread-safe: one per run.
// The sampler updates it in accept; the generator reads it after each llama_sampler_sample and calls
// begin_paragraph after it has written a paragraph break.
class constraint_state {
  public:
    // Starts a paragraph: resets the per-paragraph counters, the word and UTF-8 state and the n-gram context
    // (the n-grams seen so far stay banned for the whole run).
    void begin_paragraph(const paragraph_budget &budget) noexcept;
    // True after accepting a sentence-ending token with paragraph words >= min_words.
    bool paragraph_complete() const noexcept { return complete_; }
    std::size_t paragraph_words() const noexcept { return words_; }
    std::size_t sentence_words() const noexcept { return sentence_words_; }
    // True once the paragraph reached max_words: only sentence terminators are allowed until it completes.
    bool forced_end() const noexcept { return budget_.max_words != 0 && words_ >= budget_.max_words; }
    const paragraph_budget &budget() const noexcept { return budget_; }
    std::size_t tokens() const noexcept { return tokens_; }      // tokens accepted in this paragraph
    std::size_t paragraphs() const noexcept { return serial_; }  // begin_paragraph calls so far

  private:
    friend class constraint_sampler;
    paragraph_budget budget_;
    std::size_t words_ = 0;
    std::size_t copy_words_ = 0;  // words of this paragraph written as copies (names, numbers)
    std::size_t sentence_words_ = 0;
    std::size_t tokens_ = 0;
    std::size_t forced_tokens_ = 0;  // tokens accepted since the paragraph reached max_words
    std::size_t serial_ = 0;
    bool complete_ = false;
    word_state word_ = word_state::outside;
    bool after_space_ = false;  // the last token ended with whitespace
    int open_quotes_ = 0;       // paired quotes and brackets open in this paragraph
    bool straight_quote_open_ = false;
    bool awaiting_close_ = false;  // a sentence ended inside a quote: its closing mark completes it
    std::int32_t pending_ = -1;    // token_classes::pending() index of an incomplete UTF-8 sequence, or -1
    std::int32_t name_node_ = -1;  // name_trie node while copying a name or number, or -1
    bool after_letter_ = false;  // the last complete character is a letter of the target (a mark may follow)
    bool after_copy_ = false;    // the last token finished a name or number (no letter may follow)
    bool copy_word_last_ = false;  // the last word written was a copy (another copy waits for a word)
    bool sentence_open_ = true;    // no letter since the paragraph start or the last sentence end
};

// A llama_sampler (custom llama_sampler_i) to put FIRST in the chain; the chain takes ownership (free it with
// the chain, or with llama_sampler_free when not added). `state` must outlive the sampler; `classes` is
// shared. Throws precis::error{internal} when classes, state or options.target is null or options.target
// differs from the classes' language. The sampler never allocates, logs or searches the vocabulary per token.
llama_sampler *make_constraint_sampler(std::shared_ptr<const token_classes> classes,
                                       const constraint_options &options, constraint_state *state);

}  // namespace precis::detail
