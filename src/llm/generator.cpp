// generate_summary: one llama.cpp context per run, the prompt decoded once, then each paragraph sampled under
// the constraint sampler and appended to the same sequence. The engine, not the model, writes the paragraph
// breaks (the sampler never allows a newline), so the paragraph count is exact by construction.
//
// Per-token path (sample → piece → decode): no allocation (the paragraph buffer is reserved up front, the
// batch is a view of one token), no logging, no vocabulary search.
#include "llm/generator.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "ggml-cpu.h"
#include "llama.h"
#include "llm/model.h"
#include "llm/prompt.h"
#include "precis/engine.h"
#include "precis/error.h"
#include "precis/facts.h"
#include "precis/language.h"
#include "precis/words.h"

namespace precis {

namespace detail {

paragraph_budget paragraph_window(const summary_spec &spec, const content_plan &plan, std::size_t index,
                                  std::size_t words_written) {
    const std::size_t n = plan.paragraphs.size();
    const std::size_t planned = plan.paragraphs[index].words;
    std::size_t remaining_planned = 0;
    for (std::size_t j = index; j < n; ++j) remaining_planned += plan.paragraphs[j].words;
    const double owed = spec.words > words_written ? static_cast<double>(spec.words - words_written) : 0.0;
    const double share = remaining_planned > 0 ? static_cast<double>(planned) / static_cast<double>(remaining_planned)
                                               : 1.0 / static_cast<double>(n - index);
    const bool last = index + 1 == n;
    // No paragraph is planned below half its budget (nor below one word).
    const auto floor_of = [&](std::size_t j) { return std::max<std::size_t>(1, (plan.paragraphs[j].words + 1) / 2); };
    const std::size_t floor_words = floor_of(index);
    std::size_t target = std::max(floor_words, static_cast<std::size_t>(std::llround(owed * share)));
    std::size_t slack = std::max<std::size_t>(2, static_cast<std::size_t>(std::llround(0.015 * target)));
    if (last) slack = std::min(slack, std::max<std::size_t>(1, static_cast<std::size_t>(0.008 * spec.words)));
    paragraph_budget b;
    b.target_words = target;
    b.min_words = std::max(floor_words, target > slack ? target - slack : 1);
    b.max_words = std::max(b.min_words, target + slack);
    // The spec's range is the contract: the paragraphs after this one need at least their floors, so this one
    // may not take words they need (nor, for the last, go past max_words or stop short of min_words). A range
    // narrower than the window ("40 words" is [40, 40]: 2% of 40 rounds to 0) narrows the window to it.
    if (spec.max_words > 0) {
        std::size_t later_floors = 0;
        for (std::size_t j = index + 1; j < n; ++j) later_floors += floor_of(j);
        const std::size_t reserved = words_written + later_floors;
        const std::size_t room = spec.max_words > reserved ? spec.max_words - reserved : 1;
        b.max_words = std::max<std::size_t>(1, std::min(b.max_words, room));
        if (last && spec.min_words > words_written)
            b.min_words = std::max(b.min_words, spec.min_words - words_written);
        b.min_words = std::min(b.min_words, b.max_words);
        b.target_words = std::clamp(b.target_words, b.min_words, b.max_words);
    }
    return b;
}

std::size_t output_token_reserve(const summary_spec &spec, double text_tokens_per_word) {
    const language *lang = find_language(spec.language);
    // Measured on the random test models under full constraints: about 3 tokens per counted word for Arabic
    // with the qwen2 vocabulary (1.5x its ordinary-text rate), far more with a vocabulary lacking the script.
    // Trained models need fewer; a context only costs memory for what it holds.
    double per_word = std::max(lang && lang->counts_characters ? 3.0 : 5.0, 2.5 * text_tokens_per_word);
    const std::size_t words = std::max(spec.max_words, spec.words);
    return static_cast<std::size_t>(per_word * static_cast<double>(words)) + 16 * spec.paragraphs + 64;
}

}  // namespace detail

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t) {
    return std::chrono::duration<double>(clock_type::now() - t).count();
}

struct context_deleter {
    void operator()(llama_context *c) const noexcept { llama_free(c); }
};
struct threadpool_deleter {
    void operator()(ggml_threadpool *t) const noexcept { ggml_threadpool_free(t); }
};

