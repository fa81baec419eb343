// bench_analyze — `analyze` throughput (MB/s, one thread) on real articles: the 181 English-language
// ground-truth texts of the scrapinghub extraction benchmark and the 153 Arabic EASC articles.
// Skips a corpus that is absent from ../shared/data.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "precis/analyze.h"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> scrapinghub_articles() {
    std::vector<std::string> out;
    fs::path truth = fs::path(PRECIS_DATA_DIR) / "extraction/scrapinghub/ground-truth.json";
    if (!fs::exists(truth)) return out;
    auto j = nlohmann::json::parse(read_file(truth));
    for (auto &[id, page] : j.items()) {
        std::string body = page.value("articleBody", "");
        if (!body.empty()) out.push_back(std::move(body));
    }
    return out;
}

std::vector<std::string> easc_articles() {
    std::vector<std::string> out;
    fs::path root = fs::path(PRECIS_DATA_DIR) / "summarization/easc/Articles";
    if (!fs::exists(root)) return out;
    for (auto &entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) out.push_back(read_file(entry.path()));
    return out;
}

void run(benchmark::State &state, const std::vector<std::string> &articles) {
    if (articles.empty()) {
        state.SkipWithError("corpus not found under ../shared/data");
        return;
    }
    std::size_t bytes = 0;
    for (auto _ : state) {
        for (const auto &article : articles) {
            auto a = precis::analyze(article);
            benchmark::DoNotOptimize(a.words);
            bytes += article.size();
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
    state.counters["articles"] = static_cast<double>(articles.size());
}

void analyze_english_news(benchmark::State &state) {
    static const auto articles = scrapinghub_articles();
    run(state, articles);
}
void analyze_arabic_news(benchmark::State &state) {
    static const auto articles = easc_articles();
    run(state, articles);
}

}  // namespace

BENCHMARK(analyze_english_news)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(analyze_arabic_news)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_MAIN();
