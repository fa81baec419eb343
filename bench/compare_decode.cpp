// bench_compare_decode — puts precis's decode figures beside llama-bench's on the same GGUF file, as a
// markdown table with the ratios (bench/run calls it; nothing in the table is typed by hand).
//
//   bench_compare_decode LLAMA_BENCH.json BENCH_DECODE.json [LLAMA_BENCH.json BENCH_DECODE.json ...]
//
// Each LLAMA_BENCH.json is `llama-bench -o json` output (pp and tg rows with their per-repetition samples),
// each BENCH_DECODE.json is bench_decode's; a file is told by its shape (an array or an object). bench/run
// alternates the two programs, one repetition each, so each llama-bench run and the precis run right after
// it form a pair that saw the same machine: on a shared machine whose speed drifts by ±10% over seconds, the
// median of the paired ratios is the figure that measures precis and not the drift. The pooled medians and
// means of every repetition are printed beside it.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <sstream>
#include <stdexcept>
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

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

double mean(const std::vector<double> &v) {
    return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

// Tokens/s per repetition of one measure, on both sides, and the ratios of the pairs.
struct measure {
    std::vector<double> llama, precis, paired;
};

// One alternation of the two programs, for the per-pair table.
struct pair_row {
    double llama_pp = 0, llama_tg = 0, precis_pp = 0, precis_tg = 0, precis_free_tg = 0;
};

// llama-bench's samples for the pp (prompt) or tg (generation) test of one file.
std::vector<double> llama_samples(const nlohmann::json &runs, bool prompt) {
    std::vector<double> out;
    for (const auto &test : runs) {
        const int n_prompt = test.value("n_prompt", 0), n_gen = test.value("n_gen", 0);
        if (prompt ? (n_gen == 0 && n_prompt > 0) : (n_prompt == 0 && n_gen > 0)) {
            const auto s = test.value("samples_ts", std::vector<double>{});
            out.insert(out.end(), s.begin(), s.end());
        }
    }
    return out;
}

// bench_decode's tokens/s per repetition from its seconds per repetition.
std::vector<double> precis_samples(const nlohmann::json &run, const char *seconds_key, const char *tokens_key) {
    std::vector<double> out;
    const double tokens = run.value(tokens_key, 0.0);
    for (double s : run.value(seconds_key, std::vector<double>{}))
        if (s > 0) out.push_back(tokens / s);
    return out;
}

void add(measure &m, const std::vector<double> &llama, const std::vector<double> &precis, bool paired) {
    m.llama.insert(m.llama.end(), llama.begin(), llama.end());
    m.precis.insert(m.precis.end(), precis.begin(), precis.end());
    if (paired && !llama.empty() && !precis.empty()) m.paired.push_back(mean(precis) / mean(llama));
}

std::string ratio(double a, double b) { return a > 0 && b > 0 ? fmt::format("{:.3f}", a / b) : "n/a"; }

void row(const char *name, const measure &m) {
    const auto [lo, hi] = std::minmax_element(m.paired.begin(), m.paired.end());
    fmt::print("| {} | {:.3f} | {} | {} | {:.1f} | {:.1f} | {} | {} |\n", name, median(m.paired),
               m.paired.empty() ? "n/a" : fmt::format("{:.3f}–{:.3f}", *lo, *hi),
               ratio(median(m.precis), median(m.llama)), median(m.llama), median(m.precis),
               ratio(mean(m.precis), mean(m.llama)), m.paired.size());
}

}  // namespace

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr,
                     "usage: bench_compare_decode LLAMA_BENCH.json BENCH_DECODE.json [LLAMA_BENCH.json "
                     "BENCH_DECODE.json ...]\n");
        return 2;
    }
    try {
        measure prompt, decode, unconstrained;
        std::vector<pair_row> pairs;
        nlohmann::json pending_llama;  // a llama-bench run waiting for the precis run after it
        const auto unpaired = [&](const nlohmann::json &runs) {
            add(prompt, llama_samples(runs, true), {}, false);
            add(decode, llama_samples(runs, false), {}, false);
            add(unconstrained, llama_samples(runs, false), {}, false);
        };
        std::size_t failed = 0;
        for (int i = 1; i < argc; ++i) {
            nlohmann::json j;
            try {
                j = read_json(argv[i]);
            } catch (const std::exception &e) {  // a run that failed or was cut short: leave it out, say so
                std::fprintf(stderr, "bench_compare_decode: %s left out: %s\n", argv[i], e.what());
                ++failed;
                continue;
            }
            if (j.is_array()) {
                if (!pending_llama.is_null()) unpaired(pending_llama);  // two in a row: the first stays unpaired
                pending_llama = j;
                continue;
            }
            const bool paired = !pending_llama.is_null();
            const auto pp = paired ? llama_samples(pending_llama, true) : std::vector<double>{};
            const auto tg = paired ? llama_samples(pending_llama, false) : std::vector<double>{};
            add(prompt, pp, precis_samples(j, "prompt_seconds", "n_prompt"), paired);
            add(decode, tg, precis_samples(j, "decode_seconds", "n_gen"), paired);
            const auto free_tg = precis_samples(j, "unconstrained_decode_seconds", "n_gen");
            add(unconstrained, tg, free_tg, paired);
            if (paired)
                pairs.push_back({mean(pp), mean(tg), mean(precis_samples(j, "prompt_seconds", "n_prompt")),
                                 mean(precis_samples(j, "decode_seconds", "n_gen")), mean(free_tg)});
            pending_llama = nullptr;
        }
        if (!pending_llama.is_null()) unpaired(pending_llama);
        fmt::print("| measure (tokens/s) | median of paired ratios (target ≥ 0.95) | paired ratios, min–max | "
                   "ratio of pooled medians | llama-bench median | precis median | ratio of means | pairs |\n"
                   "|---|---|---|---|---|---|---|---|\n");
        row("prompt (pp512)", prompt);
        if (failed > 0) std::fprintf(stderr, "bench_compare_decode: %zu run(s) left out\n", failed);
        row("decode (tg128), full constraints", decode);
        if (!unconstrained.precis.empty()) row("decode, precis without the constraint", unconstrained);
        fmt::print("\nEach pair, in the order run (tokens/s):\n\n| pair | llama-bench pp512 | precis prompt | ratio | "
                   "llama-bench tg128 | precis decode, constrained | ratio | precis decode, unconstrained |\n"
                   "|---|---|---|---|---|---|---|---|\n");
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            const auto &p = pairs[i];
            fmt::print("| {} | {:.1f} | {:.1f} | {} | {:.2f} | {:.2f} | {} | {:.2f} |\n", i + 1, p.llama_pp, p.precis_pp,
                       ratio(p.precis_pp, p.llama_pp), p.llama_tg, p.precis_tg, ratio(p.precis_tg, p.llama_tg),
                       p.precis_free_tg);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_compare_decode: %s\n", e.what());
        return 1;
    }
    return 0;
}
