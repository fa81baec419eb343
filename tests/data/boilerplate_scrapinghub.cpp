// Boilerplate removal must not eat article text: run ingest_text over the 181 hand-extracted article bodies
// of the Scrapinghub benchmark (clean text, written by people) and count what it removes. Also checks the
// seed page's footer.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "precis/ingest.h"
#include "precis/words.h"

namespace {

namespace fs = std::filesystem;

const fs::path data_dir = fs::path(PRECIS_DATA_DIR);

std::string read_file(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(boilerplate_scrapinghub, removes_under_half_a_percent_of_article_words) {
    const fs::path truth_path = data_dir / "extraction" / "scrapinghub" / "ground-truth.json";
    if (!fs::exists(truth_path)) GTEST_SKIP() << "benchmark data not found at " << truth_path;
    std::ifstream in(truth_path);
    const nlohmann::json truth = nlohmann::json::parse(in);
    std::size_t total_words = 0, removed_words = 0;
    struct removal {
        std::string id, reason, text;
        std::size_t words;
    };
    std::vector<removal> removals;
    for (const auto &[id, entry] : truth.items()) {
        const std::string body = entry.at("articleBody").get<std::string>();
        total_words += precis::count_words(body);
        if (precis::count_words(body) == 0) continue;
        const precis::document doc = precis::ingest_text(body);
        for (const auto &r : doc.removed) {
            const std::size_t w = precis::count_words(r.text);
            removed_words += w;
            removals.push_back({id, r.reason, r.text, w});
        }
    }
    std::sort(removals.begin(), removals.end(), [](const removal &a, const removal &b) { return a.words > b.words; });
    std::printf("largest removals:\n");
    for (std::size_t i = 0; i < std::min<std::size_t>(15, removals.size()); ++i)
        std::printf("  [%s] %zu words: %.100s\n", removals[i].reason.c_str(), removals[i].words,
                    removals[i].text.c_str());
    const double share = total_words ? 100.0 * static_cast<double>(removed_words) / static_cast<double>(total_words) : 0;
    std::printf("boilerplate removed from clean article bodies: %zu of %zu words (%.3f%%) in %zu removals\n",
                removed_words, total_words, share, removals.size());
    EXPECT_GT(total_words, 10000u) << "the ground truth should hold many thousand words";
    EXPECT_LT(share, 0.5) << "boilerplate removal ate " << removed_words << " words of real article text";
}

TEST(boilerplate_scrapinghub, seed_footer_is_removed_and_last_sentence_kept) {
    const fs::path seed = data_dir / "seed" / "000_2310dcb826e5e938.txt";
    if (!fs::exists(seed)) GTEST_SKIP() << "seed page not found at " << seed;
    const precis::document doc = precis::ingest_text(read_file(seed));
    EXPECT_EQ(doc.text.find("شاركها"), std::string::npos) << "share line leaked into the text";
    EXPECT_EQ(doc.text.find("\xC2\xA9"), std::string::npos) << "copyright line leaked into the text";
    EXPECT_EQ(doc.text.find("Exit mobile version"), std::string::npos) << "navigation line leaked";
    const std::string last_sentence = "Additional reporting by Wenjie Ding in Beijing";
    ASSERT_GE(doc.text.size(), last_sentence.size());
    EXPECT_EQ(doc.text.substr(doc.text.size() - last_sentence.size()), last_sentence)
        << "the article's last sentence must stay and end the text";
    ASSERT_EQ(doc.removed.size(), 3u) << "three footer lines are expected in the record";
    EXPECT_EQ(doc.removed[0].reason, "share");
    EXPECT_EQ(doc.removed[0].text, "شاركها.");
    EXPECT_EQ(doc.removed[1].reason, "copyright");
    EXPECT_EQ(doc.removed[2].reason, "navigation");
    EXPECT_EQ(doc.removed[2].text, "Exit mobile version");
}

TEST(boilerplate_scrapinghub, seed_footer_run_into_the_last_line_is_cut_off) {
    const fs::path seed = data_dir / "seed" / "000_2310dcb826e5e938.txt";
    if (!fs::exists(seed)) GTEST_SKIP() << "seed page not found at " << seed;
    // The same page as some scrapers deliver it: every line break replaced by a space.
    std::string flat = read_file(seed);
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    const precis::document doc = precis::ingest_text(flat);
    const std::string last_sentence = "Additional reporting by Wenjie Ding in Beijing";
    ASSERT_GE(doc.text.size(), last_sentence.size());
    EXPECT_EQ(doc.text.substr(doc.text.size() - last_sentence.size()), last_sentence)
        << "footer not cut cleanly; text ends with: " << doc.text.substr(doc.text.size() - 120);
    std::size_t reasons = 0;
    for (const auto &r : doc.removed)
        reasons += r.reason == "share" || r.reason == "copyright" || r.reason == "navigation";
    EXPECT_GE(reasons, 3u) << "share, copyright and navigation parts should each be recorded";
}

}  // namespace
