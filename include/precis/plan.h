// precis/plan.h — the content plan: per-paragraph word budgets and the source sentences each paragraph
// covers, in source order. The extractive realiser fills it with the sentences themselves; the abstractive
// engine puts it in the prompt and enforces the budgets in the decoder.
//
//   precis::content_plan plan = precis::make_plan(analysis, spec);
//   for (auto &p : plan.paragraphs) { p.words; p.sentences; }
//
// Thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "precis/analyze.h"
#include "precis/spec.h"

namespace precis {

struct paragraph_plan {
    std::size_t words = 0;                // word budget of this paragraph
    std::vector<std::size_t> sentences;   // indices into source_analysis::sentences, ascending
};

struct content_plan {
    std::vector<paragraph_plan> paragraphs;  // exactly spec.paragraphs entries; budgets sum to spec.words
    std::vector<double> salience;            // one score per source sentence (0..1)
};

// Splits spec.words into spec.paragraphs budgets and assigns the most salient source sentences to
// paragraphs in source order. Throws error{usage} when spec.paragraphs exceeds what the source can fill.
content_plan make_plan(const source_analysis &source, const summary_spec &spec);

}  // namespace precis
