// run_checks throughput on real Arabic text: every EASC article checked as a summary of itself (the
// numbers, names, copied-run and repetition checks all do full work on it). Reports bytes/s of summary
// text; the target is at least 10 MB/s. Skips when ../shared/data is absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "precis/analyze.h"
#include "precis/check.h"

namespace {

namespace fs = std::filesystem;

struct corpus {
    std::vector<std::string> texts;
    std::vector<precis::source_analysis> sources;
};

const corpus &easc() {
    static const corpus c = [] {
        corpus out;
        const fs::path dir = fs::path(PRECIS_DATA_DIR) / "summarization" / "easc" / "Articles";
        if (!fs::exists(dir)) return out;
        std::vector<fs::path> paths;
        for (const auto &e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file()) paths.push_back(e.path());
        std::sort(paths.begin(), paths.end());
        for (const auto &p : paths) {
            std::ifstream in(p, std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            std::string s = ss.str();
            if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
            out.sources.push_back(precis::analyze(s));
            out.texts.push_back(std::move(s));
        }
        return out;
    }();
    return c;
}

void check_easc_articles(benchmark::State &state) {
    const corpus &c = easc();
    if (c.texts.empty()) {
        state.SkipWithError("EASC corpus not found under PRECIS_DATA_DIR");
        return;
    }
    precis::summary_spec spec;
    spec.language = "ar";
    std::size_t bytes = 0;
    bool all_passed = true;
    for (auto _ : state) {
        for (std::size_t i = 0; i < c.texts.size(); ++i) {
            const precis::check_report r = precis::run_checks({c.texts[i], &c.sources[i], spec, {}});
            all_passed = all_passed && r.find("numbers")->passed;
            benchmark::DoNotOptimize(r);
            bytes += c.texts[i].size();
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.counters["articles"] = static_cast<double>(c.texts.size());
    state.counters["numbers_passed"] = all_passed ? 1 : 0;
}
BENCHMARK(check_easc_articles)->Unit(benchmark::kMillisecond);

// One long summary (all articles joined, ~430 KB) against one article: the cost of the summary side alone.
void check_long_summary(benchmark::State &state) {
    const corpus &c = easc();
    if (c.texts.empty()) {
        state.SkipWithError("EASC corpus not found under PRECIS_DATA_DIR");
        return;
    }
    std::string joined;
    for (const auto &t : c.texts) joined += t + "\n\n";
    precis::summary_spec spec;
    spec.language = "ar";
    for (auto _ : state) {
        const precis::check_report r = precis::run_checks({joined, &c.sources[0], spec, {}});
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(joined.size() * state.iterations()));
}
BENCHMARK(check_long_summary)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
