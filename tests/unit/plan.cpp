// The content plan: exact paragraph count, budgets that sum to the target, source order, errors.
#include <gtest/gtest.h>

#include <numeric>
#include <string>

#include "eval/corpus.h"
#include "precis/error.h"
#include "precis/plan.h"

namespace {

using precis::detail::analyze_plain;
using precis::detail::make_spec;

// A fresh news-style fixture: a lead, details, and an off-topic aside, in three paragraphs.
const char *article =
    "The city council approved a new tram line on Monday after two years of debate. The line will link the "
    "harbour district with the university campus.\n\n"
    "Construction of the tram line is expected to start next spring and to last three years. The council "
    "estimates the cost at 420 million euros, shared with the regional government. Officials said the tram "
    "would carry forty thousand passengers a day.\n\n"
    "Residents of the harbour district welcomed the decision. Some shop owners worry about the noise of the "
    "works. A local bakery celebrated its fiftieth anniversary the same week.";

}  // namespace

TEST(plan, paragraph_count_is_exact_and_budgets_sum_to_the_target) {
    const auto a = analyze_plain(article, "en", false);
    for (std::size_t k = 1; k <= 3; ++k) {
        const auto spec = make_spec(40, k, "en");
        const auto plan = precis::make_plan(a, spec);
        ASSERT_EQ(plan.paragraphs.size(), k) << "asked for " << k << " paragraphs";
        std::size_t sum = 0;
        for (const auto &p : plan.paragraphs) {
            EXPECT_FALSE(p.sentences.empty()) << "every paragraph needs a sentence (k=" << k << ")";
            EXPECT_EQ(p.sentences.size(), p.sentence_words.size());
            sum += p.words;
        }
        EXPECT_EQ(sum, spec.words) << "paragraph budgets must sum to the target (k=" << k << ")";
        EXPECT_EQ(plan.salience.size(), a.sentences.size());
    }
}

TEST(plan, sentences_are_in_source_order_across_paragraphs) {
    const auto a = analyze_plain(article, "en", false);
    const auto plan = precis::make_plan(a, make_spec(60, 3, "en"));
    std::size_t last = 0;
    bool first = true;
    for (const auto &p : plan.paragraphs)
        for (auto s : p.sentences) {
            if (!first) {
                EXPECT_GT(s, last) << "sentence " << s << " after " << last;
            }
            last = s;
            first = false;
        }
}

TEST(plan, lead_sentence_is_chosen_for_a_short_news_summary) {
    const auto a = analyze_plain(article, "en", false);
    const auto plan = precis::make_plan(a, make_spec(30, 1, "en"));
    ASSERT_FALSE(plan.paragraphs[0].sentences.empty());
    EXPECT_EQ(plan.paragraphs[0].sentences.front(), 0u) << "news summaries should open with the lead";
}

TEST(plan, more_paragraphs_than_sentences_is_a_usage_error_naming_the_limit) {
    const auto a = analyze_plain("One short sentence here. And a second one.", "en", false);
    try {
        precis::make_plan(a, make_spec(6, 3, "en"));
        FAIL() << "expected error{usage}";
    } catch (const precis::error &e) {
        EXPECT_EQ(e.code, precis::errc::usage);
        EXPECT_NE(std::string(e.what()).find("at most 2"), std::string::npos) << e.what();
    }
}

TEST(plan, target_above_the_source_length_takes_everything_and_warns) {
    const auto a = analyze_plain(article, "en", false);
    const auto spec = make_spec(a.words + 50, 2, "en");
    const auto plan = precis::make_plan(a, spec);
    std::size_t taken = 0, budget = 0;
    for (const auto &p : plan.paragraphs) {
        taken += p.sentences.size();
        budget += p.words;
    }
    EXPECT_EQ(taken, a.sentences.size());
    EXPECT_EQ(budget, spec.words) << "an abstractive engine still writes to the full target";
    ASSERT_EQ(plan.warnings.size(), 1u);
    EXPECT_NE(plan.warnings[0].find("whole source"), std::string::npos) << plan.warnings[0];
}

TEST(plan, duplicate_sentences_are_not_both_chosen) {
    const std::string text =
        "Storms closed the mountain pass for three days. Storms closed the mountain pass for three days. "
        "Farmers lost part of the apple harvest. The weather service expects calmer weeks ahead.";
    const auto a = analyze_plain(text, "en", false);
    const auto plan = precis::make_plan(a, make_spec(15, 1, "en"));
    const auto &s = plan.paragraphs[0].sentences;
    const bool both = std::find(s.begin(), s.end(), 0u) != s.end() && std::find(s.begin(), s.end(), 1u) != s.end();
    EXPECT_FALSE(both) << "MMR must not pick the same sentence twice";
}
