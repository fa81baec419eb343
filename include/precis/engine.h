// precis/engine.h — the abstractive engine: a local GGUF model (llama.cpp) writes the summary paragraph by
// paragraph under the constraint decoder, following a content plan.
//
//   auto m = precis::load_model({.model_path = "qwen2.5-3b-instruct-q4_k_m.gguf", .threads = 4});
//   precis::source_analysis a = precis::analyze(article);
//   precis::summary_spec spec = precis::resolve_spec(*a.instruction, {}, a.language, a.words);
//   precis::content_plan plan = precis::make_plan(a, spec);
//   precis::generation_result r = precis::generate_summary(*m, a, spec, plan, {.seed = 7}, {});
//   std::cout << precis::join_paragraphs(r.paragraphs);
//
// The model (weights) and a run (context, KV cache, sampler) are separate, as in whisper.cpp: load a model
// once and run many summaries on it, each call to generate_summary builds and frees its own context.
//
// What a run guarantees, whatever the model writes: exactly plan.paragraphs.size() paragraphs; each paragraph
// ends at a sentence end inside its word window (the windows absorb earlier error so the total lands on
// spec.words); only target-script letters, digits, punctuation and Latin-script names copied from the source;
// no special tokens, no newlines inside a paragraph. Same seed and inputs give byte-identical output.
//
// llama.cpp logs nothing unless the environment variable PRECIS_LLAMA_LOG is set (any value).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "precis/analyze.h"
#include "precis/plan.h"
#include "precis/spec.h"

namespace precis {

struct engine_params {
    std::string model_path;    // a GGUF file
    int threads = 0;           // 0 = all cores
    std::size_t context = 0;   // context size in tokens; 0 = fit the prompt and the output (capped by the model)
};

// Sampling after the constraint mask, in this order: top-k, temperature, top-p, min-p, then a draw seeded by
// `seed`. top_k also bounds the per-token sorting work (top-p alone sorts every allowed token when the model
// is unsure, which for a Latin-script target is most of a 150k vocabulary); temperature 0 means greedy.
struct generation_params {
    std::uint32_t seed = 42;
    int top_k = 40;            // 0 = off
    float temperature = 0.8f;
    float top_p = 0.95f;
    float min_p = 0.05f;
    int no_repeat_ngram = 4;   // block a token n-gram that already occurred; 0 = off
};

// Reported after every generated token.
struct generation_progress {
    std::size_t paragraph = 0;     // index of the paragraph being written
    std::size_t paragraphs = 0;    // how many the plan asks for
    std::size_t words = 0;         // words written so far, all paragraphs
    std::size_t target_words = 0;  // spec.words
    std::size_t tokens = 0;        // tokens generated so far
    double tokens_per_second = 0;
    double eta_seconds = 0;        // estimate from the words still to write
};

struct generation_callbacks {
    std::function<void(const generation_progress &)> on_token;                   // per token; may be empty
    std::function<void(std::size_t index, std::string_view text)> on_paragraph;  // per finished paragraph
    const std::atomic<bool> *cancel = nullptr;  // when set to true the run stops with error{cancelled}
};

struct generation_result {
    std::vector<std::string> paragraphs;
    std::size_t prompt_tokens = 0;
    std::size_t generated_tokens = 0;
    double prompt_seconds = 0;
    double generation_seconds = 0;
    bool source_reduced = false;           // the source did not fit the context: only its most salient
    std::size_t source_sentences_used = 0; // sentences went into the prompt (source_sentences_used of
    std::size_t source_sentences = 0;      // source_sentences)
    std::string model_name;
};

// Loaded weights and vocabulary. Immutable after loading: share one across threads and runs.
class model;

// Loads a GGUF model for CPU inference. Checks the file before llama.cpp sees it so that a missing file, a
// file that is not GGUF, or a truncated one each get a clear message. Thread-safe.
// Errors: error{model} naming the path and what is wrong with it (exit code 3).
std::shared_ptr<model> load_model(const engine_params &params);

// The model's display name (general.name, else the file name).
const std::string &model_name(const model &m) noexcept;

// Writes a summary of `source` that meets `spec`, following `plan` (one entry per paragraph: word budget
// and the source sentences it covers). Builds a context sized for the prompt and the output, evaluates the
// prompt once and appends the paragraphs to the same sequence. Callbacks run on the calling thread.
// Thread-safe for distinct calls (each run has its own context); `m` is only read.
// Errors: error{usage} for a plan that cannot be generated (no paragraphs, a language precis does not know);
// error{model} when the model's context cannot hold the prompt and the output or llama.cpp fails;
// error{cancelled} when callbacks.cancel is set.
generation_result generate_summary(model &m, const source_analysis &source, const summary_spec &spec,
                                   const content_plan &plan, const generation_params &params,
                                   const generation_callbacks &callbacks);

}  // namespace precis
