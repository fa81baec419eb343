// bench_eval_tables — the ROUGE and structure tables of BENCHMARKS.md, computed in one run by precis's own
// ROUGE (precis/rouge.h): the Lead baselines and precis's extractive summaries side by side, so the figures
// are comparable whatever the machine.
//
//   bench_eval_tables [DATA_DIR] [--quick] [--set name=value ...] [--dump FILE] [--features FILE] [--show ID]
//
// DATA_DIR defaults to ../shared/data. --set tunes plan_params for experiments (centrality, position, length,
// decay, lead_bonus, lambda, max_sentence); BENCHMARKS.md uses the defaults. Prints markdown on stdout. --quick skips the
// ROUGE validation and the structure runs; --dump writes precis's per-document ROUGE-1 (CNN/DM at the Lead-3
// length, EASC at the mean reference length) so a tuning script can cross-validate over folds of documents;
// --features writes, per document, each sentence's salience signals, ROUGE tokens and similarities with the
// references' tokens (JSON lines) for offline study of selection policies;
// --show prints one document (EASC "Topic12", CNN/DM line number) with precis's summary and its references.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "eval/corpus.h"
#include "precis/error.h"
#include "precis/extractive.h"
#include "precis/rouge.h"
#include "precis/words.h"

namespace {

using namespace precis;
using detail::eval_document;

struct published {
    const char *path;
    double r1, r2;
};

// The figures /work/shared/data/README.md publishes for the CNN/DM 100 outputs (plain ROUGE, no stemming).
const published cnndm_published[] = {
    {"abs/bart/out.txt", 44.90, 21.53},
    {"abs/bottom_up/out.txt", 39.33, 16.68},
    {"abs/fast_abs_rl/out_1.txt", 40.24, 17.49},
    {"abs/fast_abs_rl/out_rerank.txt", 38.70, 16.97},
    {"abs/neusumm/out.txt", 41.36, 18.70},
    {"abs/presumm/out_abs.txt", 42.11, 19.57},
    {"abs/presumm/out_ext_abs.txt", 41.45, 18.79},
    {"abs/presumm/out_trans_abs.txt", 38.20, 15.77},
    {"abs/ptr_generator/out_baseline.txt", 30.27, 11.47},
    {"abs/ptr_generator/out_pointer_gen.txt", 36.73, 15.64},
    {"abs/ptr_generator/out_pointer_gen_cov.txt", 38.02, 15.94},
    {"abs/semsim/out.txt", 45.92, 22.45},
    {"abs/t5/out_11B.txt", 45.24, 21.64},
    {"abs/t5/out_3B.txt", 43.57, 21.34},
    {"abs/t5/out_base.txt", 42.25, 19.58},
    {"abs/t5/out_large.txt", 44.01, 21.40},
    {"abs/t5/out_small.txt", 41.59, 19.39},
    {"abs/two_stage_rl/out.txt", 42.11, 19.72},
    {"abs/unilm/out_v1.txt", 43.45, 19.99},
    {"abs/unilm/out_v2.txt", 44.18, 21.40},
    {"ext/banditsumm/out.txt", 41.92, 19.67},
    {"ext/bart/out.txt", 45.84, 22.64},
    {"ext/heter_graph/out.txt", 42.08, 19.65},
    {"ext/matchsumm/out.txt", 44.46, 21.15},
    {"ext/pnbert/out_bert_lstm_pn.txt", 42.47, 19.93},
    {"ext/pnbert/out_bert_lstm_pn_rl.txt", 42.11, 19.37},
    {"ext/pnbert/out_bert_lstm_sl.txt", 41.96, 19.39},
    {"ext/pnbert/out_bert_tf_pn.txt", 41.43, 18.96},
    {"ext/pnbert/out_bert_tf_sl.txt", 41.68, 19.06},
    {"ext/pnbert/out_lstm_pn.txt", 40.60, 17.82},
    {"ext/pnbert/out_lstm_pn_rl.txt", 41.82, 19.23},
    {"ext/pnbert/out_lstm_sl.txt", 40.95, 18.73},
    {"ext/pnbert/out_tf_pn.txt", 40.47, 18.16},
    {"ext/pnbert/out_tf_sl.txt", 40.89, 18.70},
    {"ext/refresh/out.txt", 39.09, 17.90},
};

std::vector<std::string> read_lines(const std::string &path) {
    std::vector<std::string> lines;
    const std::string text = detail::read_text_file(path);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

std::string lead_sentences(const source_analysis &a, std::size_t k) {
    std::string out;
    for (std::size_t i = 0; i < std::min(k, a.sentences.size()); ++i) {
        if (!out.empty()) out += '\n';
        out += a.sentences[i].text;
    }
    return out;
}

// precis's extractive summary with one sentence per line (ROUGE-Lsum reads lines; the other scores ignore
// them): the plan realised sentence by sentence, as summarize_extractive does.
std::string summary_lines(const source_analysis &a, const summary_spec &spec, const plan_params &params,
                          std::size_t *warnings = nullptr) {
    const content_plan plan = make_plan(a, spec, params);
    if (warnings) *warnings += plan.warnings.size();
    std::string out;
    for (const auto &para : plan.paragraphs)
        for (std::size_t i = 0; i < para.sentences.size(); ++i) {
            if (!out.empty()) out += '\n';
            out += cut_sentence(a.sentences[para.sentences[i]].text, para.sentence_words[i]);
        }
    return out;
}

std::string row(const char *name, const rouge_scores &s, const char *extra = "") {
    return fmt::format("| {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} |{}\n", name, s.r1, s.r2, s.rl, s.rlsum, extra);
}

struct length_stats {
    std::vector<double> deviation;  // |total − target| / target, for targets ≥ 100 words
    std::size_t runs = 0, exact_paragraphs = 0, within_5 = 0;
    void add(std::size_t target, std::size_t total, std::size_t want_paragraphs, std::size_t got_paragraphs) {
        ++runs;
        if (want_paragraphs == got_paragraphs) ++exact_paragraphs;
        if (target >= 100) {
            const double d = std::abs(static_cast<double>(total) - static_cast<double>(target)) /
                             static_cast<double>(target);
            deviation.push_back(d);
            if (d <= 0.05) ++within_5;
        }
    }
    std::string summary(const char *name) {
        std::sort(deviation.begin(), deviation.end());
        auto q = [&](double f) {
            if (deviation.empty()) return 0.0;
            return 100.0 * deviation[static_cast<std::size_t>(f * static_cast<double>(deviation.size() - 1))];
        };
        return fmt::format("| {} | {} | {}/{} | {} | {}/{} | {:.2f} | {:.2f} | {:.2f} | {:.2f} |\n", name, runs,
                           exact_paragraphs, runs, deviation.size(), within_5, deviation.size(), q(0.5), q(0.9),
                           q(0.99), q(1.0));
    }
};

// Prints one document's sentences (index, words), precis's summary and the references, for inspection.
void show(const eval_document &d, const std::string &summary, const rouge_scores &s) {
    fmt::print("## {} (R1 {:.2f})\n\n### source\n", d.id, s.r1);
    for (std::size_t i = 0; i < d.source.sentences.size(); ++i)
        fmt::print("[{} p{} {}w] {}\n", i, d.source.sentences[i].paragraph, d.source.sentences[i].words,
                   d.source.sentences[i].text);
    fmt::print("\n### precis\n{}\n", summary);
    for (const auto &r : d.references) fmt::print("\n### reference\n{}\n", r);
    fmt::print("\n");
}

bool quick = false;  // --quick: skip the ROUGE validation and the structure runs (for tuning)
std::string show_id;    // --show ID: print precis's summary of that EASC topic or CNN/DM line with its references
std::string dump_path;  // --dump FILE: per-document ROUGE-1 of precis ("set id r1" lines), for cross-validation
std::string features_path;  // --features FILE: per-sentence features and ROUGE tokens (JSON lines), for analysis

// One JSON line per document: the target length, each sentence's salience signals and ROUGE tokens, the
// pairwise TF-IDF similarities and the references' tokens, so selection policies can be studied offline.
std::string feature_line(const char *set, const eval_document &d, std::size_t target, const char *lang,
                         const plan_params &params) {
    const auto &s = d.source.sentences;
    const salience_model m = score_sentences(s, d.source.language, params.salience);
    nlohmann::json j;
    j["set"] = set;
    j["id"] = d.id;
    j["target"] = target;
    auto &sj = j["sentences"] = nlohmann::json::array();
    for (std::size_t i = 0; i < s.size(); ++i) {
        std::vector<double> sim(s.size());
        for (std::size_t k = 0; k < s.size(); ++k) sim[k] = std::round(m.similarity(i, k) * 1000.0) / 1000.0;
        sj.push_back({{"para", s[i].paragraph}, {"words", s[i].words}, {"centrality", m.centrality[i]},
                      {"centroid", m.centroid[i]}, {"position", m.position[i]}, {"length", m.length[i]},
                      {"score", m.score[i]}, {"tokens", rouge_tokenize(s[i].text, lang)}, {"sim", sim}});
    }
    auto &rj = j["refs"] = nlohmann::json::array();
    for (const auto &r : d.references) rj.push_back(rouge_tokenize(r, lang));
    return j.dump() + "\n";
}

plan_params parse_params(int argc, char **argv, std::string &data_dir) {
    plan_params p;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--quick") {
            quick = true;
        } else if (a == "--show" && i + 1 < argc) {
            show_id = argv[++i];
        } else if (a == "--dump" && i + 1 < argc) {
            dump_path = argv[++i];
        } else if (a == "--features" && i + 1 < argc) {
            features_path = argv[++i];
        } else if (a == "--set" && i + 1 < argc) {
            std::string kv = argv[++i];
            const auto eq = kv.find('=');
            const std::string k = kv.substr(0, eq);
            const double v = std::atof(kv.c_str() + eq + 1);
            if (k == "centrality") p.salience.centrality_weight = v;
            else if (k == "position") p.salience.position_weight = v;
            else if (k == "centroid") p.salience.centroid_weight = v;
            else if (k == "first") p.salience.first_sentence_bonus = v;
            else if (k == "rel") p.salience.relative_position_decay = v;
            else if (k == "stem_sim") p.salience.stem_similarity = v != 0.0;
            else if (k == "stem_centroid") p.salience.stem_centroid = v != 0.0;
            else if (k == "length") p.salience.length_weight = v;
            else if (k == "decay") p.salience.position_decay = v;
            else if (k == "lead_bonus") p.salience.paragraph_lead_bonus = v;
            else if (k == "short") p.salience.short_sentence_words = static_cast<std::size_t>(v);
            else if (k == "lambda") p.mmr_lambda = v;
            else if (k == "min_cut") p.min_cut_words = static_cast<std::size_t>(v);
            else if (k == "balance") p.balance_weight = v;
            else if (k == "max_sentence") p.max_sentence_words = static_cast<std::size_t>(v);
            else fmt::print(stderr, "unknown parameter {}\n", k);
        } else {
            data_dir = a;
        }
    }
    return p;
}

}  // namespace

