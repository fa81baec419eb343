// The content plan: budgeted MMR selection over salience scores, then grouping into paragraphs.
// The steps and the cutting policy are documented in include/precis/plan.h.
#include "precis/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "precis/error.h"
#include "precis/utf8.h"
#include "precis/words.h"

namespace precis {
namespace {

struct pick {
    std::size_t index = 0;  // source sentence
    std::size_t words = 0;  // words used (the sentence's own count unless cut)
};

// Word counts k (1 ≤ k < words) after which `text` has a clause boundary: a clause mark after the k-th
// word's last letter or digit and before the next word.
std::vector<std::size_t> clause_cuts(std::string_view text) {
    std::vector<std::size_t> cuts;
    const auto spans = find_words(text);
    for (std::size_t k = 0; k + 1 < spans.size(); ++k)
        if (ends_at_clause_mark(text.substr(spans[k].begin, spans[k + 1].begin - spans[k].begin)))
            cuts.push_back(k + 1);
    return cuts;
}

// How many words of a sentence of `words` words to keep, aiming at `target` within [lo, hi]: the clause
// boundary nearest the target inside the range when there is one, else the target itself.
std::size_t choose_cut(std::string_view text, std::size_t words, std::size_t lo, std::size_t target,
                       std::size_t hi) {
    const std::size_t max_keep = words > 1 ? words - 1 : 1;
    target = std::clamp<std::size_t>(target, 1, max_keep);
    std::size_t best = target;
    std::size_t best_dist = std::numeric_limits<std::size_t>::max();
    for (std::size_t k : clause_cuts(text)) {
        if (k < lo || k > hi || k > max_keep) continue;
        const std::size_t dist = k > target ? k - target : target - k;
        if (dist < best_dist) { best = k; best_dist = dist; }
    }
    return best;
}

// Words of a long sentence kept as its head: the clause boundary nearest `cap` words within ±25% of it
// (the head then ends where a clause does), else exactly `cap` words.
std::size_t head_words(std::string_view text, std::size_t cap) {
    const auto distance = [cap](std::size_t k) { return k > cap ? k - cap : cap - k; };
    std::size_t best = 0;
    for (std::size_t k : clause_cuts(text)) {
        if (4 * k < 3 * cap || 4 * k > 5 * cap) continue;
        if (best == 0 || distance(k) < distance(best)) best = k;
    }
    return best ? best : cap;
}

// Lowers the largest allotments until they sum to exactly `target` (each keeps at least one word).
void water_fill(std::vector<pick> &picks, std::size_t target) {
    auto sum_at = [&](std::size_t level) {
        std::size_t s = 0;
        for (const auto &p : picks) s += std::min(p.words, level);
        return s;
    };
    std::size_t lo = 1, hi = 0;
    for (const auto &p : picks) hi = std::max(hi, p.words);
    while (lo < hi) {  // largest level with sum_at(level) ≤ target
        const std::size_t mid = (lo + hi + 1) / 2;
        if (sum_at(mid) <= target) lo = mid;
        else hi = mid - 1;
    }
    std::size_t rest = target - std::min(target, sum_at(lo));
    for (auto &p : picks) {
        const std::size_t full = p.words;
        p.words = std::min(full, lo);
        if (rest > 0 && full > p.words) { ++p.words; --rest; }
    }
}

// Splits the picks (in source order) into k paragraphs; returns the index of each paragraph's first pick.
std::vector<std::size_t> group(const std::vector<pick> &picks, std::size_t k, const source_analysis &source,
                               const salience_model &model, const plan_params &params) {
    const std::size_t m = picks.size();
    std::vector<double> prefix(m + 1, 0.0);
    for (std::size_t i = 0; i < m; ++i) prefix[i + 1] = prefix[i] + static_cast<double>(picks[i].words);
    const double ideal = std::max(1.0, prefix[m] / static_cast<double>(k));
    // gain[j]: how good a break is before pick j (a topical shift, a source paragraph break).
    std::vector<double> gain(m, 0.0);
    for (std::size_t j = 1; j < m; ++j) {
        gain[j] = 1.0 - model.similarity(picks[j - 1].index, picks[j].index);
        if (source.sentences[picks[j - 1].index].paragraph != source.sentences[picks[j].index].paragraph)
            gain[j] += params.paragraph_break_gain;
    }
    // Long inputs (the whole-source case) bound a paragraph's length in sentences to keep this O(k·m·span).
    const std::size_t span = m <= 400 ? m : std::max<std::size_t>(4 * ((m + k - 1) / k), 1);
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> cost(k + 1, std::vector<double>(m + 1, inf));
    std::vector<std::vector<std::size_t>> from(k + 1, std::vector<std::size_t>(m + 1, 0));
    cost[0][0] = 0.0;
    for (std::size_t p = 1; p <= k; ++p) {
        for (std::size_t j = p; j <= m - (k - p); ++j) {
            const std::size_t i_min = j > span ? j - span : 0;
            for (std::size_t i = std::max(p - 1, i_min); i < j; ++i) {
                if (cost[p - 1][i] == inf) continue;
                const double dev = (prefix[j] - prefix[i] - ideal) / ideal;
                const double c = cost[p - 1][i] + params.balance_weight * dev * dev - (i > 0 ? gain[i] : 0.0);
                if (c < cost[p][j]) { cost[p][j] = c; from[p][j] = i; }
            }
        }
    }
    std::vector<std::size_t> starts(k);
    std::size_t j = m;
    for (std::size_t p = k; p >= 1; --p) {
        starts[p - 1] = from[p][j];
        j = from[p][j];
    }
    return starts;
}

}  // namespace

// Arabic news joins clauses with commas and "و" into sentences of 60 to 200 words (EASC: 1 sentence in 8 is
// over 45 words); a summary that spends its budget on one such sentence covers one event. Using the head
// (the main clause comes first) frees words for other sentences. Measured with bench_eval_tables (EASC at
// the mean reference length, heads scored as heads): no limit 52.22 ROUGE-1, 35 words 53.06, 40 words
// 53.22, 45 words 53.44, 50 words 52.97, 60 words 52.80; choosing the limit among 0–70 on 4/5 of the
// articles and scoring the rest (5 folds, 20 shuffles) picks 45 every time, 53.44. Part of that gain is an artefact of EASC: its
// annotation tool stored each selected sentence in at most ~255 characters (582 of the 3,852 sentences in
// the references end at 250–259 characters), so the tail of a long sentence is never in a reference. English
// gets no limit: on CNN/DM 100 (abstractive references) any limit costs ROUGE-1 (45 words: 41.02 → 40.88).
std::size_t default_max_sentence_words(std::string_view language) noexcept {
    return language == "ar" ? 45 : 0;
}

content_plan make_plan(const source_analysis &source, const summary_spec &spec) {
    return make_plan(source, spec, plan_params{});
}

content_plan make_plan(const source_analysis &source, const summary_spec &spec, const plan_params &params) {
    const auto &sents = source.sentences;
    const std::size_t n = sents.size();
    std::size_t eligible = 0, source_words = 0;
    for (const auto &s : sents) {
        if (s.words > 0) ++eligible;
        source_words += s.words;
    }
    if (source_words == 0)
        throw error{errc::bad_input, "the source has no words to summarise; give an article with text"};
    const std::size_t k = spec.paragraphs;
    if (k == 0) throw error{errc::usage, "a summary needs at least one paragraph; ask for 1 or more"};
    if (k > eligible)
        throw error{errc::usage,
                    fmt::format("cannot write {} paragraphs from a source of {} sentence{}: every paragraph needs "
                                "at least one source sentence; ask for at most {} paragraph{}",
                                k, eligible, eligible == 1 ? "" : "s", eligible, eligible == 1 ? "" : "s"),
                    fmt::format("{} paragraphs", k)};

    content_plan plan;
    const bool whole_source = spec.words >= source_words;
    // Words of each sentence the selection may use: all of them, or a long sentence's head
    // (plan_params::max_sentence_words).
    std::size_t cap = params.max_sentence_words ? *params.max_sentence_words
                                                : default_max_sentence_words(source.language);
    std::vector<std::size_t> usable(n);
    for (;;) {
        std::size_t usable_words = 0, longest = 0;
        for (std::size_t i = 0; i < n; ++i) {
            usable[i] = cap == 0 || whole_source || sents[i].words <= cap ? sents[i].words
                                                                          : head_words(sents[i].text, cap);
            usable_words += usable[i];
            longest = std::max(longest, sents[i].words);
        }
        // Heads alone may fall short of the target (a source of a few long sentences): the limit grows
        // until they do not, up to no limit at all.
        if (usable_words >= spec.min_words || cap == 0) break;
        cap = cap >= longest ? 0 : cap + std::max<std::size_t>(1, cap / 2);  // grows from 1 too
    }
    // A limited sentence is scored (and compared for redundancy) by its head, the words the summary would
    // use: EASC ROUGE-1 53.28 with whole-sentence scores, 53.44 with head scores (bench_eval_tables).
    std::vector<analyzed_sentence> heads;
    for (std::size_t i = 0; i < n; ++i) {
        if (usable[i] >= sents[i].words) continue;
        const auto spans = find_words(sents[i].text);
        if (usable[i] == 0 || spans.size() < usable[i]) continue;
        if (heads.empty()) heads = sents;
        heads[i].text = sents[i].text.substr(0, spans[usable[i] - 1].end);
        heads[i].words = usable[i];
    }
    const salience_model model = score_sentences(heads.empty() ? sents : heads, source.language, params.salience);
    plan.salience = model.score;

    std::vector<pick> picks;
    std::vector<char> chosen(n, 0);
    std::vector<double> max_sim(n, 0.0);
    std::size_t total = 0;
    auto mmr = [&](std::size_t i) {
        return params.mmr_lambda * model.score[i] - (1.0 - params.mmr_lambda) * max_sim[i];
    };
    auto take = [&](std::size_t i, std::size_t words) {
        chosen[i] = 1;
        picks.push_back({i, words});
        total += words;
        // Redundancy only matters while choosing; the whole-source case chooses nothing.
        if (!whole_source)
            for (std::size_t j = 0; j < n; ++j) max_sim[j] = std::max(max_sim[j], model.similarity(i, j));
    };
    // The best unchosen sentence by MMR among those `fits` accepts; n when there is none.
    auto best_where = [&](auto fits) {
        std::size_t best = n;
        double best_v = -std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < n; ++i) {
            if (chosen[i] || sents[i].words == 0 || !fits(i)) continue;
            const double v = mmr(i);
            if (v > best_v) { best_v = v; best = i; }
        }
        return best;
    };

