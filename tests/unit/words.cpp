// Word counting and paragraph splitting (DESIGN.md "Counting").
#include <gtest/gtest.h>
#include <algorithm>
#include <chrono>
#include <string>

#include "precis/utf8.h"
#include "precis/words.h"

using precis::count_words;

TEST(words, design_example_counts_six_words) {
    EXPECT_EQ(count_words("Summarize this content to 2,000 words."), 6u);
}

TEST(words, empty_and_whitespace_only_text_has_no_words) {
    EXPECT_EQ(count_words(""), 0u);
    EXPECT_EQ(count_words("   \t\n\r\n  "), 0u);
    EXPECT_EQ(count_words("\xC2\xA0\xE3\x80\x80"), 0u) << "NBSP and ideographic space are whitespace";
}

TEST(words, punctuation_alone_is_not_a_word) {
    EXPECT_EQ(count_words("-- ... !!! — « » ؟ ،"), 0u);
    EXPECT_EQ(count_words("hello — world"), 2u) << "a free-standing dash is not a word";
}

TEST(words, numbers_with_separators_and_alphanumerics_are_one_word) {
    EXPECT_EQ(count_words("2,048"), 1u);
    EXPECT_EQ(count_words("H800"), 1u);
    EXPECT_EQ(count_words("$5.6mn"), 1u);
    EXPECT_EQ(count_words("e.g."), 1u);
    EXPECT_EQ(count_words("state-of-the-art"), 1u);
    EXPECT_EQ(count_words("(2024)"), 1u);
}

TEST(words, arabic_words_with_clitics_and_diacritics_are_one_word_each) {
    EXPECT_EQ(count_words("وبالتالي"), 1u);
    EXPECT_EQ(count_words("ذَهَبَ الوَلَدُ إلى المَدْرَسَةِ."), 4u);
    EXPECT_EQ(count_words("قالت الشركة، إن الأرباح ارتفعت بنسبة ٢٥٪ ؟"), 7u);
    EXPECT_EQ(count_words("ـــ"), 0u) << "tatweel alone is not a word";
}

TEST(words, han_and_kana_count_per_character) {
    EXPECT_EQ(count_words("AI芯片"), 3u);
    EXPECT_EQ(count_words("芯片AI"), 3u);
    EXPECT_EQ(count_words("中文。"), 2u) << "ideographic full stop is punctuation";
    EXPECT_EQ(count_words("ひらがなカタカナ"), 8u);
    EXPECT_EQ(count_words("H800芯片，价格2,048美元"), 1u + 2u + 2u + 1u + 2u);
    EXPECT_EQ(count_words("中・日"), 2u) << "katakana middle dot is punctuation";
}

TEST(words, other_scripts_count_by_whitespace) {
    EXPECT_EQ(count_words("Привет, мир!"), 2u);
    EXPECT_EQ(count_words("안녕하세요 세계"), 2u);
    EXPECT_EQ(count_words("नमस्ते दुनिया"), 2u);
}

TEST(words, every_unicode_space_separates_words) {
    EXPECT_EQ(count_words("a\tb\nc\r\nd\xC2\xA0"
                          "e\xE2\x80\x83"
                          "f\xE3\x80\x80g"),
              7u);
    EXPECT_EQ(count_words("a\xE2\x80\x8B"
                          "b"),
              1u)
        << "zero-width space is not White_Space";
}

TEST(words, word_counter_fed_per_code_point_matches_count_words) {
    const std::string text = "Le «prix» est de 2,5 M€ — وبالتالي AI芯片 H800\xC2\xA0ok.\n\nFin";
    precis::word_counter counter;
    std::size_t pos = 0;
    while (pos < text.size()) counter.feed(precis::next_code_point(text, pos));
    EXPECT_EQ(counter.words(), count_words(text));
}

TEST(words, word_counter_fed_in_arbitrary_chunks_matches_count_words) {
    const std::string text = "one two,three  四五 six\tseven";
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        // Cut only at code point boundaries, as a caller feeding complete tokens would.
        if (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) continue;
        precis::word_counter counter;
        counter.feed(std::string_view(text).substr(0, cut));
        counter.feed(std::string_view(text).substr(cut));
        EXPECT_EQ(counter.words(), count_words(text)) << "cut at " << cut;
    }
}

TEST(words, word_counter_reports_run_state_and_counts_at_first_letter) {
    precis::word_counter counter;
    counter.feed(U'(');
    EXPECT_TRUE(counter.in_word());
    EXPECT_EQ(counter.words(), 0u);
    counter.feed(U'a');
    EXPECT_EQ(counter.words(), 1u) << "a word is counted as soon as its first letter arrives";
    counter.feed(U'b');
    EXPECT_EQ(counter.words(), 1u);
    counter.feed(U' ');
    EXPECT_FALSE(counter.in_word());
    counter.reset();
    EXPECT_EQ(counter.words(), 0u);
}

