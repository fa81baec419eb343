// precis analyze — what precis sees in an input: the instruction, the spec, the source's language and size,
// and what ingest removed.
#include <memory>

#include <fmt/core.h>

#include "commands.h"
#include "precis/analyze.h"
#include "precis/render.h"
#include "spec_options.h"

namespace precis::cli {
namespace {

struct analyze_options {
    std::string input = "-";
    spec_flags spec;
    std::string format = "json";
    std::string output;
};

int run_analyze(const analyze_options &o) {
    output_format format = parse_output_format(o.format);
    source_analysis a = analyze(read_input(o.input), o.spec.instruction);
    nlohmann::json out;
    bool have_spec = a.instruction.has_value() || o.spec.words || o.spec.paragraphs || o.spec.language;
    if (have_spec) {
        summary_spec spec = resolve_spec(a.instruction.value_or(parsed_instruction{}), o.spec.overrides(),
                                         a.language, a.words);
        out["spec"] = spec_to_json(spec);
    } else {
        out["spec"] = nullptr;
    }
    out["instruction"] = a.instruction ? nlohmann::json(a.instruction->text) : nlohmann::json(nullptr);
    out["parsed_instruction"] = a.instruction ? instruction_to_json(*a.instruction) : nlohmann::json(nullptr);
    out["source"] = source_to_json(a);
    if (format == output_format::json) {
        write_output(o.output, out.dump(2) + "\n");
        return 0;
    }
    std::string text;
    if (have_spec)
        text += fmt::format("spec: {} words [{}–{}], {} paragraphs, language {}\n", out["spec"]["words"].get<std::size_t>(),
                            out["spec"]["min_words"].get<std::size_t>(), out["spec"]["max_words"].get<std::size_t>(),
                            out["spec"]["paragraphs"].get<std::size_t>(), out["spec"]["language"].get<std::string>());
    if (a.instruction) text += fmt::format("instruction: {}\n", a.instruction->text);
    text += fmt::format("source: {} ({:.0f}% sure), {} words, {} sentences, {} paragraphs\n",
                        a.language.empty() ? "unknown language" : a.language, a.language_confidence * 100, a.words,
                        a.sentences.size(), a.paragraphs.size());
    for (const auto &r : a.removed) text += fmt::format("removed ({}): {}\n", r.reason, r.text);
    write_output(o.output, text);
    return 0;
}

command_registration reg{"analyze", [](CLI::App &app) -> action {
    auto o = std::make_shared<analyze_options>();
    auto *cmd = app.add_subcommand("analyze", "Show the spec and what precis sees in an input (no summary)");
    cmd->add_option("INPUT", o->input, "Article: text or HTML file, or - for standard input (default)");
    add_spec_flags(cmd, o->spec);
    cmd->add_option("--format,-f", o->format, "json (default) or text")->check(CLI::IsMember({"json", "text"}));
    cmd->add_option("--output,-o", o->output, "Write to FILE instead of standard output");
    return [o] { return run_analyze(*o); };
}};

}  // namespace
}  // namespace precis::cli
