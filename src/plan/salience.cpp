// Sentence salience: LexRank centrality (Erkan & Radev, 2004, "LexRank: Graph-based Lexical Centrality as
// Salience in Text Summarization", continuous variant), mixed with position and length priors. News puts
// its most important facts first (the inverted pyramid), which is why Lead-k baselines are so hard to beat;
// the position prior keeps that knowledge and centrality adds what the lead misses.
#include "precis/salience.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "plan/stemmer.h"
#include "plan/stopwords.h"
#include "precis/normalize.h"
#include "precis/utf8.h"
#include "precis/words.h"

namespace precis {
namespace {

using sparse_vector = std::vector<std::pair<std::uint32_t, float>>;

constexpr std::size_t max_neighbours = 64;

bool is_combining_mark(char32_t cp) { return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0; }

// Term ids of one sentence, in order of appearance (repeats kept: they are the term frequencies).
void sentence_terms(std::string_view text, std::string_view language, detail::stemmer &stem,
                    std::unordered_map<std::string, std::uint32_t> &ids, std::vector<std::uint32_t> &out) {
    const std::string norm = normalize_for_matching(text);
    const std::string_view v = norm;
    std::string key;
    auto add = [&](std::string_view word) {
        if (detail::is_stop_word(word, language)) return;
        key.assign(stem.stem(word));
        if (key.empty()) return;
        auto [it, inserted] = ids.try_emplace(key, static_cast<std::uint32_t>(ids.size()));
        out.push_back(it->second);
    };
    std::size_t pos = 0;
    std::size_t run = std::string_view::npos;
    while (pos < v.size()) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(v, pos);
        if (is_counted_per_character(cp)) {
            if (run != std::string_view::npos) add(v.substr(run, start - run));
            run = std::string_view::npos;
            add(v.substr(start, pos - start));
        } else if (is_letter_or_digit(cp) || (run != std::string_view::npos && is_combining_mark(cp))) {
            if (run == std::string_view::npos) run = start;
        } else if (run != std::string_view::npos) {
            add(v.substr(run, start - run));
            run = std::string_view::npos;
        }
    }
    if (run != std::string_view::npos) add(v.substr(run));
}

double dot(const sparse_vector &a, const sparse_vector &b) noexcept {
    double s = 0.0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].first < b[j].first) ++i;
        else if (b[j].first < a[i].first) ++j;
        else { s += static_cast<double>(a[i].second) * b[j].second; ++i; ++j; }
    }
    return s;
}

void scale_to_unit_max(std::vector<double> &v) {
    double hi = 0.0;
    for (double x : v) hi = std::max(hi, x);
    if (hi > 0.0)
        for (double &x : v) x /= hi;
}

// Unit TF-IDF vectors of the sentences, (term id, weight) sorted by term id; returns the vocabulary size.
// The IDF is the document's own (sentences as documents): a term every sentence repeats says nothing about
// which sentence matters.
std::size_t tfidf_vectors(const std::vector<analyzed_sentence> &sentences, std::string_view language,
                          detail::stemmer &stem, std::vector<sparse_vector> &out) {
    const std::size_t n = sentences.size();
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::vector<std::uint32_t>> terms(n);
    for (std::size_t i = 0; i < n; ++i) sentence_terms(sentences[i].text, language, stem, ids, terms[i]);
    std::vector<std::uint32_t> df(ids.size(), 0);
    for (auto &t : terms) {
        std::sort(t.begin(), t.end());
        for (std::size_t k = 0; k < t.size(); ++k)
            if (k == 0 || t[k] != t[k - 1]) ++df[t[k]];
    }
    const double nd = static_cast<double>(n);
    out.assign(n, {});
    for (std::size_t i = 0; i < n; ++i) {
        auto &vec = out[i];
        const auto &t = terms[i];
        double norm2 = 0.0;
        for (std::size_t k = 0; k < t.size();) {
            std::size_t e = k;
            while (e < t.size() && t[e] == t[k]) ++e;
            const double w = static_cast<double>(e - k) * std::log(1.0 + nd / df[t[k]]);
            vec.emplace_back(t[k], static_cast<float>(w));
            norm2 += w * w;
            k = e;
        }
        if (norm2 > 0.0) {
            const double inv = 1.0 / std::sqrt(norm2);
            for (auto &p : vec) p.second = static_cast<float>(p.second * inv);
        }
    }
    return ids.size();
}

}  // namespace

double salience_model::similarity(std::size_t i, std::size_t j) const noexcept {
    if (i >= vectors_.size() || j >= vectors_.size()) return 0.0;
    if (i == j) return vectors_[i].empty() ? 0.0 : 1.0;
    return dot(vectors_[i], vectors_[j]);
}

