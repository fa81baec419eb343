// Normalisation for matching.
#include <gtest/gtest.h>

#include "precis/normalize.h"
#include "precis/words.h"

TEST(normalize, arabic_alef_forms_ta_marbuta_and_alef_maqsura_are_unified) {
    EXPECT_EQ(precis::normalize_arabic("أحمد إلى آخر ٱلكتاب"), "احمد الي اخر الكتاب");
    EXPECT_EQ(precis::normalize_arabic("مدرسة مستشفى"), "مدرسه مستشفي");
    EXPECT_EQ(precis::normalize_arabic("مؤتمر شاطئ"), "موتمر شاطي");
}

TEST(normalize, arabic_diacritics_and_tatweel_are_removed) {
    EXPECT_EQ(precis::normalize_arabic("ذَهَبَ الوَلَدُ إلى المَدْرَسَةِ"), "ذهب الولد الي المدرسه");
    EXPECT_EQ(precis::normalize_arabic("شـــركة"), "شركه");
    EXPECT_EQ(precis::normalize_arabic("هٰذا"), "هذا") << "superscript alef";
    EXPECT_EQ(precis::normalize_arabic("مُحَمَّدٌ"), "محمد") << "shadda and tanween";
}

TEST(normalize, non_arabic_text_passes_through_normalize_arabic_unchanged) {
    const std::string mixed = "Hello WORLD, Straße 2,048 中文 Привет ٣";
    EXPECT_EQ(precis::normalize_arabic(mixed), mixed);
    EXPECT_EQ(precis::normalize_arabic(""), "");
}

TEST(normalize, matching_form_folds_case_and_maps_digits) {
    EXPECT_EQ(precis::normalize_for_matching("DeepSeek H800"), "deepseek h800");
    EXPECT_EQ(precis::normalize_for_matching("Straße ПРИВЕТ"), "strasse привет");
    EXPECT_EQ(precis::normalize_for_matching("٢٠٢٤ و۱۲۳"), "2024 و123");
    EXPECT_EQ(precis::normalize_for_matching("الشَّرِكَة أعلنت"), "الشركه اعلنت");
    EXPECT_EQ(precis::normalize_for_matching("ÉCOLE"), "école");
}

TEST(normalize, matching_form_preserves_word_count) {
    const std::string texts[] = {"Straße und ΣΊΣΥΦΟΣ", "قالَ الوزيرُ إنَّ النموَّ ٣٫٥٪", "AI芯片 H800", "a - b"};
    for (const auto &t : texts)
        EXPECT_EQ(precis::count_words(precis::normalize_for_matching(t)), precis::count_words(t)) << t;
}

TEST(normalize, arabic_digit_values) {
    EXPECT_EQ(precis::arabic_digit_value(U'\u0660'), 0);
    EXPECT_EQ(precis::arabic_digit_value(U'\u0669'), 9);
    EXPECT_EQ(precis::arabic_digit_value(U'\u06F4'), 4);
    EXPECT_EQ(precis::arabic_digit_value(U'4'), -1);
    EXPECT_EQ(precis::arabic_digit_value(U'\u066B'), -1) << "Arabic decimal separator is not a digit";
}