    if (whole_source) {
        for (std::size_t i = 0; i < n; ++i)
            if (sents[i].words > 0) take(i, sents[i].words);
        plan.warnings.push_back(fmt::format(
            "the target of {} words is at or above the source's {} words: every source sentence is used (an "
            "extractive summary is the whole source)",
            spec.words, source_words));
    } else {
        const std::size_t lo = std::min(spec.min_words, spec.words), hi = std::max(spec.max_words, spec.words);
        bool cut_done = false;
        while (total < lo) {
            std::size_t i = best_where([](std::size_t) { return true; });
            if (i == n) break;
            if (total + usable[i] > hi) {
                // The best sentence overflows the range. With room for a real clause, cut it (what a reader
                // of the lead would want next); otherwise look for a later sentence that fits whole.
                const std::size_t need = spec.words - total;
                if (need >= params.min_cut_words) {
                    take(i, choose_cut(sents[i].text, usable[i], lo - total, need, hi - total));
                    cut_done = true;
                    break;
                }
                i = best_where([&](std::size_t c) { return total + usable[c] <= hi; });
                if (i == n) break;
            }
            take(i, usable[i]);
        }
        if (total < lo && !cut_done) {
            // A swap keeps every sentence whole; it is taken only when it does not trade much salience away.
            std::size_t swap_out = n, swap_in = n;
            double swap_gain = -0.25;
            for (std::size_t a = 0; a < picks.size(); ++a) {
                const std::size_t j = picks[a].index;
                for (std::size_t i = 0; i < n; ++i) {
                    if (chosen[i] || usable[i] == 0) continue;
                    const std::size_t t = total - picks[a].words + usable[i];
                    if (t < lo || t > hi) continue;
                    const double g = model.score[i] - model.score[j];
                    if (g > swap_gain) { swap_gain = g; swap_out = a; swap_in = i; }
                }
            }
            if (swap_in != n) {
                chosen[picks[swap_out].index] = 0;
                total -= picks[swap_out].words;
                picks.erase(picks.begin() + static_cast<std::ptrdiff_t>(swap_out));
                // Similarities to the dropped sentence stay in max_sim; harmless, nothing is chosen after this.
                take(swap_in, usable[swap_in]);
            } else {
                const std::size_t need_lo = lo - total, need = spec.words - total, need_hi = hi - total;
                std::size_t i = best_where([&](std::size_t c) { return usable[c] > need_lo; });
                if (i == n) i = best_where([](std::size_t) { return true; });
                if (i != n) {
                    const std::size_t keep = usable[i] <= need_lo
                                                 ? usable[i]
                                                 : choose_cut(sents[i].text, usable[i], need_lo, need, need_hi);
                    take(i, keep);
                }
            }
        }
        if (picks.size() < k) {
            while (picks.size() < k) {
                const std::size_t i = best_where([](std::size_t) { return true; });
                take(i, usable[i]);
            }
            if (total > spec.words) {
                water_fill(picks, spec.words);
                total = spec.words;
            }
        }
    }

