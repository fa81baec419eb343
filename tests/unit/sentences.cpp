// Sentence segmentation: English abbreviations, decimals, quotes; Arabic punctuation; paragraphs and lines.
#include <gtest/gtest.h>
#include <string>
#include <thread>
#include <vector>

#include "precis/sentences.h"

namespace {

std::vector<std::string> sentences(const std::string &text, std::string_view lang = "en") {
    std::vector<std::string> out;
    for (const auto &s : precis::split_sentences(text, lang))
        out.push_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

std::string joined(const std::vector<std::string> &v) {
    std::string s;
    for (const auto &x : v) s += "[" + x + "]";
    return s;
}

}  // namespace

TEST(sentences, empty_and_blank_text_has_no_sentences) {
    EXPECT_TRUE(sentences("").empty());
    EXPECT_TRUE(sentences(" \n\n\t ").empty());
    EXPECT_TRUE(sentences("... !!! —").empty()) << "punctuation alone is not a sentence";
}

TEST(sentences, plain_english_sentences_split_at_terminators) {
    const auto s = sentences("The market fell. Investors sold! Why did they? Nobody knows.");
    EXPECT_EQ(joined(s), "[The market fell.][Investors sold!][Why did they?][Nobody knows.]");
}

TEST(sentences, titles_and_abbreviations_do_not_end_sentences) {
    const auto s = sentences(
        "Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5 to discuss No. 3 on the list. "
        "They agreed, e.g. on prices. Gov. Brown was not there.");
    EXPECT_EQ(joined(s),
              "[Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5 to discuss No. 3 on the list.]"
              "[They agreed, e.g. on prices.][Gov. Brown was not there.]");
}

TEST(sentences, abbreviation_match_needs_the_whole_word) {
    // "ca." and "est." are abbreviations, but "Africa." and "interest." end sentences.
    const auto s = sentences("He flew to Africa. Then he left. Rates rose on interest. Markets fell.");
    EXPECT_EQ(s.size(), 4u) << joined(s);
}

TEST(sentences, decimals_currency_and_initials_stay_inside_a_sentence) {
    const auto s = sentences(
        "The firm earned $5.6mn, up 3.5% from 2.1 in 2023. John F. Kennedy spoke at 10 a.m. today.");
    EXPECT_EQ(joined(s),
              "[The firm earned $5.6mn, up 3.5% from 2.1 in 2023.][John F. Kennedy spoke at 10 a.m. today.]");
}

TEST(sentences, quoted_speech_keeps_its_sentences_together) {
    const auto s = sentences(
        "He said: \"We are on track. The deal will hold.\" Then he left. "
        "\u201cIt works,\u201d she said.");
    EXPECT_EQ(joined(s),
              "[He said: \"We are on track. The deal will hold.\"][Then he left.]"
              "[\u201cIt works,\u201d she said.]");
}

TEST(sentences, stray_quote_does_not_glue_later_sentences) {
    const auto s = sentences("He said 5\" pipes. It rained. \"Yes,\" she said. It stopped.");
    EXPECT_EQ(s.size(), 4u) << joined(s);
}

TEST(sentences, line_breaks_and_paragraphs_are_hard_boundaries) {
    const auto s = sentences(
        "Headline without period\nFirst sentence of the body, which\n\nnext paragraph. Two.\r\nEnd");
    EXPECT_EQ(joined(s),
              "[Headline without period][First sentence of the body, which][next paragraph.][Two.][End]");
}

TEST(sentences, spans_are_trimmed_byte_offsets_into_the_text) {
    const std::string text = "  \xC2\xA0One.\t Two?  ";
    const auto spans = precis::split_sentences(text, "en");
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "One.");
    EXPECT_EQ(text.substr(spans[1].begin, spans[1].end - spans[1].begin), "Two?");
}

TEST(sentences, arabic_terminators_split_but_commas_and_semicolons_do_not) {
    const auto s = sentences(
        "قال الوزير، في مؤتمر صحفي؛ إن النمو بلغ ٣٫٥٪. هل يستمر ذلك؟ نعم! "
        "وأضاف: «سنواصل العمل. لن نتوقف». انتهى.",
        "ar");
    EXPECT_EQ(joined(s),
              "[قال الوزير، في مؤتمر صحفي؛ إن النمو بلغ ٣٫٥٪.][هل يستمر ذلك؟][نعم!]"
              "[وأضاف: «سنواصل العمل. لن نتوقف».][انتهى.]");
}

TEST(sentences, arabic_with_diacritics_and_initials) {
    const auto s =
        sentences("ذَهَبَ الوَلَدُ إلى المَدْرَسَةِ. قال أحمد ز. أمين إن عام 2020 م. كان صعباً. ثم عاد.", "ar");
    EXPECT_EQ(joined(s), "[ذَهَبَ الوَلَدُ إلى المَدْرَسَةِ.][قال أحمد ز. أمين إن عام 2020 م.][كان صعباً.][ثم عاد.]");
}

TEST(sentences, chinese_full_stops_split) {
    const auto s = sentences("我们发布了新模型。它很快！价格是多少？", "zh");
    EXPECT_EQ(s.size(), 3u) << joined(s);
}

TEST(sentences, unknown_or_tagged_language_falls_back_to_neutral_rules) {
    EXPECT_EQ(sentences("Mr. Smith left. He came back.", "xx").size(), 2u);
    EXPECT_EQ(sentences("Mr. Smith left. He came back.", "en-US").size(), 2u);
    EXPECT_EQ(sentences("Mr. Smith left. He came back.", "").size(), 2u);
}

TEST(sentences, concurrent_segmentation_gives_identical_results) {
    std::string text;
    for (int i = 0; i < 200; ++i)
        text += "Dr. Lee said sales rose 2.5%. \u00ABC'est bon.\u00BB قال الوزير. Done!\n";
    const auto expected = precis::split_sentences(text, "en");
    std::vector<std::thread> threads;
    std::vector<int> ok(8, 0);
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            const auto got = precis::split_sentences(text, t % 2 ? "en" : "fr");
            const auto again = precis::split_sentences(text, "en");
            ok[t] = again.size() == expected.size() && !got.empty();
        });
    for (auto &th : threads) th.join();
    for (int t = 0; t < 8; ++t) EXPECT_TRUE(ok[t]) << "thread " << t;
}

TEST(sentences, terminator_glued_to_the_next_sentence_still_splits) {
    const auto s = sentences(
        "Profits fell at the fund.Its rivals grew. He said it was \u201cover\u201d.\u201cWe start "
        "again,\u201d he added. "
        "Use Node.js and ASP.NET in the U.S.A today. Version 3.5 shipped.");
    EXPECT_EQ(joined(s),
              "[Profits fell at the fund.][Its rivals grew.][He said it was \u201cover\u201d.]"
              "[\u201cWe start again,\u201d he added.][Use Node.js and ASP.NET in the U.S.A today.][Version "
              "3.5 shipped.]");
}