// A llama.cpp context with its own CPU thread pool, set up as llama-bench sets up its own, so the two are
// compared on equal terms. Without one, a ggml built without OpenMP starts and joins its worker threads on
// every llama_decode (a "disposable" pool); with OpenMP (this build) the OpenMP team is reused either way and
// the pool only carries the thread settings. The pool is declared first so it outlives the context.
struct decoding_context {
    std::unique_ptr<ggml_threadpool, threadpool_deleter> pool;
    std::unique_ptr<llama_context, context_deleter> ctx;

    llama_context *get() const noexcept { return ctx.get(); }
};
struct sampler_deleter {
    void operator()(llama_sampler *s) const noexcept { llama_sampler_free(s); }
};

bool abort_requested(void *data) {
    const auto *cancel = static_cast<const std::atomic<bool> *>(data);
    return cancel && cancel->load(std::memory_order_relaxed);
}

[[noreturn]] void throw_cancelled() { throw error{errc::cancelled, "generation cancelled"}; }

void decode(llama_context *ctx, llama_token *tokens, std::size_t n, const std::atomic<bool> *cancel) {
    const int rc = llama_decode(ctx, llama_batch_get_one(tokens, static_cast<int32_t>(n)));
    if (rc == 0) return;
    if (rc == 2 || abort_requested(const_cast<std::atomic<bool> *>(cancel))) throw_cancelled();
    throw error{errc::model, fmt::format("llama_decode failed with code {} ({})", rc,
                                         rc == 1 ? "no room left in the KV cache" : "model evaluation error")};
}

// One context for one run: batches as large as llama-bench's defaults (n_batch 2048, n_ubatch 512) so prompt
// speed compares with its pp figure; cancellation reaches into llama_decode through the abort callback.
decoding_context make_context(const model &m, std::size_t n_ctx, const std::atomic<bool> *cancel) {
    auto cp = llama_context_default_params();
    cp.n_ctx = static_cast<uint32_t>(n_ctx);
    cp.n_batch = static_cast<uint32_t>(std::min<std::size_t>(n_ctx, 2048));
    cp.n_ubatch = std::min<uint32_t>(cp.n_batch, 512);
    cp.n_seq_max = 1;
    cp.n_threads = m.threads();
    cp.n_threads_batch = m.threads();
    cp.no_perf = true;
    cp.abort_callback = abort_requested;
    cp.abort_callback_data = const_cast<std::atomic<bool> *>(cancel);
    decoding_context dc;
    dc.ctx.reset(llama_init_from_model(m.handle(), cp));
    if (!dc.ctx)
        throw error{errc::model, fmt::format("llama.cpp could not create a context of {} tokens for {} (out of "
                                             "memory?); pass a smaller --context",
                                             n_ctx, m.path())};
    // The pool's defaults are llama-bench's (no CPU mask, normal priority, polling level 50).
    auto pool_params = ggml_threadpool_params_default(m.threads());
    dc.pool.reset(ggml_threadpool_new(&pool_params));
    if (!dc.pool)  // ggml aborts on a failed thread start; a null pool is only an allocation failure
        throw error{errc::model, fmt::format("could not set up {} CPU threads for the model (out of memory?)",
                                             m.threads())};
    llama_attach_threadpool(dc.get(), dc.pool.get(), nullptr);
    return dc;
}

// Sampler chain: the constraint first (later samplers only see allowed tokens), then top-k, temperature,
// top-p, min-p and the seeded draw. top-k with k <= 128 sorts in place (llama.cpp's larger partial sorts
// allocate), and leaves top-p a sorted array of k entries instead of every allowed token. Without `options`
// the chain is unconstrained (the benchmark's baseline).
std::unique_ptr<llama_sampler, sampler_deleter> make_chain(const model &m, const generation_params &params,
                                                           const detail::constraint_options *options,
                                                           detail::constraint_state *state) {
    auto chain_params = llama_sampler_chain_default_params();
    chain_params.no_perf = true;
    std::unique_ptr<llama_sampler, sampler_deleter> chain(llama_sampler_chain_init(chain_params));
    if (options)
        llama_sampler_chain_add(chain.get(), detail::make_constraint_sampler(
                                                 detail::token_classes_for(m.vocab(), *options->target), *options,
                                                 state));
    if (params.temperature <= 0.0f) {
        llama_sampler_chain_add(chain.get(), llama_sampler_init_greedy());
    } else {
        if (params.top_k > 0) llama_sampler_chain_add(chain.get(), llama_sampler_init_top_k(params.top_k));
        llama_sampler_chain_add(chain.get(), llama_sampler_init_temp(params.temperature));
        if (params.top_p < 1.0f) llama_sampler_chain_add(chain.get(), llama_sampler_init_top_p(params.top_p, 1));
        if (params.min_p > 0.0f) llama_sampler_chain_add(chain.get(), llama_sampler_init_min_p(params.min_p, 1));
        llama_sampler_chain_add(chain.get(), llama_sampler_init_dist(params.seed));
    }
    return chain;
}

