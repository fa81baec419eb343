// precis summarize — the main job: an article and an instruction in, a checked summary out.
#include <chrono>
#include <cstdio>
#include <memory>

#include <fmt/core.h>

#include "commands.h"
#include "precis/error.h"
#include "precis/render.h"
#include "precis/summarize.h"
#include "spec_options.h"

namespace precis::cli {
namespace {

struct summarize_flags {
    std::string input = "-";
    spec_flags spec;
    std::string mode = "auto";
    std::string model;
    std::string server;
    std::string format = "text";
    std::string output;
    std::uint32_t seed = 42;
    int threads = 0;
    float temperature = 0.8f;
    std::size_t context = 0;
    bool quiet = false;
};

// One status line on stderr, rewritten in place: paragraph i/K, words, tokens/s, ETA.
void show_progress(const generation_progress &p) {
    int eta = static_cast<int>(p.eta_seconds + 0.5);
    std::fprintf(stderr, "\r\033[Kparagraph %zu/%zu · %zu/%zu words · %.1f tok/s · ETA %d:%02d", p.paragraph + 1,
                 p.paragraphs, p.words, p.target_words, p.tokens_per_second, eta / 60, eta % 60);
}

int run_summarize(const summarize_flags &f) {
    output_format format = parse_output_format(f.format);
    if (!f.server.empty())
        throw error(errc::usage,
                    "--server (a remote OpenAI-compatible backend) is not available in this version of precis; "
                    "use --model FILE.gguf for local generation",
                    f.server);

    summarize_options options;
    options.instruction = f.spec.instruction;
    options.overrides = f.spec.overrides();
    options.mode = parse_summary_mode(f.mode);
    options.generation.seed = f.seed;
    options.generation.temperature = f.temperature;

    std::shared_ptr<model> m;
    if (!f.model.empty()) {
        if (options.mode == summary_mode::extractive)
            throw error(errc::usage, "--model was given with --mode extractive; drop one of them");
        m = load_model({f.model, f.threads, f.context});
    }
    bool progress = m && !f.quiet && stderr_is_terminal();
    if (progress) {
        options.callbacks.on_token = show_progress;
        options.callbacks.on_paragraph = [](std::size_t, std::string_view) {};
    }

    std::string input = read_input(f.input);
    summary s = summarize(input, options, m.get());
    if (progress) std::fprintf(stderr, "\r\033[K");

    if (format == output_format::json) {
        write_output(f.output, summary_to_json(s).dump(2) + "\n");
    } else {
        write_output(f.output, render_paragraphs(s.paragraphs, format, s.spec.language));
    }
    for (const auto &w : s.warnings) fmt::print(stderr, "precis summarize: warning: {}\n", w);
    if (!s.checks.passed) {
        for (const auto &item : s.checks.items)
            if (!item.passed) fmt::print(stderr, "precis summarize: check failed: {}: {}\n", item.name, item.detail);
        return 1;
    }
    return 0;
}

command_registration reg{"summarize", [](CLI::App &app) -> action {
    auto f = std::make_shared<summarize_flags>();
    auto *cmd = app.add_subcommand(
        "summarize",
        "Summarize an article to the asked paragraphs, length and language.\n"
        "The spec comes from --instruction, or from an instruction at the top of the input\n"
        "(\"Summarize this content to 2000 words in 6 paragraphs in Arabic …\"); --words, --paragraphs\n"
        "and --lang override it. Without a model the summary quotes the source (extractive, source\n"
        "language only); with --model it is written by the model under the constraint decoder.\n"
        "Every result is checked (see `precis check`): exit 0 passed, 1 checks failed, 2 bad input\n"
        "or usage, 3 model failure.");
    cmd->add_option("INPUT", f->input, "Article: text or HTML file, or - for standard input (default)");
    add_spec_flags(cmd, f->spec);
    cmd->add_option("--mode", f->mode, "auto (default: abstractive with a model, else extractive), extractive, abstractive")
        ->check(CLI::IsMember({"auto", "extractive", "abstractive"}));
    cmd->add_option("--model,-m", f->model, "GGUF instruct model for abstractive summaries (e.g. Qwen2.5-7B-Instruct)");
    cmd->add_option("--server", f->server, "OpenAI-compatible server URL (not available in this version)");
    cmd->add_option("--format,-f", f->format, "text (default), markdown, json or html")
        ->check(CLI::IsMember({"text", "markdown", "md", "json", "html"}));
    cmd->add_option("--output,-o", f->output, "Write to FILE (atomically) instead of standard output");
    cmd->add_option("--seed", f->seed, "Sampling seed: the same seed gives the same summary (default 42)");
    cmd->add_option("--threads,-t", f->threads, "CPU threads for the model (default: all cores)")->check(CLI::Range(0, 1024));
    cmd->add_option("--temperature", f->temperature, "Sampling temperature (default 0.8)")->check(CLI::Range(0.0, 5.0));
    cmd->add_option("--context", f->context, "Model context in tokens (default: fit the source and the summary)");
    cmd->add_flag("--quiet,-q", f->quiet, "No progress line on stderr");
    return [f] { return run_summarize(*f); };
}};

}  // namespace
}  // namespace precis::cli
