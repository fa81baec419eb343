// precis/plan.h — the content plan: per-paragraph word budgets and the source sentences each paragraph
// covers, in source order. The extractive realiser fills it with the sentences themselves; the abstractive
// engine puts it in the prompt and enforces the budgets in the decoder.
//
//   precis::content_plan plan = precis::make_plan(analysis, spec);
//   for (auto &p : plan.paragraphs) { p.words; p.sentences; }
//
// How the plan is made:
//   1. Salience (precis/salience.h): LexRank centrality + news position + length, one score per sentence.
//   2. Budgeted selection: a sentence longer than plan_params::max_sentence_words (by default 45 words for
//      Arabic, no limit otherwise) counts, and is used, only up to a clause boundary near that limit, so
//      one run-on sentence does not take the whole budget (raised when the heads alone fall short of the
//      target); salience and redundancy of such a sentence are those of its head. Then maximal marginal relevance (Carbonell & Goldstein, 1998) picks sentences, best first
//      and penalised by their similarity to those already chosen, while the total stays within
//      [spec.min_words, spec.max_words]; it stops once the total reaches spec.min_words.
//   3. When whole sentences cannot land in the range (every remaining sentence is too long, or the gap is
//      smaller than any sentence), precis first tries swapping one chosen sentence for a longer one; failing
//      that it takes the best remaining sentence and cuts it: at a clause boundary (، , ; ؛ :) whose word count
//      lands inside the range when there is one, else at the word that hits the target exactly. The cut
//      sentence keeps the sentence's own terminator (. ! ? ؟), after an ellipsis when the cut is not at a
//      clause boundary (precis::cut_sentence). paragraph_plan::sentence_words records such a
//      cut (a count smaller than the sentence's own).
//   4. Exact paragraph count: when fewer sentences were chosen than spec.paragraphs, the next best sentences
//      are added until there is one per paragraph, and the longest ones are cut (at word boundaries) until
//      the total is back at the target.
//   5. Grouping: the chosen sentences, in source order, are split into spec.paragraphs paragraphs by dynamic
//      programming that prefers breaks at the largest topical shifts (low TF-IDF similarity between
//      neighbours, a source paragraph break) and paragraphs of similar length.
//   A target at or above the source's length takes every sentence and adds a warning to the plan; the
//   budgets still sum to spec.words (an abstractive engine may write more than the source), while
//   sentence_words keep the sentences' own counts.
//
// Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "precis/analyze.h"
#include "precis/salience.h"
#include "precis/spec.h"

namespace precis {

struct paragraph_plan {
    std::size_t words = 0;                // word budget of this paragraph
    std::vector<std::size_t> sentences;   // indices into source_analysis::sentences, ascending
    // Words of each listed sentence the extractive summary uses (same order as `sentences`): the sentence's
    // own count, or fewer when the plan cuts it (see step 3 above).
    std::vector<std::size_t> sentence_words;
};

struct content_plan {
    std::vector<paragraph_plan> paragraphs;  // exactly spec.paragraphs entries; budgets sum to spec.words
    std::vector<double> salience;            // one score per source sentence (0..1)
    std::vector<std::string> warnings;       // e.g. the target is at or above the source's length
};

// Knobs of the planner; the defaults are the ones measured in BENCHMARKS.md.
struct plan_params {
    salience_params salience;
    double mmr_lambda = 0.75;        // 1 = salience only, 0 = novelty only
    double balance_weight = 1.0;     // how strongly paragraphs are kept near equal length when grouping
    double paragraph_break_gain = 0.5;  // preference for breaking where the source breaks paragraphs
    std::size_t min_cut_words = 4;   // the best sentence overflowing the range is cut when this many words
                                     // are still missing; below that a later sentence that fits is sought
    // A chosen sentence longer than this many words is used only up to the clause boundary nearest the
    // limit within ±25% of it (exactly the limit when there is none, the cut then marked with an ellipsis);
    // the words saved go to other sentences, and the sentence is scored by that head. Unset:
    // default_max_sentence_words(source language); 0: no limit.
    std::optional<std::size_t> max_sentence_words;
};

// The default of plan_params::max_sentence_words for `language` (ISO 639-1): 45 for Arabic, 0 (no limit)
// otherwise. Thread-safe; never throws.
std::size_t default_max_sentence_words(std::string_view language) noexcept;

// Splits spec.words into spec.paragraphs budgets and assigns the most salient source sentences to
// paragraphs in source order. Throws error{usage} when spec.paragraphs exceeds what the source can fill
// (more paragraphs than source sentences) and error{bad_input} when the source has no words.
content_plan make_plan(const source_analysis &source, const summary_spec &spec);
content_plan make_plan(const source_analysis &source, const summary_spec &spec, const plan_params &params);

}  // namespace precis
