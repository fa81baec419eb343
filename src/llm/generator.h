// src/llm/generator.h — the abstractive run behind precis::generate_summary (precis/engine.h): one context,
// the prompt evaluated once, then paragraph after paragraph sampled under the constraint decoder and appended
// to the same KV sequence, with running error feedback on the word budgets.
//
// The budget and sizing rules are exposed so that tests can check them without a model.
// Thread-safe: pure functions.
#pragma once

#include <cstddef>

#include "llm/constraint_sampler.h"
#include "precis/plan.h"
#include "precis/spec.h"

namespace precis::detail {

// The word window for paragraph `index` after `words_written` words in the paragraphs before it.
// Running error feedback: the words still owed (spec.words - words_written) are shared among the remaining
// paragraphs in proportion to their planned budgets, so each paragraph absorbs the error of the ones before
// and the total lands on spec.words. The window around the target is ±max(2, 1.5%) for inner paragraphs, and
// for the last one at most ±0.8% of the whole summary (so the total stays well inside ±1%). The bottom of a
// window never falls below half the paragraph's planned budget (nor below 1).
paragraph_budget paragraph_window(const summary_spec &spec, const content_plan &plan, std::size_t index,
                                  std::size_t words_written);

// Tokens to keep free in the context for the summary: spec.max_words at a generous tokens-per-word rate, plus
// the paragraph breaks. `text_tokens_per_word` is what the model's tokenizer spends per word on ordinary text
// in the target language (a vocabulary without the script spends several byte tokens per letter); the rate
// used is a multiple of it with a floor, because random-weight test models choose short tokens far more often
// than trained ones.
std::size_t output_token_reserve(const summary_spec &spec, double text_tokens_per_word);

}  // namespace precis::detail