// The tokens of a paragraph break, without the word-start marker SentencePiece vocabularies put in front of a
// text: tokenize "a\n\n" and drop what "a" alone gives.
std::vector<llama_token> paragraph_break(const llama_vocab *vocab) {
    auto tok = [&](std::string_view s) {
        std::vector<llama_token> t(32);
        const int n = llama_tokenize(vocab, s.data(), static_cast<int32_t>(s.size()), t.data(), 32, false, false);
        t.resize(static_cast<std::size_t>(std::max(0, n)));
        return t;
    };
    const auto with = tok("a\n\n"), without = tok("a");
    if (with.size() > without.size() && std::equal(without.begin(), without.end(), with.begin()))
        return {with.begin() + static_cast<std::ptrdiff_t>(without.size()), with.end()};
    return tok("\n\n");
}

// Tokens per word the vocabulary spends on ordinary text in `language`, measured on the instruction wording
// written in that language (1.5 when the language has no wording of its own).
double tokens_per_word(const llama_vocab *vocab, const std::string &language) {
    const auto &text = detail::instructions_for(language);
    if (text.code != language) return 1.5;
    std::vector<llama_token> t(text.task.size() + 8);
    const int n = llama_tokenize(vocab, text.task.data(), static_cast<int32_t>(text.task.size()), t.data(),
                                 static_cast<int32_t>(t.size()), false, false);
    const std::size_t words = count_words(text.task);
    return n > 0 && words > 0 ? static_cast<double>(n) / static_cast<double>(words) : 1.5;
}

// The Latin-script names the summary may copy verbatim from the source (numbers are passed separately, as
// detail::copyable_numbers writes them for the target language).
std::vector<std::string> copyable_names(const source_analysis &source) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (auto &n : extract_latin_names(source.text))
        if (seen.insert(n).second) names.push_back(std::move(n));
    return names;
}

// Trims ASCII and Unicode whitespace from both ends in place (the sampler already prevents it; this keeps the
// output form exact whatever a future sampler does).
void trim(std::string &s) {
    auto is_ws = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t b = 0, e = s.size();
    while (b < e && is_ws(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && is_ws(static_cast<unsigned char>(s[e - 1]))) --e;
    s = s.substr(b, e - b);
}

}  // namespace

