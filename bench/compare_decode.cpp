// bench_compare_decode — puts precis's decode figures beside llama-bench's on the same GGUF file, as a
// markdown table with the ratios (bench/run calls it; nothing in the table is typed by hand).
//
//   bench_compare_decode LLAMA_BENCH.json BENCH_DECODE.json
//
// LLAMA_BENCH.json is `llama-bench -o json` output (pp and tg rows); BENCH_DECODE.json is bench_decode's.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace {

nlohmann::json read_json(const char *path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_compare_decode LLAMA_BENCH.json BENCH_DECODE.json\n");
        return 2;
    }
    try {
        auto llama = read_json(argv[1]);
        auto precis = read_json(argv[2]);
        double pp = 0, tg = 0;
        for (const auto &row : llama) {
            if (row.value("n_gen", 0) == 0 && row.value("n_prompt", 0) > 0) pp = row.value("avg_ts", 0.0);
            if (row.value("n_prompt", 0) == 0 && row.value("n_gen", 0) > 0) tg = row.value("avg_ts", 0.0);
        }
        double precis_pp = precis.value("prompt_tokens_per_second", 0.0);
        double precis_tg = precis.value("decode_tokens_per_second", 0.0);
        double free_tg = precis.value("unconstrained_decode_tokens_per_second", 0.0);
        auto ratio = [](double a, double b) { return b > 0 ? fmt::format("{:.3f}", a / b) : std::string("n/a"); };
        fmt::print("| measure | llama-bench | precis | ratio (target ≥ 0.95) |\n|---|---|---|---|\n");
        fmt::print("| prompt tokens/s (pp512) | {:.1f} | {:.1f} | {} |\n", pp, precis_pp, ratio(precis_pp, pp));
        fmt::print("| decode tokens/s (tg128), full constraints | {:.1f} | {:.1f} | {} |\n", tg, precis_tg,
                   ratio(precis_tg, tg));
        if (free_tg > 0)
            fmt::print("| decode tokens/s, precis without the constraint | {:.1f} | {:.1f} | {} |\n", tg, free_tg,
                       ratio(free_tg, tg));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_compare_decode: %s\n", e.what());
        return 1;
    }
    return 0;
}
