// bench_compare_decode — puts precis's decode figures beside llama-bench's on the same GGUF file, as a
// markdown table with the ratios (bench/run calls it; nothing in the table is typed by hand).
//
//   bench_compare_decode LLAMA_BENCH.json [LLAMA_BENCH.json ...] BENCH_DECODE.json
//
// Each LLAMA_BENCH.json is `llama-bench -o json` output (pp and tg rows with their per-repetition samples);
// several are pooled, so llama-bench run before and after precis on a drifting machine is compared with precis
// run in between. BENCH_DECODE.json is bench_decode's. Both sides are reported as the mean and the median of
// their repetitions' tokens/s: the median is the one a stray preemption on a shared machine cannot move.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <numeric>
#include <sstream>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace {

nlohmann::json read_json(const char *path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(fmt::format("cannot read {}", path));
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
}

struct rates {
    std::vector<double> samples;  // tokens/s, one per repetition

    double mean() const {
        return samples.empty() ? 0.0
                               : std::accumulate(samples.begin(), samples.end(), 0.0) /
                                     static_cast<double>(samples.size());
    }
    double median() const {
        if (samples.empty()) return 0.0;
        auto s = samples;
        std::sort(s.begin(), s.end());
        const std::size_t n = s.size();
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
};

// tokens/s per repetition from bench_decode's seconds per repetition.
rates from_seconds(const nlohmann::json &precis, const char *key, const char *tokens_key) {
    rates r;
    const double tokens = precis.value(tokens_key, 0.0);
    if (precis.contains(key))
        for (double s : precis[key].get<std::vector<double>>())
            if (s > 0) r.samples.push_back(tokens / s);
    return r;
}

std::string ratio(double a, double b) { return b > 0 && a > 0 ? fmt::format("{:.3f}", a / b) : "n/a"; }

void row(const char *measure, const rates &llama, const rates &precis) {
    fmt::print("| {} | {:.1f} | {:.1f} | {} | {:.1f} | {:.1f} | {} | {} / {} |\n", measure, llama.median(),
               precis.median(), ratio(precis.median(), llama.median()), llama.mean(), precis.mean(),
               ratio(precis.mean(), llama.mean()), llama.samples.size(), precis.samples.size());
}

}  // namespace

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_compare_decode LLAMA_BENCH.json [LLAMA_BENCH.json ...] BENCH_DECODE.json\n");
        return 2;
    }
    try {
        rates pp, tg;
        for (int i = 1; i + 1 < argc; ++i)
            for (const auto &test : read_json(argv[i])) {
                auto samples = test.value("samples_ts", std::vector<double>{});
                const bool prompt = test.value("n_gen", 0) == 0 && test.value("n_prompt", 0) > 0;
                const bool gen = test.value("n_prompt", 0) == 0 && test.value("n_gen", 0) > 0;
                auto &into = prompt ? pp : tg;
                if (prompt || gen) into.samples.insert(into.samples.end(), samples.begin(), samples.end());
            }
        const auto precis = read_json(argv[argc - 1]);
        const rates precis_pp = from_seconds(precis, "prompt_seconds", "n_prompt");
        const rates precis_tg = from_seconds(precis, "decode_seconds", "n_gen");
        const rates free_tg = from_seconds(precis, "unconstrained_decode_seconds", "n_gen");
        fmt::print("| measure (tokens/s) | llama-bench median | precis median | ratio of medians (target ≥ 0.95) | "
                   "llama-bench mean | precis mean | ratio of means | repetitions |\n"
                   "|---|---|---|---|---|---|---|---|\n");
        row("prompt (pp512)", pp, precis_pp);
        row("decode (tg128), full constraints", tg, precis_tg);
        if (!free_tg.samples.empty()) row("decode, precis without the constraint", tg, free_tg);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_compare_decode: %s\n", e.what());
        return 1;
    }
    return 0;
}
