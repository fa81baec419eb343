// precis check — the quality gate on a summary someone else produced: structure, language, leaks, copied
// source text, numbers, names and repetition, against the source and the instruction.
#include <memory>

#include <fmt/format.h>

#include "commands.h"
#include "precis/analyze.h"
#include "precis/check.h"
#include "precis/error.h"
#include "precis/utf8.h"
#include "precis/words.h"
#include "spec_options.h"

namespace precis::cli {
namespace {

struct check_options {
    std::string summary;
    std::string source;
    spec_flags spec;
    std::string format = "text";
    std::string output;
};

int run_check(const check_options &o) {
    std::string summary = read_input(o.summary);
    const std::string name = o.summary.empty() || o.summary == "-" ? "standard input" : o.summary;
    // A byte-order mark is an encoding artefact, not text of the summary.
    if (summary.rfind("\xEF\xBB\xBF", 0) == 0) summary.erase(0, 3);
    validate_utf8(summary, "summary " + name);
    if (count_words(summary) == 0)
        throw error(errc::bad_input, fmt::format("summary {} is empty: there is nothing to check", name), name);

    const source_analysis source = analyze(read_input(o.source), o.spec.instruction);
    // Only what was asked is checked: without a word target (or paragraph count) in the instruction or the
    // flags, the length (or paragraph) check reports and passes instead of holding the summary to a default.
    summary_spec spec;
    const parsed_instruction parsed = source.instruction.value_or(parsed_instruction{});
    const bool asked = source.instruction.has_value() || o.spec.words || o.spec.paragraphs || o.spec.language;
    if (asked) {
        spec = resolve_spec(parsed, o.spec.overrides(), source.language, source.words);
        if (!parsed.words && !o.spec.words) spec.words = spec.min_words = spec.max_words = 0;
        if (!parsed.paragraphs && !o.spec.paragraphs) spec.paragraphs = 0;
    }
    const std::string instruction = source.instruction ? source.instruction->text : o.spec.instruction;

    const check_report report = run_checks({summary, &source, spec, instruction});
    if (o.format == "json") {
        write_output(o.output, report.to_json().dump(2) + "\n");
    } else {
        std::string text;
        for (const auto &i : report.items)
            text += fmt::format("{} {} — {}\n", i.passed ? "✓" : "✗", i.name, i.detail);
        text += report.passed ? "all checks passed\n" : "some checks failed\n";
        write_output(o.output, text);
    }
    return report.passed ? 0 : 1;
}

command_registration reg{"check", [](CLI::App &app) -> action {
    auto o = std::make_shared<check_options>();
    auto *cmd = app.add_subcommand(
        "check", "Check a summary against its source and instruction (exit 0 all pass, 1 some fail, 2 bad input)");
    cmd->add_option("SUMMARY", o->summary, "The summary to check: a text file, or - for standard input")->required();
    cmd->add_option("--source,-s", o->source, "The article it summarises (text or HTML)")->required();
    add_spec_flags(cmd, o->spec);
    cmd->add_option("--format,-f", o->format, "text (default: one line per check) or json")
        ->check(CLI::IsMember({"json", "text"}));
    cmd->add_option("--output,-o", o->output, "Write the report to FILE instead of standard output");
    return [o] { return run_check(*o); };
}};

}  // namespace
}  // namespace precis::cli
