// bench_decode — the engine's speed on one GGUF, printed as JSON for bench/run to put beside llama-bench's
// pp512 and tg128 on the same file:
//
//   bench_decode --model qwen2.5-0.5b-random-q4_k_m.gguf --threads 2
//   {"model":"…","threads":2,"n_prompt":512,"n_gen":128,"prompt_tokens_per_second":…,
//    "decode_tokens_per_second":…,"unconstrained_decode_tokens_per_second":…,…}
//
// It runs precis::detail::measure_speed, i.e. the contexts and sampler chains generate_summary uses: prompt
// tokens/s over 512 tokens in one context (as llama-bench -p 512), decode tokens/s over 128 tokens each
// sampled under the full constraint chain (constraint, top-k, temperature, top-p, min-p, seeded draw) and
// decoded one at a time (as llama-bench -n 128, which decodes without sampling). The unconstrained figure
// shows what the mask itself costs.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "llm/generator.h"
#include "precis/engine.h"
#include "precis/error.h"

int main(int argc, char **argv) {
    CLI::App app{"precis decode benchmark (prompt and constrained decode tokens/s)"};
    std::string model_path;
    int threads = 2;
    precis::detail::speed_params sp;
    app.add_option("--model", model_path, "GGUF model")->required();
    app.add_option("--threads,-t", threads, "threads (llama-bench -t)");
    app.add_option("-p,--n-prompt", sp.prompt_tokens, "prompt tokens (llama-bench -p)");
    app.add_option("-n,--n-gen", sp.decode_tokens, "generated tokens (llama-bench -n)");
    app.add_option("-r,--repetitions", sp.repetitions, "repetitions after one warm-up (llama-bench -r)");
    app.add_option("--lang", sp.language, "target language of the constraint decoder");
    CLI11_PARSE(app, argc, argv);
    try {
        auto m = precis::load_model({.model_path = model_path, .threads = threads});
        const auto r = precis::detail::measure_speed(*m, sp);
        nlohmann::json j = {
            {"model", model_path},
            {"model_name", precis::model_name(*m)},
            {"threads", threads},
            {"language", sp.language},
            {"n_prompt", sp.prompt_tokens},
            {"n_gen", sp.decode_tokens},
            {"repetitions", sp.repetitions},
            {"prompt_tokens_per_second", r.prompt_tokens_per_second},
            {"decode_tokens_per_second", r.decode_tokens_per_second},
            {"unconstrained_decode_tokens_per_second", r.unconstrained_decode_tokens_per_second},
            {"prompt_seconds", r.prompt_seconds},
            {"decode_seconds", r.decode_seconds},
            {"unconstrained_decode_seconds", r.unconstrained_decode_seconds},
            {"sample_us_per_token", r.sample_us_per_token},
            {"unconstrained_sample_us_per_token", r.unconstrained_sample_us_per_token},
        };
        std::cout << j.dump() << "\n";
        return 0;
    } catch (const precis::error &e) {
        std::fprintf(stderr, "bench_decode: %s\n", e.what());
        return precis::exit_code(e.code);
    }
}
