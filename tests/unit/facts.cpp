// Numbers and Latin-script names read out of text (precis/facts.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "precis/facts.h"

namespace {

using precis::extract_latin_names;
using precis::extract_numbers;

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)); }

TEST(facts, western_and_eastern_digits_with_separators_read_the_same_value) {
    auto a = extract_numbers("The fund holds 2,048 GPUs.");
    auto b = extract_numbers("يملك الصندوق ٢٬٠٤٨ معالجا.");
    auto c = extract_numbers("استسلم 300،000 جندي");
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 1u);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_TRUE(near(a[0].value, 2048)) << a[0].value;
    EXPECT_TRUE(near(b[0].value, 2048)) << b[0].value;
    EXPECT_TRUE(near(c[0].value, 300000)) << c[0].value;
    EXPECT_EQ(a[0].text, "2,048");
}

TEST(facts, decimal_marks_include_the_arabic_decimal_separator_and_a_decimal_comma) {
    auto a = extract_numbers("نما الاقتصاد ٥٫٦ في المائة");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(near(a[0].value, 5.6)) << a[0].value;
    EXPECT_TRUE(a[0].percent) << "«في المائة» makes it a percentage";
    auto b = extract_numbers("مساحة 3,4 مليون كم");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(near(b[0].value, 3.4e6)) << "a comma before one digit is a decimal comma: " << b[0].value;
}

TEST(facts, scale_words_apply_in_english_and_arabic_with_prefixes_and_glued_abbreviations) {
    struct {
        const char *text;
        double value;
    } cases[] = {
        {"a loss of 5.6 million", 5.6e6},   {"spend $100bn on chips", 1e11},  {"more than 1mn GPUs", 1e6},
        {"about 10k users", 1e4},           {"نحو 60 مليون نسمة", 6e7},       {"قرابة 3 ملايين شخص", 3e6},
        {"استثمار 6,5 بليون دولار", 6.5e9}, {"بلغت 2 مليار دولار", 2e9},      {"تكلفة ٤ مليارات", 4e9},
        {"حوالي 100 ألف زائر", 1e5},        {"خسارة 30 مليونا", 3e7},
    };
    for (const auto &c : cases) {
        auto n = extract_numbers(c.text);
        ASSERT_EQ(n.size(), 1u) << c.text;
        EXPECT_TRUE(near(n[0].value, c.value)) << c.text << " → " << n[0].value;
    }
}

TEST(facts, scale_words_without_digits_are_numbers_and_duals_mean_two) {
    auto a = extract_numbers("باع أكثر من مليون نسخة");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(near(a[0].value, 1e6));
    auto b = extract_numbers("أنفقت الشركة ملياري دولار");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(near(b[0].value, 2e9)) << b[0].value;
    EXPECT_EQ(b[0].unit, "USD");
    auto c = extract_numbers("three million people");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_TRUE(near(c[0].value, 3e6)) << c[0].value;
}

TEST(facts, currency_and_percent_are_recorded) {
    auto a = extract_numbers("Revenue rose 12% to $4.5 billion.");
    ASSERT_EQ(a.size(), 2u);
    EXPECT_TRUE(a[0].percent);
    EXPECT_TRUE(near(a[0].value, 12));
    EXPECT_EQ(a[1].unit, "USD");
    EXPECT_TRUE(near(a[1].value, 4.5e9)) << a[1].value;
    EXPECT_EQ(a[1].text, "$4.5 billion");
    auto b = extract_numbers("ارتفعت بنسبة ٪15");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(b[0].percent);
}

TEST(facts, ranges_dates_and_times_are_separate_numbers) {
    auto a = extract_numbers("between 2019-2020 on 12/3 at 10:30");
    std::vector<double> v;
    for (auto &n : a) v.push_back(n.value);
    EXPECT_EQ(v, (std::vector<double>{2019, 2020, 12, 3, 10, 30}));
    auto b = extract_numbers("وقعت في 28/6/2001");
    ASSERT_EQ(b.size(), 3u);
    EXPECT_TRUE(near(b[2].value, 2001));
}

TEST(facts, digits_glued_to_letters_are_codes_but_arabic_prefix_letters_are_not) {
    auto a = extract_numbers("Nvidia H800 chips and the R1 model");
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0].unit, "code");
    EXPECT_EQ(a[0].text, "H800");
    auto b = extract_numbers("وفي و2001 كان");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_NE(b[0].unit, "code") << "و is a conjunction, not part of a code";
    EXPECT_TRUE(near(b[0].value, 2001));
}

TEST(facts, offsets_point_at_the_number_in_the_input) {
    const std::string text = "ولد عام 1770 م في مدينة بون";
    auto n = extract_numbers(text);
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(text.substr(n[0].offset, 4), "1770");
}

TEST(facts, latin_names_in_arabic_text_are_every_latin_run) {
    auto names = extract_latin_names("أطلقت شركة DeepSeek نموذج R1 بعد أن درّب فريق Liang Wenfeng شرائح Nvidia.");
    EXPECT_EQ(names, (std::vector<std::string>{"DeepSeek", "R1", "Liang Wenfeng", "Nvidia"}));
}

TEST(facts, latin_names_in_english_text_skip_ordinary_sentence_openers) {
    auto names = extract_latin_names(
        "The lab stunned the world. DeepSeek’s founder met Li Qiang in Beijing. However, Bank of America "
        "disagreed.");
    EXPECT_EQ(names, (std::vector<std::string>{"DeepSeek", "Li Qiang", "Beijing", "Bank of America"}));
}

}  // namespace