generation_result generate_summary(model &m, const source_analysis &source, const summary_spec &spec,
                                   const content_plan &plan, const generation_params &params,
                                   const generation_callbacks &callbacks) {
    const std::size_t n_paragraphs = plan.paragraphs.size();
    if (n_paragraphs == 0 || spec.words == 0)
        throw error{errc::usage, "nothing to generate: the plan has no paragraphs or the target is 0 words"};
    if (spec.paragraphs != 0 && spec.paragraphs != n_paragraphs)
        throw error{errc::internal, fmt::format("the content plan has {} paragraphs but the spec asks for {}",
                                                n_paragraphs, spec.paragraphs)};
    const language *target = find_language(spec.language);
    if (!target)
        throw error{errc::usage, fmt::format("unknown target language \"{}\"", spec.language), spec.language};
    if (!(params.temperature >= 0.0f) || !(params.top_p > 0.0f) || params.min_p < 0.0f || params.min_p >= 1.0f)
        throw error{errc::usage, "sampling parameters out of range: temperature >= 0, 0 < top_p, 0 <= min_p < 1"};
    if (callbacks.cancel && callbacks.cancel->load()) throw_cancelled();

    generation_result result;
    result.model_name = m.name();

    // Context: the prompt plus room for the output. With context == 0 the model's training context bounds it,
    // and the prompt gets whatever the output does not need (the source is reduced if it does not fit).
    const std::size_t reserve = detail::output_token_reserve(spec, tokens_per_word(m.vocab(), spec.language));
    const std::size_t limit = m.requested_context() ? m.requested_context() : m.train_context();
    if (limit <= reserve + 64)
        throw error{errc::model,
                    fmt::format("the model's context ({} tokens) is too small for a summary of {} words (about {} "
                                "tokens); use a model with a longer context or ask for fewer words",
                                limit, spec.words, reserve)};
    auto prompt = detail::build_prompt(m, source, spec, plan, limit - reserve);
    result.prompt_tokens = prompt.tokens.size();
    result.source_reduced = prompt.source_reduced;
    result.source_sentences = prompt.sentences_total;
    result.source_sentences_used = prompt.sentences_used;
    const std::size_t n_ctx = m.requested_context() ? limit : std::min(limit, prompt.tokens.size() + reserve);

    auto ctx = make_context(m, n_ctx, callbacks.cancel);
    const std::size_t n_batch = llama_n_batch(ctx.get());

    detail::constraint_state state;
    detail::constraint_options options;
    options.target = target;
    options.names = copyable_names(source);
    options.numbers = detail::copyable_numbers(source.text, *target);
    options.no_repeat_ngram = params.no_repeat_ngram;
    auto chain = make_chain(m, params, &options, &state);

    // The prompt, once, in batches of n_batch tokens.
    const auto t_prompt = clock_type::now();
    for (std::size_t i = 0; i < prompt.tokens.size(); i += n_batch) {
        const std::size_t n = std::min(n_batch, prompt.tokens.size() - i);
        decode(ctx.get(), prompt.tokens.data() + i, n, callbacks.cancel);
    }
    result.prompt_seconds = seconds_since(t_prompt);
    std::size_t n_past = prompt.tokens.size();

    auto brk = paragraph_break(m.vocab());
    std::vector<llama_token> pending;  // the paragraph's last token followed by the break, decoded together
    pending.reserve(brk.size() + 1);

    const auto t_gen = clock_type::now();
    std::size_t words_written = 0;
    generation_progress progress;
    progress.paragraphs = n_paragraphs;
    progress.target_words = spec.words;
    char piece[256];
    for (std::size_t p = 0; p < n_paragraphs; ++p) {
        const auto budget = detail::paragraph_window(spec, plan, p, words_written);
        state.begin_paragraph(budget);
        std::string text;
        // Room for the whole paragraph up front, so appending pieces does not allocate per token.
        text.reserve(32 * budget.max_words + 256);
        // A paragraph that never ends would be a sampler bug; stop it long before the context runs out.
        const std::size_t token_cap = 64 * budget.max_words + 512;
        progress.paragraph = p;
        for (;;) {
            if (callbacks.cancel && callbacks.cancel->load(std::memory_order_relaxed)) throw_cancelled();
            llama_token token = llama_sampler_sample(chain.get(), ctx.get(), -1);
            const int32_t len = llama_token_to_piece(m.vocab(), token, piece, sizeof piece, 0, false);
            if (len > 0) text.append(piece, static_cast<std::size_t>(len));
            ++result.generated_tokens;
            const bool done = state.paragraph_complete();
            if (callbacks.on_token) {
                progress.words = words_written + state.paragraph_words();
                progress.tokens = result.generated_tokens;
                const double elapsed = seconds_since(t_gen);
                progress.tokens_per_second = elapsed > 0 ? static_cast<double>(result.generated_tokens) / elapsed : 0;
                const double words_per_second = elapsed > 0 ? static_cast<double>(progress.words) / elapsed : 0;
                progress.eta_seconds =
                    words_per_second > 0 && spec.words > progress.words
                        ? static_cast<double>(spec.words - progress.words) / words_per_second
                        : 0;
                callbacks.on_token(progress);
            }
            if (done) {
                if (p + 1 == n_paragraphs) break;  // nothing follows the last token: no need to evaluate it
                pending.assign(1, token);
                pending.insert(pending.end(), brk.begin(), brk.end());
            } else {
                pending.assign(1, token);
            }
            if (n_past + pending.size() >= n_ctx)
                throw error{errc::model,
                            fmt::format("the context ({} tokens) filled up in paragraph {} of {}; pass a larger "
                                        "--context or ask for fewer words",
                                        n_ctx, p + 1, n_paragraphs)};
            decode(ctx.get(), pending.data(), pending.size(), callbacks.cancel);
            n_past += pending.size();
            if (done) break;
            if (state.tokens() > token_cap)
                throw error{errc::internal,
                            fmt::format("paragraph {} did not reach a sentence end within {} tokens ({} words)", p + 1,
                                        token_cap, state.paragraph_words())};
        }
        trim(text);
        words_written += count_words(text);
        if (callbacks.on_paragraph) callbacks.on_paragraph(p, text);
        result.paragraphs.push_back(std::move(text));
    }
    result.generation_seconds = seconds_since(t_gen);
    return result;
}

