// Main-content extraction quality on the Scrapinghub article-extraction benchmark (181 news pages).
//
// Metric as published with the benchmark (../shared/data/README.md): 4-word shingles of each text,
// per-page precision and recall, averaged over pages; F1 of the averages. Published F1: trafilatura 0.958,
// readability.js 0.947, full page text 0.665.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "precis/error.h"
#include "precis/ingest.h"
#include "precis/utf8.h"
#include "precis/words.h"
#include "eval/corpus.h"

namespace {

namespace fs = std::filesystem;

const fs::path bench_dir = fs::path(PRECIS_DATA_DIR) / "extraction" / "scrapinghub";


// Words as the benchmark's tokenizer sees them: runs of letters and digits.
std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = precis::next_code_point(text, pos);
        if (precis::is_letter_or_digit(cp) || cp == '_') {
            cur.append(text.substr(start, pos - start));
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::set<std::string> shingles(std::string_view text) {
    const std::vector<std::string> t = tokens(text);
    std::set<std::string> out;
    if (t.empty()) return out;
    const std::size_t n = 4;
    if (t.size() < n) {
        std::string s;
        for (const auto &w : t) s += w + ' ';
        out.insert(s);
        return out;
    }
    for (std::size_t i = 0; i + n <= t.size(); ++i) out.insert(t[i] + ' ' + t[i + 1] + ' ' + t[i + 2] + ' ' + t[i + 3]);
    return out;
}

struct page_score {
    std::string id;
    double precision = 0;
    double recall = 0;
};

page_score score(const std::string &id, std::string_view predicted, std::string_view truth) {
    const auto p = shingles(predicted);
    const auto t = shingles(truth);
    page_score s{id, 0, 0};
    if (p.empty() && t.empty()) return {id, 1, 1};
    if (p.empty() || t.empty()) return s;
    std::size_t common = 0;
    for (const auto &x : p) common += t.count(x);
    s.precision = static_cast<double>(common) / static_cast<double>(p.size());
    s.recall = static_cast<double>(common) / static_cast<double>(t.size());
    return s;
}

TEST(extraction_scrapinghub, main_content_f1_is_at_least_085) {
    if (!fs::exists(bench_dir / "ground-truth.json"))
        GTEST_SKIP() << "benchmark data not found at " << bench_dir << " (it lives in ../shared/data)";
    std::ifstream in(bench_dir / "ground-truth.json");
    const nlohmann::json truth = nlohmann::json::parse(in);
    std::vector<page_score> scores;
    std::size_t failures = 0;
    std::size_t bytes = 0;
    double seconds = 0;
    for (const auto &[id, entry] : truth.items()) {
        const std::string html = precis::detail::read_gzip_file((bench_dir / "html" / (id + ".html.gz")).string());
        ASSERT_FALSE(html.empty()) << "missing page " << id;
        std::string predicted;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            predicted = precis::ingest_html(html).text;
        } catch (const precis::error &e) {
            ++failures;
            std::printf("page %s: %s\n", id.c_str(), e.what());
        }
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        bytes += html.size();
        scores.push_back(score(id, predicted, entry.at("articleBody").get<std::string>()));
    }
    double p = 0, r = 0;
    for (const auto &s : scores) {
        p += s.precision;
        r += s.recall;
    }
    p /= static_cast<double>(scores.size());
    r /= static_cast<double>(scores.size());
    const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::sort(scores.begin(), scores.end(), [](const page_score &a, const page_score &b) {
        return a.precision + a.recall < b.precision + b.recall;
    });
    std::printf("worst pages:\n");
    for (std::size_t i = 0; i < std::min<std::size_t>(10, scores.size()); ++i)
        std::printf("  %s  P=%.3f R=%.3f\n", scores[i].id.c_str(), scores[i].precision, scores[i].recall);
    std::printf("scrapinghub extraction: %zu pages, P=%.3f R=%.3f F1=%.3f (trafilatura 0.958, readability.js "
                "0.947, full text 0.665); %zu refused; %.1f MB/s\n",
                scores.size(), p, r, f1, failures, bytes / 1e6 / std::max(seconds, 1e-9));
    EXPECT_EQ(scores.size(), 181u) << "the benchmark has 181 pages";
    EXPECT_GE(f1, 0.85) << "main-content extraction F1 fell below 0.85 (P=" << p << ", R=" << r << ")";
}

}  // namespace