int main(int argc, char **argv) {
    std::string data = PRECIS_DATA_DIR;
    const plan_params params = parse_params(argc, argv, data);
    if (!std::filesystem::is_directory(data + "/summarization")) {
        fmt::print(stderr, "bench_eval_tables: no data at {}/summarization; pass the data folder\n", data);
        return 2;
    }
    try {
        const auto t0 = std::chrono::steady_clock::now();
        // ---- CNN/DM 100: ROUGE validation against the published figures --------------------------------
        const std::string cnn = data + "/summarization/cnndm100";
        const auto cnn_docs = detail::load_cnndm100(cnn);
        if (!quick) {
        fmt::print("### ROUGE validation: CNN/DailyMail 100, every published output\n\n");
        fmt::print("precis eval rouge (lang en) against the ref.txt beside each output; published = "
                   "shared/data/README.md.\n\n");
        fmt::print("| output | R1 | published R1 | Δ | R2 | published R2 | Δ | RL | RLsum |\n|---|---|---|---|---|---|---|---|---|\n");
        struct ranked { std::string name; double ours, theirs; };
        std::vector<ranked> r1_rank;
        double worst = 0.0;
        for (const auto &pub : cnndm_published) {
            const std::string out_path = cnn + "/" + pub.path;
            const std::string ref_path =
                std::filesystem::path(out_path).parent_path().string() + "/ref.txt";
            const auto outs = read_lines(out_path);
            const auto refs = read_lines(ref_path);
            std::vector<rouge_scores> s;
            for (std::size_t d = 0; d < std::min(outs.size(), refs.size()); ++d)
                s.push_back(rouge(untag_sentences(outs[d]), {untag_sentences(refs[d])}, "en"));
            const auto m = mean(s);
            worst = std::max({worst, std::abs(m.r1 - pub.r1), std::abs(m.r2 - pub.r2)});
            r1_rank.push_back({pub.path, m.r1, pub.r1});
            fmt::print("| {} | {:.2f} | {:.2f} | {:+.2f} | {:.2f} | {:.2f} | {:+.2f} | {:.2f} | {:.2f} |\n", pub.path,
                       m.r1, pub.r1, m.r1 - pub.r1, m.r2, pub.r2, m.r2 - pub.r2, m.rl, m.rlsum);
        }
        std::size_t discordant = 0, pairs = 0;
        for (std::size_t i = 0; i < r1_rank.size(); ++i)
            for (std::size_t j = i + 1; j < r1_rank.size(); ++j) {
                const double a = r1_rank[i].theirs - r1_rank[j].theirs;
                const double b = r1_rank[i].ours - r1_rank[j].ours;
                if (a == 0.0) continue;
                ++pairs;
                if (a * b < 0) ++discordant;
            }
        fmt::print("\nLargest |Δ| (R1 or R2): {:.2f}. R1 order: {} of {} system pairs out of the published order.\n\n",
                   worst, discordant, pairs);
        }

        // ---- CNN/DM 100: precis extractive vs Lead ------------------------------------------------------
        length_stats cnn_len;
        std::vector<rouge_scores> lead1, lead2, lead3, lead4, lead_words, ours3, ours4, ours_ref, lead_ref_words;
        for (const auto &d : cnn_docs) {
            const auto &a = d.source;
            lead1.push_back(rouge(lead_sentences(a, 1), d.references, "en"));
            lead2.push_back(rouge(lead_sentences(a, 2), d.references, "en"));
            const std::string l3 = lead_sentences(a, 3);
            lead3.push_back(rouge(l3, d.references, "en"));
            // Budget A: the words of the article's first three sentences — precis gets Lead-3's length.
            const std::size_t n3 = count_words(l3);
            lead_words.push_back(rouge(detail::first_words(a.text, n3), d.references, "en"));
            ours3.push_back(rouge(summary_lines(a, detail::make_spec(n3, 1, "en"), params), d.references, "en"));
            if (d.id == show_id) show(d, summary_lines(a, detail::make_spec(n3, 1, "en"), params), ours3.back());
            lead4.push_back(rouge(lead_sentences(a, 4), d.references, "en"));
            const std::size_t n4 = count_words(lead_sentences(a, 4));
            ours4.push_back(rouge(summary_lines(a, detail::make_spec((n3 + n4) / 2, 1, "en"), params), d.references, "en"));
            // Budget B: the reference's length, as for EASC.
            const std::size_t nr = count_words(d.references[0]);
            lead_ref_words.push_back(rouge(detail::first_words(a.text, nr), d.references, "en"));
            ours_ref.push_back(rouge(summary_lines(a, detail::make_spec(nr, 1, "en"), params), d.references, "en"));
            for (std::size_t k = 1; k <= 3 && !quick; ++k)
                for (std::size_t target : {std::max<std::size_t>(n3, k), std::size_t{150}}) {
                    if (k > a.sentences.size()) continue;
                    auto rk = summarize_extractive(a, detail::make_spec(target, k, "en"), params);
                    std::size_t total = 0;
                    for (const auto &p : rk.paragraphs) total += count_words(p);
                    cnn_len.add(target, total, k, rk.paragraphs.size());
                }
        }
        fmt::print("### CNN/DailyMail 100: extractive summaries (tool-computed baselines, same run)\n\n");
        fmt::print("| summary | R1 | R2 | RL | RLsum |\n|---|---|---|---|---|\n");
        fmt::print("{}", row("Lead-1", mean(lead1)));
        fmt::print("{}", row("Lead-2", mean(lead2)));
        fmt::print("{}", row("Lead-3", mean(lead3)));
        fmt::print("{}", row("Lead-N words (N = Lead-3 length)", mean(lead_words)));
        fmt::print("{}", row("**precis extractive, N = Lead-3 length**", mean(ours3)));
        fmt::print("{}", row("Lead-4", mean(lead4)));
        fmt::print("{}", row("precis extractive, N = mean of Lead-3 and Lead-4 lengths", mean(ours4)));
        fmt::print("{}", row("Lead-N words (N = reference length)", mean(lead_ref_words)));
        fmt::print("{}", row("precis extractive, N = reference length", mean(ours_ref)));

        // ---- EASC ---------------------------------------------------------------------------------------
        const auto easc = detail::load_easc(data + "/summarization/easc");
        length_stats easc_len;
        std::vector<rouge_scores> e_lead3, e_leadn, e_ours;
        std::size_t warnings = 0, out_of_range = 0;
        for (const auto &d : easc) {
            const auto &a = d.source;
            double mean_len = 0.0;
            for (const auto &ref : d.references) mean_len += static_cast<double>(count_words(ref));
            const auto n = static_cast<std::size_t>(std::llround(mean_len / static_cast<double>(d.references.size())));
            e_lead3.push_back(rouge(lead_sentences(a, 3), d.references, "ar"));
            e_leadn.push_back(rouge(detail::first_words(a.text, n), d.references, "ar"));
            const auto spec = detail::make_spec(n, 1, "ar");
            const std::string summary = summary_lines(a, spec, params, &warnings);
            const std::size_t got = count_words(summary);
            if (got < spec.min_words || got > spec.max_words) ++out_of_range;
            e_ours.push_back(rouge(summary, d.references, "ar"));
            if (d.id == show_id) show(d, summary_lines(a, detail::make_spec(n, 1, "ar"), params), e_ours.back());
            for (std::size_t k = 1; k <= 4 && !quick; ++k) {
                if (k > a.sentences.size()) continue;
                auto rk = summarize_extractive(a, detail::make_spec(n, k, "ar"), params);
                std::size_t total = 0;
                for (const auto &p : rk.paragraphs) total += count_words(p);
                easc_len.add(n, total, k, rk.paragraphs.size());
            }
        }
        fmt::print("\n### EASC (153 Arabic articles, 5 references each): summaries at the mean reference length\n\n");
        fmt::print("N = the mean word count of the article's five references (rounded); ROUGE averaged over the "
                   "five, Arabic letters normalised, no stemming. {} of {} precis summaries warned (target at or "
                   "above the source length); {} outside the spec's word range.\n\n",
                   warnings, easc.size(), out_of_range);
        fmt::print("| summary | R1 | R2 | RL | RLsum |\n|---|---|---|---|---|\n");
        fmt::print("{}", row("Lead-3 sentences", mean(e_lead3)));
        fmt::print("{}", row("Lead-N words", mean(e_leadn)));
        fmt::print("{}", row("**precis extractive**", mean(e_ours)));

        if (!features_path.empty()) {
            std::string lines;
            for (std::size_t i = 0; i < cnn_docs.size(); ++i)
                lines += feature_line("cnndm", cnn_docs[i], count_words(lead_sentences(cnn_docs[i].source, 3)), "en",
                                      params);
            for (const auto &d : easc) {
                double mean_len = 0.0;
                for (const auto &ref : d.references) mean_len += static_cast<double>(count_words(ref));
                const auto n = static_cast<std::size_t>(std::llround(mean_len / static_cast<double>(d.references.size())));
                lines += feature_line("easc", d, n, "ar", params);
            }
            std::FILE *f = std::fopen(features_path.c_str(), "w");
            if (f == nullptr)
                throw error{errc::usage, fmt::format("cannot write {}: check that its folder exists", features_path),
                            features_path};
            std::fputs(lines.c_str(), f);
            std::fclose(f);
        }
        if (!dump_path.empty()) {
            std::string lines;
            for (std::size_t i = 0; i < cnn_docs.size(); ++i)
                lines += fmt::format("cnndm {} {:.4f}\n", cnn_docs[i].id, ours3[i].r1);
            for (std::size_t i = 0; i < easc.size(); ++i) lines += fmt::format("easc {} {:.4f}\n", easc[i].id, e_ours[i].r1);
            std::FILE *f = std::fopen(dump_path.c_str(), "w");
            if (f == nullptr) throw error{errc::usage, fmt::format("cannot write {}: check that its folder exists", dump_path), dump_path};
            std::fputs(lines.c_str(), f);
            std::fclose(f);
        }

        fmt::print("\n### Structure: paragraph count and length (spec tolerance ±2%)\n\n");
        fmt::print("CNN/DM: targets = Lead-3 length and 150 words, K = 1..3; EASC: targets = mean reference length, K = 1..4. "
                   "Deviation = |words − target| / target, over the runs with targets of 100 words or more.\n\n");
        fmt::print("| set | runs | exact paragraph count | runs ≥ 100 words | within ±5% | median dev % | p90 % | "
                   "p99 % | max % |\n|---|---|---|---|---|---|---|---|---|\n");
        fmt::print("{}", cnn_len.summary("CNN/DM 100"));
        fmt::print("{}", easc_len.summary("EASC"));
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        fmt::print("\n(computed in {:.1f} s)\n", secs);
    } catch (const precis::error &e) {
        fmt::print(stderr, "bench_eval_tables: {}\n", e.what());
        return 2;
    }
    return 0;
}