namespace detail {

speed_result measure_speed(model &m, const speed_params &params) {
    const language *target = find_language(params.language);
    if (!target) throw error{errc::usage, fmt::format("unknown language \"{}\"", params.language)};
    const auto n_vocab = llama_vocab_n_tokens(m.vocab());
    speed_result r;
    // Random prompt tokens, as llama-bench uses: the speed of a forward pass does not depend on the ids.
    std::vector<llama_token> prompt(params.prompt_tokens);
    std::uint64_t x = 0x9e3779b97f4a7c15ull;
    for (auto &t : prompt) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        t = static_cast<llama_token>((x >> 33) % static_cast<std::uint64_t>(n_vocab));
    }
    generation_params gp;
    // Decode `n` tokens one at a time after a one-token start, sampling each with `chain`; returns seconds
    // and adds the seconds spent sampling to `sampling`.
    auto decode_run = [&](llama_context *ctx, llama_sampler *chain, constraint_state *state, double &sampling) {
        llama_token t = prompt[0];
        decode(ctx, &t, 1, nullptr);
        if (state) state->begin_paragraph({params.decode_tokens * 4, params.decode_tokens * 4, 0});
        const auto t0 = clock_type::now();
        for (std::size_t i = 0; i < params.decode_tokens; ++i) {
            const auto s0 = clock_type::now();
            t = llama_sampler_sample(chain, ctx, -1);
            sampling += seconds_since(s0);
            decode(ctx, &t, 1, nullptr);
        }
        return seconds_since(t0);
    };
    double sampling = 0, unconstrained_sampling = 0;
    // One context for the prompt runs and one for the decode runs, emptied before each run, as llama-bench
    // reuses its context: the warm-up then also warms the context's memory and thread pool.
    auto prompt_ctx = make_context(m, params.prompt_tokens + 8, nullptr);
    auto decode_ctx = make_context(m, params.decode_tokens + 8, nullptr);
    const auto clear = [](llama_context *ctx) { llama_memory_clear(llama_get_memory(ctx), true); };
    for (std::size_t rep = 0; rep <= params.repetitions; ++rep) {  // rep 0 warms up, as llama-bench does
        {
            clear(prompt_ctx.get());
            const std::size_t n_batch = llama_n_batch(prompt_ctx.get());
            const auto t0 = clock_type::now();
            for (std::size_t i = 0; i < prompt.size(); i += n_batch)
                decode(prompt_ctx.get(), prompt.data() + i, std::min(n_batch, prompt.size() - i), nullptr);
            const double s = seconds_since(t0);
            if (rep > 0) r.prompt_seconds.push_back(s);
        }
        {
            constraint_state state;
            constraint_options options;
            options.target = target;
            options.no_repeat_ngram = gp.no_repeat_ngram;
            auto chain = make_chain(m, gp, &options, &state);
            clear(decode_ctx.get());
            double sampled = 0;
            const double s = decode_run(decode_ctx.get(), chain.get(), &state, sampled);
            if (rep > 0) {
                r.decode_seconds.push_back(s);
                sampling += sampled;
            }
        }
        {
            auto chain = make_chain(m, gp, nullptr, nullptr);
            clear(decode_ctx.get());
            double sampled = 0;
            const double s = decode_run(decode_ctx.get(), chain.get(), nullptr, sampled);
            if (rep > 0) {
                r.unconstrained_decode_seconds.push_back(s);
                unconstrained_sampling += sampled;
            }
        }
    }
    const double sampled_tokens = static_cast<double>(params.decode_tokens * params.repetitions);
    if (sampled_tokens > 0) {
        r.sample_us_per_token = 1e6 * sampling / sampled_tokens;
        r.unconstrained_sample_us_per_token = 1e6 * unconstrained_sampling / sampled_tokens;
    }
    auto rate = [](std::size_t tokens, const std::vector<double> &secs) {
        double sum = 0;
        for (double s : secs) sum += static_cast<double>(tokens) / s;
        return secs.empty() ? 0.0 : sum / static_cast<double>(secs.size());
    };
    r.prompt_tokens_per_second = rate(params.prompt_tokens, r.prompt_seconds);
    r.decode_tokens_per_second = rate(params.decode_tokens, r.decode_seconds);
    r.unconstrained_decode_tokens_per_second = rate(params.decode_tokens, r.unconstrained_decode_seconds);
    return r;
}

}  // namespace detail

}  // namespace precis
