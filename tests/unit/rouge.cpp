// ROUGE: hand-computed figures on fresh fixtures, Arabic normalisation, multi-reference averaging.
#include <gtest/gtest.h>

#include "precis/error.h"
#include "precis/rouge.h"
#include "support/process.h"

using precis::rouge;

TEST(rouge, identical_texts_score_one_hundred_on_every_measure) {
    const auto s = rouge("the harbour opened a new ferry line", {"the harbour opened a new ferry line"}, "en");
    EXPECT_DOUBLE_EQ(s.r1, 100.0) << "ROUGE-1";
    EXPECT_DOUBLE_EQ(s.r2, 100.0) << "ROUGE-2";
    EXPECT_DOUBLE_EQ(s.rl, 100.0) << "ROUGE-L";
    EXPECT_DOUBLE_EQ(s.rlsum, 100.0) << "ROUGE-Lsum";
}

TEST(rouge, disjoint_texts_score_zero) {
    const auto s = rouge("bright orange lanterns", {"quiet snowy valley"}, "en");
    EXPECT_EQ(s.r1, 0.0);
    EXPECT_EQ(s.r2, 0.0);
    EXPECT_EQ(s.rl, 0.0);
}

TEST(rouge, unigram_and_bigram_f1_match_a_hand_count) {
    // candidate: the cat sat on the mat (6 tokens); reference: the cat lay on the mat today (7 tokens)
    // unigram hits (clipped): the×2, cat, on, mat = 5 → P 5/6, R 5/7, F 2·5/(6+7) = 76.92
    // bigrams: cand {the cat, cat sat, sat on, on the, the mat}; ref {the cat, cat lay, lay on, on the,
    // the mat, mat today}; hits 3 → F 2·3/(5+6) = 54.55
    // LCS: the cat on the mat = 5 → F = 76.92
    const auto s = rouge("The cat sat on the mat.", {"The cat lay on the mat today."}, "en");
    EXPECT_NEAR(s.r1, 100.0 * 10.0 / 13.0, 1e-9);
    EXPECT_NEAR(s.r2, 100.0 * 6.0 / 11.0, 1e-9);
    EXPECT_NEAR(s.rl, 100.0 * 10.0 / 13.0, 1e-9);
}

TEST(rouge, repeated_words_are_clipped_to_the_reference_count) {
    // "go go go go" vs "go home": one hit only → P 1/4, R 1/2, F = 2·(1/8)/(3/4) = 33.33
    const auto s = rouge("go go go go", {"go home"}, "en");
    EXPECT_NEAR(s.r1, 100.0 / 3.0, 1e-9);
}

TEST(rouge, several_references_are_averaged) {
    const auto one = rouge("red blue", {"red blue"}, "en");
    const auto other = rouge("red blue", {"green yellow"}, "en");
    const auto both = rouge("red blue", {"red blue", "green yellow"}, "en");
    EXPECT_NEAR(both.r1, (one.r1 + other.r1) / 2.0, 1e-9);
    EXPECT_NEAR(both.r1, 50.0, 1e-9);
}

TEST(rouge, english_tokens_are_lower_case_alphanumeric_runs) {
    const auto t = precis::rouge_tokenize("U.S. growth, 2.5% in Q3!", "en");
    const std::vector<std::string> want{"u", "s", "growth", "2", "5", "in", "q3"};
    EXPECT_EQ(t, want);
}

TEST(rouge, arabic_hamza_forms_and_diacritics_match_their_normalised_spelling) {
    // أعلنت الحكومةُ (hamza on alef, ta marbuta, a damma) against the EASC-style spelling اعلنت الحكومه.
    const auto s = rouge("أعلنت الحكومةُ", {"اعلنت الحكومه"}, "ar");
    EXPECT_DOUBLE_EQ(s.r1, 100.0) << "Arabic letter normalisation must make both spellings one token each";
}

TEST(rouge, lsum_rewards_sentence_level_matches_that_plain_lcs_misses) {
    // Sentences in swapped order: whole-text LCS can match only one sentence, the union LCS matches both.
    const std::string cand = "ships left the port\nrain fell all night";
    const std::string ref = "rain fell all night\nships left the port";
    const auto s = rouge(cand, {ref}, "en");
    EXPECT_DOUBLE_EQ(s.rlsum, 100.0);
    EXPECT_LT(s.rl, 60.0);
}

TEST(rouge, no_references_is_a_usage_error) {
    try {
        rouge("anything", {}, "en");
        FAIL() << "expected error{usage}";
    } catch (const precis::error &e) {
        EXPECT_EQ(e.code, precis::errc::usage);
    }
}

TEST(rouge, sentence_tags_become_lines) {
    EXPECT_EQ(precis::untag_sentences("<t> <t> one two . </t> <t> three . </t> </t>"), "one two .\nthree .");
    EXPECT_EQ(precis::untag_sentences("no tags here"), "no tags here");
}

TEST(rouge, eval_rouge_command_scores_one_summary_against_several_references) {
    const std::string cand = precis::test::write_temp_file("cand.txt", "the harbour opened a ferry line");
    const std::string ref_a = precis::test::write_temp_file("ref_a.txt", "the harbour opened a ferry line");
    const std::string ref_b = precis::test::write_temp_file("ref_b.txt", "snow closed every road");
    const auto r = precis::test::run_precis("eval rouge --candidate " + cand + " --reference " + ref_a +
                                            " --reference " + ref_b + " --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("ROUGE-1 50.00"), std::string::npos) << "the two references must be averaged:\n" << r.out;
}

TEST(rouge, eval_rouge_without_references_exits_2) {
    const std::string cand = precis::test::write_temp_file("cand_only.txt", "text");
    const auto r = precis::test::run_precis("eval rouge --candidate " + cand);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--reference"), std::string::npos) << r.err;
}