salience_model score_sentences(const std::vector<analyzed_sentence> &sentences, std::string_view language,
                               const salience_params &params) {
    const std::size_t n = sentences.size();
    salience_model m;
    m.score.assign(n, 0.0);
    m.centrality.assign(n, 0.0);
    m.position.assign(n, 0.0);
    m.length.assign(n, 0.0);
    m.vectors_.assign(n, {});
    if (n == 0) return m;

    // Terms for the similarity graph (LexRank, redundancy) and for the centroid, stemmed or not as the
    // params say (measurements in salience.h); the second set is built only when the two differ.
    detail::stemmer stem(params.stem_similarity ? language : std::string_view{});
    const std::size_t vocabulary = tfidf_vectors(sentences, language, stem, m.vectors_);
    std::vector<sparse_vector> surface;
    std::size_t surface_vocabulary = vocabulary;
    const std::vector<sparse_vector> *centroid_vectors = &m.vectors_;
    if (params.stem_centroid != params.stem_similarity) {
        detail::stemmer other(params.stem_centroid ? language : std::string_view{});
        surface_vocabulary = tfidf_vectors(sentences, language, other, surface);
        centroid_vectors = &surface;
    }
    const double nd = static_cast<double>(n);

    // LexRank: power iteration on the row-normalised similarity graph (self-loops excluded). An inverted
    // index over terms keeps the graph construction proportional to the shared terms, not n² · terms.
    std::vector<std::vector<std::pair<std::uint32_t, float>>> postings(vocabulary);
    for (std::size_t i = 0; i < n; ++i)
        for (auto [term, w] : m.vectors_[i]) postings[term].emplace_back(static_cast<std::uint32_t>(i), w);
    std::vector<std::vector<std::pair<std::uint32_t, float>>> edges(n);
    std::vector<double> row(n, 0.0);
    std::vector<std::uint32_t> touched;
    for (std::size_t i = 0; i < n; ++i) {
        touched.clear();
        for (auto [term, w] : m.vectors_[i])
            for (auto [j, wj] : postings[term]) {
                if (j == i) continue;
                if (row[j] == 0.0) touched.push_back(j);
                row[j] += static_cast<double>(w) * wj;
            }
        // Long texts: keep each sentence's strongest neighbours only, so memory stays linear in the text
        // (a 100,000-word source has ~5,000 sentences: a full graph would hold 25 million edges).
        if (touched.size() > max_neighbours) {
            std::nth_element(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(max_neighbours),
                             touched.end(), [&](std::uint32_t a, std::uint32_t b) { return row[a] > row[b]; });
            for (std::size_t t = max_neighbours; t < touched.size(); ++t) row[touched[t]] = 0.0;
            touched.resize(max_neighbours);
        }
        double sum = 0.0;
        for (auto j : touched) sum += row[j];
        for (auto j : touched) {
            if (sum > 0.0) edges[i].emplace_back(j, static_cast<float>(row[j] / sum));
            row[j] = 0.0;
        }
    }
    std::vector<double> p(n, 1.0 / nd), next(n);
    const double d = params.damping;
    for (int iter = 0; iter < 100; ++iter) {
        std::fill(next.begin(), next.end(), (1.0 - d) / nd);
        double dangling = 0.0;  // mass of sentences with no neighbours is spread evenly
        for (std::size_t i = 0; i < n; ++i) {
            if (edges[i].empty()) { dangling += p[i]; continue; }
            for (auto [j, w] : edges[i]) next[j] += d * p[i] * w;
        }
        double delta = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            next[i] += d * dangling / nd;
            delta += std::abs(next[i] - p[i]);
        }
        p.swap(next);
        if (delta < 1e-7) break;
    }
    m.centrality = p;
    scale_to_unit_max(m.centrality);

    // Centroid similarity (Radev et al., 2004, MEAD): the cosine of a sentence with the document's
    // TF-IDF centroid, which favours sentences made of the document's recurring content words.
    std::vector<double> centroid(surface_vocabulary, 0.0);
    for (const auto &vec : *centroid_vectors)
        for (auto [term, w] : vec) centroid[term] += w;
    double cnorm = 0.0;
    for (double c : centroid) cnorm += c * c;
    cnorm = std::sqrt(cnorm);
    m.centroid.assign(n, 0.0);
    for (std::size_t i = 0; i < n && cnorm > 0.0; ++i) {
        double s = 0.0;
        for (auto [term, w] : (*centroid_vectors)[i]) s += w * centroid[term];
        m.centroid[i] = s / cnorm;
    }
    scale_to_unit_max(m.centroid);

    for (std::size_t i = 0; i < n; ++i) {
        // Relative decay (a fraction of the text) or absolute (sentences), whichever the params ask for.
        const double x = params.relative_position_decay > 0.0
                             ? static_cast<double>(i) / nd / params.relative_position_decay
                             : static_cast<double>(i) / params.position_decay;
        double pos = std::exp(-x);
        if (i == 0 || sentences[i].paragraph != sentences[i - 1].paragraph) pos += params.paragraph_lead_bonus;
        if (i == 0) pos += params.first_sentence_bonus;
        m.position[i] = pos;
    }
    scale_to_unit_max(m.position);
    for (std::size_t i = 0; i < n; ++i) {
        const double w = static_cast<double>(sentences[i].words);
        m.length[i] = std::min(1.0, w / static_cast<double>(std::max<std::size_t>(1, params.short_sentence_words)));
        m.score[i] = params.centrality_weight * m.centrality[i] + params.centroid_weight * m.centroid[i] +
                     params.position_weight * m.position[i] +
                     params.length_weight * m.length[i];
        if (sentences[i].words == 0) m.score[i] = 0.0;
    }
    scale_to_unit_max(m.score);
    return m;
}

}  // namespace precis
