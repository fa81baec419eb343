// precis/summarize.h — the whole job: input + instruction → checked summary.
//
//   precis::summarize_options options;
//   options.instruction = "Summarize this content to 300 words in 3 paragraphs";
//   precis::summary s = precis::summarize(article_bytes, options, nullptr);   // extractive, no model
//   if (!s.checks.passed) …;  std::cout << precis::join_paragraphs(s.paragraphs);
//
// Pipeline (DESIGN.md): ingest → spec → analyze → plan → realize (extractive | abstractive) → verify.
// Thread-safe: concurrent calls may share one `model`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "precis/analyze.h"
#include "precis/check.h"
#include "precis/engine.h"
#include "precis/spec.h"

namespace precis {

enum class summary_mode { automatic, extractive, abstractive };

// Parses "auto", "extractive", "abstractive"; error{usage} otherwise.
summary_mode parse_summary_mode(std::string_view name);

struct summarize_options {
    std::string instruction;       // overrides an instruction found at the top of the input
    spec_overrides overrides;      // flags; override the instruction
    summary_mode mode = summary_mode::automatic;
    generation_params generation;  // abstractive only
    generation_callbacks callbacks;
};

// How the summary was made (json "engine").
struct engine_report {
    std::string mode;              // "extractive" or "abstractive"
    std::string model;             // model name, "" for extractive
    std::size_t tokens = 0;        // generated tokens
    std::size_t prompt_tokens = 0;
    double seconds = 0;            // wall time of the realisation step
    double tokens_per_second = 0;
    bool source_reduced = false;   // the source was cut to its most salient sentences to fit the context
};

struct summary {
    summary_spec spec;
    source_analysis source;
    std::vector<std::string> paragraphs;
    check_report checks;
    engine_report engine;
    std::vector<std::string> warnings;
};

// Summarizes `input` (text or HTML bytes). `m` may be null: then only the extractive mode is possible,
// which needs the target language to be the source's.
// Mode `automatic`: abstractive when a model is given, else extractive.
// Errors: error{bad_input} (input), error{usage} (spec, or no model where one is needed: the message says to
// pass --model FILE.gguf). error{model}/error{cancelled} from the engine. A summary that fails
// its checks is returned normally with checks.passed == false.
summary summarize(std::string_view input, const summarize_options &options, model *m);

// The json form documented in DESIGN.md: {"spec","source","summary","checks","engine","warnings"}.
nlohmann::json summary_to_json(const summary &s);

}  // namespace precis
