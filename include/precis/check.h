// precis/check.h — the quality gate every summary passes through (`precis check`, and `summarize` on every
// result).
//
//   precis::source_analysis src = precis::analyze(article_bytes);
//   precis::check_report r = precis::run_checks({summary, &src, spec, instruction_text});
//   if (!r.passed) for (auto &i : r.items) if (!i.passed) std::cerr << i.name << ": " << i.detail << "\n";
//
// Checks, in report order (names as in DESIGN.md):
//   paragraph_count      blank-line separated paragraphs == spec.paragraphs (skipped when 0)
//   word_count           total words (precis/words.h) within [spec.min_words, spec.max_words] (skipped when
//                        max_words is 0); the detail lists the words of every paragraph
//   target_script        share of letters in the target language's script, not counting Latin-script names
//                        copied from the source; fails below min_script_purity
//   instruction_leak     the instruction text, or prompt/assistant chatter ("Here is the summary", "As an AI",
//                        "لخص", "Sure!") in any supported language
//   boilerplate_leak     share / copyright / navigation lines (precis::is_boilerplate)
//   untranslated_source  runs of untranslated_run_words or more consecutive source words, when the target
//                        language differs from the source's
//   numbers              every number must match a source number after normalisation (precis/facts.h); a
//                        number written where the source has a different one is reported as altered
//   entities             Latin-script names that are not in the source
//   repetition           share of word 4-grams that repeat an earlier one; fails above max_repeated_4grams
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "precis/analyze.h"
#include "precis/spec.h"

namespace precis {

// The outcome of one check.
struct check_item {
    std::string name;     // one of the names above
    bool passed = true;
    std::string detail;   // one line a person can act on: what is wrong, where, the offending text
    nlohmann::json data;  // optional machine-readable extras (per-paragraph words, altered numbers); null if none
};

struct check_report {
    bool passed = true;            // all items passed
    std::vector<check_item> items; // every check, in the order above

    // {"passed":bool,"items":[{"name","passed","detail"[,"data"]}]} — the `check` JSON of DESIGN.md.
    nlohmann::json to_json() const;
    // The item called `name`, or nullptr.
    const check_item *find(std::string_view name) const;
};

struct check_request {
    std::string_view summary;                 // the text to check (valid UTF-8)
    const source_analysis *source = nullptr;  // the source it summarises; not owned, must outlive the call.
                                              // nullptr: the source-based checks pass as "no source given"
    summary_spec spec;                        // what was asked; zero words / paragraphs / empty language skip
                                              // those checks (language then defaults to the source's)
    std::string_view instruction;             // the instruction's text, may be empty
};

// Thresholds (documented in the checks' details).
inline constexpr double min_script_purity = 0.99;
inline constexpr std::size_t untranslated_run_words = 8;
// Natural prose repeats few word 4-grams: 150 of the 153 EASC articles stay under this limit, and the three
// above it (20–50%) carry whole passages twice. A model stuck in a loop repeats most of its 4-grams.
inline constexpr double max_repeated_4grams = 0.10;

// Runs every check on `request.summary`. Linear in the summary and source sizes. Thread-safe (no shared
// mutable state). Does not throw for any text; throws error{bad_input} only if `summary` is not valid UTF-8.
check_report run_checks(const check_request &request);

}  // namespace precis