    std::sort(picks.begin(), picks.end(), [](const pick &a, const pick &b) { return a.index < b.index; });
    const auto starts = group(picks, k, source, model, params);
    plan.paragraphs.resize(k);
    for (std::size_t p = 0; p < k; ++p) {
        const std::size_t end = p + 1 < k ? starts[p + 1] : picks.size();
        auto &para = plan.paragraphs[p];
        for (std::size_t a = starts[p]; a < end; ++a) {
            para.sentences.push_back(picks[a].index);
            para.sentence_words.push_back(picks[a].words);
            para.words += picks[a].words;
        }
    }
    // Budgets sum to the target (the abstractive engine writes to them, also when it must write more than
    // the source holds); the extractive summary uses sentence_words, which sum to `total`.
    if (total > 0 && total != spec.words) {
        std::size_t assigned = 0;
        for (auto &para : plan.paragraphs) {
            para.words = std::max<std::size_t>(
                1, static_cast<std::size_t>(std::llround(static_cast<double>(para.words) *
                                                         static_cast<double>(spec.words) / static_cast<double>(total))));
            assigned += para.words;
        }
        auto &largest = *std::max_element(plan.paragraphs.begin(), plan.paragraphs.end(),
                                          [](const auto &a, const auto &b) { return a.words < b.words; });
        if (assigned > spec.words) largest.words -= std::min(largest.words - 1, assigned - spec.words);
        else largest.words += spec.words - assigned;
    }
    return plan;
}

}  // namespace precis
