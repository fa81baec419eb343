// src/llm/generator.h — the abstractive run behind precis::generate_summary (precis/engine.h): one context,
// the prompt evaluated once, then paragraph after paragraph sampled under the constraint decoder and appended
// to the same KV sequence, with running error feedback on the word budgets.
//
// The budget and sizing rules are exposed so that tests can check them without a model, and the speed
// measurement so that bench/decode runs exactly the engine's per-token path.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "llm/constraint_sampler.h"
#include "precis/engine.h"
#include "precis/plan.h"
#include "precis/spec.h"

namespace precis::detail {

// The word window for paragraph `index` after `words_written` words in the paragraphs before it.
// Running error feedback: the words still owed (spec.words - words_written) are shared among the remaining
// paragraphs in proportion to their planned budgets, so each paragraph absorbs the error of the ones before
// and the total lands on spec.words. The window around the target is ±max(2, 1.5%) for inner paragraphs, and
// for the last one at most ±0.8% of the whole summary (so the total stays well inside ±1%). The bottom of a
// window never falls below half the paragraph's planned budget (nor below 1), and the window never reaches
// past the spec's [min_words, max_words] (what the paragraphs after it need at least is kept for them).
paragraph_budget paragraph_window(const summary_spec &spec, const content_plan &plan, std::size_t index,
                                  std::size_t words_written);

// Tokens to keep free in the context for the summary: spec.max_words at a generous tokens-per-word rate, plus
// the paragraph breaks. `text_tokens_per_word` is what the model's tokenizer spends per word on ordinary text
// in the target language (a vocabulary without the script spends several byte tokens per letter); the rate
// used is a multiple of it with a floor, because random-weight test models choose short tokens far more often
// than trained ones.
std::size_t output_token_reserve(const summary_spec &spec, double text_tokens_per_word);

struct speed_params {
    std::size_t prompt_tokens = 512;   // llama-bench -p 512
    std::size_t decode_tokens = 128;   // llama-bench -n 128
    std::size_t repetitions = 5;       // llama-bench -r 5 (after one warm-up run)
    std::string language = "ar";       // target of the constraint decoder
};

struct speed_result {
    double prompt_tokens_per_second = 0;
    double decode_tokens_per_second = 0;               // under the full constraint chain
    double unconstrained_decode_tokens_per_second = 0; // same chain without the constraint sampler
    std::vector<double> prompt_seconds, decode_seconds, unconstrained_decode_seconds;  // per repetition
    // Of the decode seconds, the part spent choosing tokens (llama_sampler_sample: copying the logits and
    // running the chain), per token in microseconds, averaged over the repetitions.
    double sample_us_per_token = 0, unconstrained_sample_us_per_token = 0;
};

// Measures what bench/decode reports next to llama-bench on the same file, with the contexts and sampler
// chains generate_summary uses: prompt evaluation of `prompt_tokens` random tokens in one context emptied
// before each run (llama-bench pp), and `decode_tokens` tokens sampled one at a time under the constraint chain and decoded
// (llama-bench tg, which decodes without sampling), each averaged over the repetitions after a warm-up.
// Thread-safe as generate_summary is; errors as generate_summary.
speed_result measure_speed(model &m, const speed_params &params);

}  // namespace precis::detail
