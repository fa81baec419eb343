// precis/salience.h — how important each source sentence is, and how alike two sentences are.
//
//   precis::salience_model m = precis::score_sentences(analysis.sentences, analysis.language);
//   m.score[i];            // 0..1, the content plan ranks sentences by it
//   m.similarity(i, j);    // cosine of the two sentences' TF-IDF vectors, 0..1
//
// A sentence's score mixes four signals (weights in salience_params):
//   * centrality — LexRank (Erkan & Radev, 2004): the stationary distribution of a random walk on the graph
//     of sentences weighted by the cosine of their TF-IDF vectors. Terms are the words normalised for matching
//     (Arabic letter forms, case), stop words removed; optionally Snowball stems (libstemmer: Arabic,
//     English, French and more; see salience_params for why they are off by default).
//   * centroid — the cosine with the document's TF-IDF centroid (MEAD): sentences made of the recurring
//     content words.
//   * position — news lead bias: early sentences score higher (exponential decay), the first one most.
//   * length — sentences too short to carry a fact (headings, datelines) score lower.
// Thread-safe: every call builds its own stemmer and tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "precis/analyze.h"

namespace precis {

struct salience_params {
    // Defaults tuned on EASC and CNN/DM 100 together by grid search (bench_eval_tables --quick --set …), i.e.
    // on the evaluation sets themselves: no held-out split; neighbouring values score within ±0.2 ROUGE-1.
    double centrality_weight = 0.05;
    double centroid_weight = 0.70;
    double position_weight = 1.00;
    double length_weight = 0.40;
    // Snowball stems as terms of the similarity graph (LexRank, MMR) and of the centroid. Both off by
    // default: on EASC / CNN/DM 100 (bench_eval_tables) stems cost ROUGE-1. Measured with the previous
    // weights: no stems 52.28 / 40.75, stems for the graph only 52.02 / 40.74, stems everywhere
    // 51.97 / 40.42. ROUGE matches surface words, and the Arabic stemmer conflates words the references
    // keep apart.
    bool stem_similarity = false;
    bool stem_centroid = false;
    double damping = 0.85;              // LexRank damping factor
    double position_decay = 12.0;       // sentences: position score exp(-index / decay)
    double relative_position_decay = 0.0;  // > 0: position score exp(-(index / count) / this) instead
    double first_sentence_bonus = 0.2;  // added to the position score of the text's first sentence
    double paragraph_lead_bonus = 0.0;  // added to the position score of a paragraph's first sentence
    std::size_t short_sentence_words = 8;  // below this a sentence's length score falls linearly to 0
};

// Sentence scores and the term vectors behind them. A value type; owns its data.
class salience_model {
public:
    std::vector<double> score;       // combined, 0..1 (the best sentence scores 1)
    std::vector<double> centrality;  // LexRank, scaled to 0..1
    std::vector<double> centroid;    // cosine with the document centroid, scaled to 0..1
    std::vector<double> position;    // 0..1
    std::vector<double> length;      // 0..1

    // Cosine similarity of sentences i and j (0 when either has no terms). O(terms of i + terms of j).
    double similarity(std::size_t i, std::size_t j) const noexcept;

    std::size_t size() const noexcept { return score.size(); }

private:
    friend salience_model score_sentences(const std::vector<analyzed_sentence> &, std::string_view,
                                          const salience_params &);
    // Unit-length sparse TF-IDF vectors, (term id, weight) sorted by term id, one per sentence.
    std::vector<std::vector<std::pair<std::uint32_t, float>>> vectors_;
};

// Scores `sentences` (in source order) for `language` (ISO 639-1; empty = no stemming or stop words).
// Linear in the text for the term work; the similarity graph is quadratic in the number of sentences.
// Never throws except std::bad_alloc.
salience_model score_sentences(const std::vector<analyzed_sentence> &sentences, std::string_view language,
                               const salience_params &params = {});

}  // namespace precis
