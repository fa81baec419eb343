// app/spec_options.h — the flags that state a summary spec, shared by summarize, analyze and check.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "precis/spec.h"

namespace precis::cli {

struct spec_flags {
    std::string instruction;
    std::optional<std::size_t> words;
    std::optional<std::size_t> paragraphs;
    std::optional<std::string> language;
    std::optional<double> tolerance;

    spec_overrides overrides() const { return {words, paragraphs, language, tolerance}; }
};

// Adds --instruction, --words, --paragraphs, --lang and --tolerance to `cmd`.
inline void add_spec_flags(CLI::App *cmd, spec_flags &flags) {
    cmd->add_option("--instruction,-i", flags.instruction,
                    "The request in words, e.g. \"Summarize this content to 2000 words in 6 paragraphs in Arabic\"; "
                    "when absent, an instruction at the top of the input is used");
    cmd->add_option("--words,-w", flags.words, "Target length in words (characters for zh/ja); overrides the instruction")
        ->check(CLI::Range(1, 100000));
    cmd->add_option("--paragraphs,-p", flags.paragraphs, "Exact number of paragraphs; overrides the instruction")
        ->check(CLI::Range(1, 1000));
    cmd->add_option("--lang,-l", flags.language, "Target language: ISO 639-1 code (ar, en, fr, …) or name");
    cmd->add_option("--tolerance", flags.tolerance, "Allowed length error as a fraction (default 0.02 = ±2%)")
        ->check(CLI::Range(0.0, 0.5));
}

}  // namespace precis::cli
