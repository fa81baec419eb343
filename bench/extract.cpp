// bench_extract — ingest throughput (MB/s, one thread) on the 181 pages of the scrapinghub extraction
// benchmark: ingest_html on the raw pages (charset, parse, main content, boilerplate) and ingest_text on
// their hand-extracted article bodies. Skips when ../shared/data is absent.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "precis/ingest.h"
#include "eval/corpus.h"

namespace fs = std::filesystem;

namespace {

const fs::path bench_dir = fs::path(PRECIS_DATA_DIR) / "extraction" / "scrapinghub";


struct corpus {
    std::vector<std::string> pages;   // raw HTML
    std::vector<std::string> bodies;  // ground-truth article text
};

const corpus &load() {
    static const corpus c = [] {
        corpus out;
        const fs::path truth = bench_dir / "ground-truth.json";
        if (!fs::exists(truth)) return out;
        std::ifstream in(truth);
        const nlohmann::json j = nlohmann::json::parse(in);
        for (const auto &[id, page] : j.items()) {
            std::string html = precis::detail::read_gzip_file((bench_dir / "html" / (id + ".html.gz")).string());
            if (!html.empty()) out.pages.push_back(std::move(html));
            std::string body = page.value("articleBody", "");
            if (!body.empty()) out.bodies.push_back(std::move(body));
        }
        return out;
    }();
    return c;
}

template <class F>
void run(benchmark::State &state, const std::vector<std::string> &inputs, F &&ingest_one) {
    if (inputs.empty()) {
        state.SkipWithError("scrapinghub corpus not found under ../shared/data");
        return;
    }
    std::size_t bytes = 0;
    for (auto _ : state) {
        for (const auto &input : inputs) {
            try {
                precis::document doc = ingest_one(input);
                benchmark::DoNotOptimize(doc.text.data());
            } catch (const std::exception &) {
                // A page with no content left is a measured outcome, not a benchmark failure.
            }
            bytes += input.size();
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
    state.counters["documents"] = static_cast<double>(inputs.size());
}

void bm_ingest_html(benchmark::State &state) {
    run(state, load().pages, [](const std::string &s) { return precis::ingest_html(s); });
}
void bm_ingest_text(benchmark::State &state) {
    run(state, load().bodies, [](const std::string &s) { return precis::ingest_text(s); });
}

}  // namespace

BENCHMARK(bm_ingest_html)->Unit(benchmark::kMillisecond);
BENCHMARK(bm_ingest_text)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
