// bench_extractive — extractive summaries per second on one core, for articles of 500 words: English (CNN/DM
// 100 sources, first 500 words) and Arabic (EASC articles, two joined and cut to 500 words). Each article
// becomes a 100-word summary in 3 paragraphs. "plan+realise" starts from a source_analysis; "end_to_end"
// includes precis::analyze (ingest, language identification, ICU segmentation, word counts).
// Run pinned to one core (bench/run uses taskset -c 0). Skips a corpus that is absent from ../shared/data.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "eval/corpus.h"
#include "precis/analyze.h"
#include "precis/extractive.h"
#include "precis/words.h"

namespace {

using precis::detail::first_words;

std::vector<std::string> english_articles() {
    std::vector<std::string> out;
    const std::string dir = std::string(PRECIS_DATA_DIR) + "/summarization/cnndm100";
    if (!std::filesystem::is_directory(dir)) return out;
    for (const auto &d : precis::detail::load_cnndm100(dir))
        if (d.source.words >= 500) out.push_back(first_words(d.source.text, 500));
    return out;
}

std::vector<std::string> arabic_articles() {
    std::vector<std::string> out;
    const std::string dir = std::string(PRECIS_DATA_DIR) + "/summarization/easc";
    if (!std::filesystem::is_directory(dir)) return out;
    const auto docs = precis::detail::load_easc(dir);
    for (std::size_t i = 0; i + 1 < docs.size(); i += 2) {
        const std::string joined = docs[i].source.text + "\n\n" + docs[i + 1].source.text;
        if (precis::count_words(joined) >= 500) out.push_back(first_words(joined, 500));
    }
    return out;
}

void run(benchmark::State &state, const std::vector<std::string> &articles, const char *lang, bool end_to_end) {
    if (articles.empty()) {
        state.SkipWithError("corpus not found under ../shared/data");
        return;
    }
    std::vector<precis::source_analysis> analysed;
    for (const auto &a : articles) analysed.push_back(precis::detail::analyze_plain(a, lang, false));
    const auto spec = precis::detail::make_spec(100, 3, lang);
    std::size_t done = 0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < articles.size(); ++i) {
            if (end_to_end) {
                const auto a = precis::analyze(articles[i]);
                auto r = precis::summarize_extractive(a, spec);
                benchmark::DoNotOptimize(r.paragraphs.data());
            } else {
                auto r = precis::summarize_extractive(analysed[i], spec);
                benchmark::DoNotOptimize(r.paragraphs.data());
            }
            ++done;
        }
    }
    state.SetItemsProcessed(static_cast<int64_t>(done));
    state.counters["articles_per_s"] = benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
    state.counters["articles"] = static_cast<double>(articles.size());
}

void extractive_english_500w(benchmark::State &state) {
    static const auto articles = english_articles();
    run(state, articles, "en", false);
}
void extractive_arabic_500w(benchmark::State &state) {
    static const auto articles = arabic_articles();
    run(state, articles, "ar", false);
}
void extractive_english_500w_end_to_end(benchmark::State &state) {
    static const auto articles = english_articles();
    run(state, articles, "en", true);
}
void extractive_arabic_500w_end_to_end(benchmark::State &state) {
    static const auto articles = arabic_articles();
    run(state, articles, "ar", true);
}

}  // namespace

BENCHMARK(extractive_english_500w)->Unit(benchmark::kMillisecond);
BENCHMARK(extractive_arabic_500w)->Unit(benchmark::kMillisecond);
BENCHMARK(extractive_english_500w_end_to_end)->Unit(benchmark::kMillisecond);
BENCHMARK(extractive_arabic_500w_end_to_end)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
