// Constraint sampler cost per token, side by side with the same Arabic-only character constraint written as a
// GBNF grammar for llama.cpp's grammar sampler, on the 151,936-token Qwen2 vocabulary. Prints one JSON
// object.
//
//   bench_sampler [--vocab FILE.gguf] [--steps N] [--grammar-steps N]
//
// Each step fills the id-ordered candidate array with random logits (as llama_sampler_sample does, untimed),
// then times the constraint's apply plus accept of the token a dist sampler picks from what is left. The
// grammar sampler is timed the same way (apply + accept), over fewer steps because it is slow.
#include <time.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "llama.h"
#include "llm/constraint_sampler.h"
#include "precis/language.h"

namespace {

using namespace precis::detail;
using clock_type = std::chrono::steady_clock;

struct stats {
    double mean_us = 0, p50_us = 0, p99_us = 0, max_us = 0;  // wall clock
    double cpu_mean_us = 0, cpu_p99_us = 0;                  // this thread's CPU time
    std::size_t preempted = 0;  // steps whose wall time exceeds their CPU time by more than 50 µs
    std::size_t steps = 0;
    double allowed_mean = 0;  // candidates left after the constraint
};

// Thread CPU time: on a shared machine a step's wall time includes other processes' time slices (tens of ms);
// its CPU time does not, so both are reported.
double cpu_now_us() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

stats summarise(std::vector<double> us, std::vector<double> cpu, double allowed_total) {
    stats s;
    if (us.empty()) return s;
    for (std::size_t i = 0; i < us.size(); ++i) s.preempted += us[i] - cpu[i] > 50.0;
    double cpu_sum = 0;
    for (double v : cpu) cpu_sum += v;
    s.cpu_mean_us = cpu_sum / static_cast<double>(cpu.size());
    std::sort(cpu.begin(), cpu.end());
    s.cpu_p99_us = cpu[std::min(cpu.size() - 1, cpu.size() * 99 / 100)];
    s.steps = us.size();
    double sum = 0;
    for (double v : us) sum += v;
    s.mean_us = sum / static_cast<double>(us.size());
    std::sort(us.begin(), us.end());
    s.p50_us = us[us.size() / 2];
    s.p99_us = us[std::min(us.size() - 1, us.size() * 99 / 100)];
    s.max_us = us.back();
    s.allowed_mean = allowed_total / static_cast<double>(us.size());
    return s;
}

double micros(clock_type::duration d) {
    return std::chrono::duration<double, std::micro>(d).count();
}

// Fills `cur` as llama_sampler_sample does: every token, in id order, with a logit.
void fill(std::vector<llama_token_data> &cur, const std::vector<float> &pool, std::size_t offset) {
    for (std::size_t t = 0; t < cur.size(); ++t)
        cur[t] = {static_cast<llama_token>(t), pool[(offset + t) & (pool.size() - 1)], 0.0f};
}

stats bench_constraint(const llama_vocab *vocab, const precis::language &lang, int steps, double &build_ms) {
    const auto t0 = clock_type::now();
    auto classes = token_classes_for(vocab, lang);
    build_ms = micros(clock_type::now() - t0) / 1000.0;

    constraint_state state;
    constraint_options options;
    options.target = &lang;
    options.names = {"DeepSeek", "H800", "NVIDIA"};
    options.numbers = copyable_numbers("في 2024 بلغت الخسائر 5.6 مليون دولار وعمل 2,048 مهندسا", lang);
    llama_sampler *constraint = make_constraint_sampler(classes, options, &state);
    llama_sampler *dist = llama_sampler_init_dist(42);
    const paragraph_budget budget{90, 100, 110};
    state.begin_paragraph(budget);

    const auto n = static_cast<std::size_t>(llama_vocab_n_tokens(vocab));
    std::vector<llama_token_data> cur(n);
    std::mt19937 rng(1);
    std::normal_distribution<float> normal(0.0f, 2.0f);
    std::vector<float> pool(std::size_t{1} << 20);
    for (auto &x : pool) x = normal(rng);

    std::vector<double> us, cpu;
    us.reserve(static_cast<std::size_t>(steps));
    cpu.reserve(static_cast<std::size_t>(steps));
    double allowed = 0;
    for (int step = 0; step < steps; ++step) {
        fill(cur, pool, rng());
        llama_token_data_array cur_p{cur.data(), cur.size(), -1, false};
        const double ca = cpu_now_us();
        const auto a = clock_type::now();
        llama_sampler_apply(constraint, &cur_p);
        const auto b = clock_type::now();
        const double cb = cpu_now_us();
        llama_sampler_apply(dist, &cur_p);
        const llama_token token = cur_p.data[cur_p.selected].id;
        const double cc = cpu_now_us();
        const auto c = clock_type::now();
        llama_sampler_accept(constraint, token);
        const auto d = clock_type::now();
        const double cd = cpu_now_us();
        us.push_back(micros(b - a) + micros(d - c));
        cpu.push_back((cb - ca) + (cd - cc));
        allowed += static_cast<double>(cur_p.size);
        if (state.paragraph_complete()) state.begin_paragraph(budget);
    }
    llama_sampler_free(constraint);
    llama_sampler_free(dist);
    return summarise(std::move(us), std::move(cpu), allowed);
}

// The character part of the Arabic constraint as GBNF: the Arabic alphabet (U+0621–U+063A, U+0641–U+064A)
// and harakat (U+064B–U+0652), the punctuation token_classes allows for Arabic, and the space. (Digits are
// left out, as the constraint leaves them to copied source numbers.)
const char *arabic_grammar = R"(root ::= [ء-غف-يً-ْ،؛؟.!:«»"()%٪ \-]+
)";

