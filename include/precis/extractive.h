// precis/extractive.h — the extractive realiser: a summary made only of the source's own sentences.
//
//   precis::extractive_result r = precis::summarize_extractive(analysis, spec);
//   std::string text = precis::join_paragraphs(r.paragraphs);   // exactly spec.paragraphs paragraphs
//
// It follows make_plan (precis/plan.h): every sentence is copied from the source verbatim, in source order,
// except a sentence the plan cuts to land in the word range, which ends at a clause or word boundary followed
// by the sentence's own terminator. Nothing is invented, and the summary is in the source's language — the
// caller decides whether that is acceptable for the requested language.
//
// Thread-safe (no shared state).
#pragma once

#include <string>
#include <vector>

#include "precis/analyze.h"
#include "precis/plan.h"
#include "precis/spec.h"

namespace precis {

struct extractive_result {
    std::vector<std::string> paragraphs;  // exactly spec.paragraphs, each one or more source sentences
    std::vector<std::string> warnings;    // e.g. the target is at or above the source's length
};

// Summarises `source` to `spec` with no model. Errors: those of make_plan — error{usage} when spec.paragraphs
// exceeds the source's sentences, error{bad_input} when the source has no words.
extractive_result summarize_extractive(const source_analysis &source, const summary_spec &spec);
extractive_result summarize_extractive(const source_analysis &source, const summary_spec &spec,
                                       const plan_params &params);

// Realises an existing plan (one made by make_plan for `source`).
extractive_result realize_extractive(const source_analysis &source, const content_plan &plan);

// The first `keep` words of `sentence`, without the clause punctuation at the cut, ended with the
// sentence's terminator (". ! ? ؟ 。" as the sentence has it, "." when it has none); a cut that is not at a
// clause mark (, ، ; ؛ :) is marked with an ellipsis before it ("The harbour will…."), and quotations the
// cut leaves open (« “ ", a straight quote opening only after a space or an opening mark) are closed,
// innermost first, before the terminator. `keep` ≥ the sentence's
// word count returns the sentence unchanged.
std::string cut_sentence(std::string_view sentence, std::size_t keep);

}  // namespace precis