TEST(words, find_words_returns_one_span_per_counted_word) {
    const std::string text = "«Hello», AI芯片 2,048 — ok";
    const auto spans = precis::find_words(text);
    ASSERT_EQ(spans.size(), count_words(text));
    EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "«Hello»,");
    EXPECT_EQ(text.substr(spans[1].begin, spans[1].end - spans[1].begin), "AI");
    EXPECT_EQ(text.substr(spans[2].begin, spans[2].end - spans[2].begin), "芯");
    EXPECT_EQ(text.substr(spans[3].begin, spans[3].end - spans[3].begin), "片");
    EXPECT_EQ(text.substr(spans[4].begin, spans[4].end - spans[4].begin), "2,048");
    EXPECT_EQ(text.substr(spans[5].begin, spans[5].end - spans[5].begin), "ok");
}

TEST(words, split_paragraphs_breaks_on_blank_lines_only) {
    const std::string text =
        "  First line\nsame paragraph.\n\n\n Second.\r\n \t \r\nThird\xC2\xA0\n\xC2\xA0\nFourth";
    const auto p = precis::split_paragraphs(text);
    ASSERT_EQ(p.size(), 4u);
    EXPECT_EQ(p[0], "First line\nsame paragraph.");
    EXPECT_EQ(p[1], "Second.");
    EXPECT_EQ(p[2], "Third") << "trailing NBSP is trimmed";
    EXPECT_EQ(p[3], "Fourth");
}

TEST(words, split_paragraphs_of_empty_or_blank_text_is_empty) {
    EXPECT_TRUE(precis::split_paragraphs("").empty());
    EXPECT_TRUE(precis::split_paragraphs("\n\n \n\t\r\n").empty());
    const auto one = precis::split_paragraphs("single");
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0], "single");
}

TEST(words, join_then_split_round_trips_paragraphs) {
    const std::vector<std::string> in = {"الفقرة الأولى.", "Second paragraph.", "第三段。"};
    const std::string joined = precis::join_paragraphs(in);
    EXPECT_EQ(joined, "الفقرة الأولى.\n\nSecond paragraph.\n\n第三段。");
    const auto out = precis::split_paragraphs(joined);
    ASSERT_EQ(out.size(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i) EXPECT_EQ(out[i], in[i]);
}

TEST(words, join_paragraphs_drops_empty_paragraphs) {
    EXPECT_EQ(precis::join_paragraphs({"a", "  ", "", "b\n"}), "a\n\nb");
}

TEST(words, count_words_is_faster_than_100_mb_per_second) {
    std::string text;
    while (text.size() < (32u << 20))
        text += "The company said on Tuesday that revenue rose 12.5% to $2,048mn in the third quarter. ";
    std::string arabic;
    while (arabic.size() < (16u << 20))
        arabic += "قالت الشركة يوم الثلاثاء إن الإيرادات ارتفعت بنسبة ١٢٫٥٪. ";
    std::string chinese;
    while (chinese.size() < (8u << 20)) chinese += "该公司周二表示，第三季度收入增长12.5%，达到20亿美元。";
    // Best of three runs: the build machine is shared, and a slow run says more about its load than about us.
    const auto mb_per_s = [](const std::string &t, std::size_t &words) {
        double best = 0;
        for (int run = 0; run < 3; ++run) {
            const auto start = std::chrono::steady_clock::now();
            words = count_words(t);
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            best = std::max(best, static_cast<double>(t.size()) / 1e6 / s);
        }
        return best;
    };
    std::size_t w1 = 0, w2 = 0, w3 = 0;
    const double en = mb_per_s(text, w1);
    const double ar = mb_per_s(arabic, w2);
    const double zh = mb_per_s(chinese, w3);
    std::printf("count_words: English %.0f MB/s, Arabic %.0f MB/s, Chinese %.0f MB/s\n", en, ar, zh);
    EXPECT_GT(w3, 0u);
    EXPECT_GT(zh, 30.0) << "Chinese text counted at " << zh << " MB/s";
    EXPECT_GT(w1, 0u);
    EXPECT_GT(w2, 0u);
    EXPECT_GT(en, 100.0) << "English text counted at " << en << " MB/s";
    EXPECT_GT(ar, 100.0) << "Arabic text counted at " << ar << " MB/s";
}