stats bench_grammar(const llama_vocab *vocab, int steps) {
    llama_sampler *grammar = llama_sampler_init_grammar(vocab, arabic_grammar, "root");
    if (grammar == nullptr) return {};
    const auto n = static_cast<std::size_t>(llama_vocab_n_tokens(vocab));
    std::vector<llama_token_data> cur(n);
    std::mt19937 rng(1);
    std::normal_distribution<float> normal(0.0f, 2.0f);
    std::vector<float> pool(std::size_t{1} << 20);
    for (auto &x : pool) x = normal(rng);
    std::vector<double> us, cpu;
    double allowed = 0;
    for (int step = 0; step < steps; ++step) {
        fill(cur, pool, rng());
        llama_token_data_array cur_p{cur.data(), cur.size(), -1, false};
        const double ca = cpu_now_us();
        const auto a = clock_type::now();
        llama_sampler_apply(grammar, &cur_p);
        const auto b = clock_type::now();
        const double cb = cpu_now_us();
        // Greedy over what the grammar left (finite logits); untimed.
        std::size_t best = 0, left = 0;
        for (std::size_t i = 0; i < cur_p.size; ++i) {
            if (!std::isfinite(cur_p.data[i].logit)) continue;
            ++left;
            if (!std::isfinite(cur_p.data[best].logit) || cur_p.data[i].logit > cur_p.data[best].logit)
                best = i;
        }
        const double cc = cpu_now_us();
        const auto c = clock_type::now();
        llama_sampler_accept(grammar, cur_p.data[best].id);
        const auto d = clock_type::now();
        const double cd = cpu_now_us();
        us.push_back(micros(b - a) + micros(d - c));
        cpu.push_back((cb - ca) + (cd - cc));
        allowed += static_cast<double>(left);
    }
    llama_sampler_free(grammar);
    return summarise(std::move(us), std::move(cpu), allowed);
}

void print_stats(const char *name, const stats &s, bool comma) {
    std::printf(
        "    \"%s\": {\"steps\": %zu, \"mean_us\": %.2f, \"p50_us\": %.2f, \"p99_us\": %.2f, \"max_us\": "
        "%.2f, "
        "\"cpu_mean_us\": %.2f, \"cpu_p99_us\": %.2f, \"preempted_steps\": %zu, \"allowed_mean\": %.0f}%s\n",
        name, s.steps, s.mean_us, s.p50_us, s.p99_us, s.max_us, s.cpu_mean_us, s.cpu_p99_us, s.preempted,
        s.allowed_mean, comma ? "," : "");
}

}  // namespace

