// Sentence segmentation measured on the Arabic PUD treebank (Universal Dependencies, 1,000 news/wiki
// sentences).
//
// The `# text = ` lines are joined with one space into running text, as sentences appear in an article, and
// segmented. Two figures are printed:
//   * sentence F1: a predicted sentence is correct only when its trimmed span equals a gold sentence exactly
//     (both its start and its end are right) — the figure asserted;
//   * boundary F1: over sentence-end positions (the easier, more common measure), for comparison.
#include <gtest/gtest.h>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "precis/sentences.h"

namespace {

struct corpus {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> gold;
};

corpus load_pud(const std::string &path) {
    corpus c;
    std::ifstream in(path);
    std::string line;
    const std::string prefix = "# text = ";
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) != 0) continue;
        std::string s = line.substr(prefix.size());
        while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
        if (s.empty()) continue;
        if (!c.text.empty()) c.text += ' ';
        c.gold.emplace_back(c.text.size(), c.text.size() + s.size());
        c.text += s;
    }
    return c;
}

double f1(std::size_t tp, std::size_t predicted, std::size_t gold) {
    if (tp == 0) return 0.0;
    const double p = static_cast<double>(tp) / static_cast<double>(predicted);
    const double r = static_cast<double>(tp) / static_cast<double>(gold);
    return 2 * p * r / (p + r);
}

}  // namespace

TEST(sentences_pud, arabic_running_text_is_segmented_with_f1_at_least_0_97) {
    const std::string path = std::string(PRECIS_DATA_DIR) + "/arabic/ud-arabic-pud/ar_pud-ud-test.conllu";
    if (!std::ifstream(path)) GTEST_SKIP() << "Arabic PUD treebank not found at " << path;
    const corpus c = load_pud(path);
    ASSERT_GT(c.gold.size(), 900u) << "expected about 1,000 sentences in " << path;

    const auto spans = precis::split_sentences(c.text, "ar");
    std::set<std::pair<std::size_t, std::size_t>> gold(c.gold.begin(), c.gold.end());
    std::set<std::size_t> gold_ends;
    for (const auto &g : c.gold) gold_ends.insert(g.second);
    std::size_t exact = 0, ends = 0;
    for (const auto &s : spans) {
        exact += gold.count({s.begin, s.end});
        ends += gold_ends.count(s.end);
    }
    const double sentence_f1 = f1(exact, spans.size(), c.gold.size());
    const double boundary_f1 = f1(ends, spans.size(), c.gold.size());
    std::printf(
        "Arabic PUD: %zu gold sentences, %zu predicted; sentence F1 %.4f (exact spans), boundary F1 %.4f\n",
        c.gold.size(), spans.size(), sentence_f1, boundary_f1);
    if (sentence_f1 < 0.97) {
        // Show the first misses so a regression can be read, not guessed.
        int shown = 0;
        for (const auto &s : spans) {
            if (gold.count({s.begin, s.end}) || shown >= 10) continue;
            ++shown;
            std::printf("  predicted, not gold: %s\n", c.text.substr(s.begin, s.end - s.begin).c_str());
        }
    }
    EXPECT_GE(sentence_f1, 0.97) << "exact-span sentence F1 on Arabic PUD";
}