int main(int argc, char **argv) {
    // The vocabulary ships with llama.cpp; find it next to this source file unless given.
    std::string src = __FILE__;
    std::string vocab_path =
        src.substr(0, src.rfind("/bench/")) + "/third_party/llama.cpp/models/ggml-vocab-qwen2.gguf";
    int steps = 2000, grammar_steps = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--vocab") == 0)
            vocab_path = argv[i + 1];
        else if (std::strcmp(argv[i], "--steps") == 0)
            steps = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--grammar-steps") == 0)
            grammar_steps = std::max(1, std::atoi(argv[i + 1]));
        else {
            std::fprintf(stderr,
                         "usage: bench_sampler [--vocab FILE.gguf] [--steps N] [--grammar-steps N]\n");
            return 2;
        }
    }
    llama_backend_init();
    llama_log_set([](ggml_log_level, const char *, void *) {}, nullptr);
    llama_model_params params = llama_model_default_params();
    params.vocab_only = true;
    llama_model *model = llama_model_load_from_file(vocab_path.c_str(), params);
    if (model == nullptr) {
        std::fprintf(stderr,
                     "bench_sampler: cannot load the vocabulary %s (run scripts/setup, or pass --vocab)\n",
                     vocab_path.c_str());
        return 2;
    }
    const llama_vocab *vocab = llama_model_get_vocab(model);

    std::printf(
        "{\n  \"benchmark\": \"constraint_sampler\",\n  \"vocab\": \"%s\",\n  \"vocab_tokens\": %d,\n",
        vocab_path.substr(vocab_path.rfind('/') + 1).c_str(), llama_vocab_n_tokens(vocab));
    std::printf(
        "  \"measure\": \"apply + accept per token, random logits, budget 90-110 words per paragraph\",\n");
    std::printf("  \"constraint\": {\n");
    stats arabic;
    const char *codes[] = {"ar", "en", "fr", "ru", "zh"};
    std::string builds;
    for (std::size_t i = 0; i < std::size(codes); ++i) {
        double build_ms = 0;
        const stats s = bench_constraint(vocab, *precis::find_language(codes[i]), steps, build_ms);
        if (i == 0) arabic = s;
        print_stats(codes[i], s, i + 1 < std::size(codes));
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s\"%s\": %.0f", builds.empty() ? "" : ", ", codes[i], build_ms);
        builds += buf;
    }
    std::printf("  },\n  \"token_classes_build_ms\": {%s},\n", builds.c_str());
    const stats gbnf = bench_grammar(vocab, grammar_steps);
    std::printf("  \"gbnf_arabic\": {\n");
    print_stats("llama_sampler_init_grammar", gbnf, false);
    std::printf("  },\n");
    std::printf("  \"arabic_mean_target_us\": 25,\n  \"arabic_p99_target_us\": 100,\n");
    std::printf("  \"arabic_within_target_wall\": %s,\n",
                arabic.mean_us <= 25 && arabic.p99_us <= 100 ? "true" : "false");
    std::printf("  \"arabic_within_target_cpu\": %s,\n",
                arabic.cpu_mean_us <= 25 && arabic.cpu_p99_us <= 100 ? "true" : "false");
    std::printf("  \"gbnf_over_constraint_mean_ratio\": %.1f,\n",
                arabic.mean_us > 0 ? gbnf.mean_us / arabic.mean_us : 0.0);
    std::printf("  \"gbnf_over_constraint_cpu_mean_ratio\": %.1f\n}\n",
                arabic.cpu_mean_us > 0 ? gbnf.cpu_mean_us / arabic.cpu_mean_us : 0.0);
    llama_model_free(model);
    llama_backend_free();
    return 0;
}
