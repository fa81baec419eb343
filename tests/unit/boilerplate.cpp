// is_boilerplate: share, copyright, navigation and footer lines in Arabic and English, and the article
// sentences that merely mention such words, which must stay.
#include <gtest/gtest.h>

#include <string>

#include "precis/ingest.h"

namespace {

std::string reason_of(std::string_view line) {
    std::string reason;
    return precis::is_boilerplate(line, &reason) ? reason : std::string("none");
}

TEST(boilerplate, share_lines_are_recognised_in_arabic_and_english) {
    for (const char *line : {"شاركها.", "Share this:", "Share on Facebook", "Tweet", "WhatsApp",
                             "Facebook Twitter WhatsApp Email", "شارك على فيسبوك", "Share this article"})
        EXPECT_EQ(reason_of(line), "share") << line;
}

TEST(boilerplate, copyright_notices_are_recognised) {
    for (const char *line : {"© 2025 خليجي 247. جميع الحقوق محفوظة.", "All rights reserved", "جميع الحقوق محفوظة",
                             "Copyright 2024 The Daily Example Ltd", "Copyright © Example Media Group",
                             "(c) 2023 Example Inc. All rights reserved.", "كل الحقوق محفوظة لموقع المثال 2024"})
        EXPECT_EQ(reason_of(line), "copyright") << line;
}

TEST(boilerplate, navigation_lines_are_recognised) {
    for (const char *line : {"Exit mobile version", "Skip to content", "Read more", "اقرأ أيضا", "اقرأ أيضاً:",
                             "Back to top", "Subscribe to our newsletter", "Follow us on Twitter",
                             "Related articles", "Advertisement", "إعلان", "Click here", "الأكثر قراءة",
                             "Read more: A headline about another story", "اقرأ أيضا: عنوان خبر آخر في الموقع"})
        EXPECT_EQ(reason_of(line), "navigation") << line;
}

TEST(boilerplate, footer_links_are_recognised) {
    for (const char *line : {"Privacy Policy | Terms of Use | Contact Us", "سياسة الخصوصية", "About us"})
        EXPECT_EQ(reason_of(line), "footer") << line;
}

TEST(boilerplate, article_sentences_that_mention_the_words_stay) {
    for (const char *line :
         {"The court ruled that the copyright law applies to software written before 1990.",
          "The company's share price fell 4% after the results.",
          "She shared the video on Facebook, where it was viewed two million times.",
          "He said in a tweet that the talks would resume on Monday.",
          "Click", "Copyright", "The minister said all rights reserved for the state would be reviewed next year.",
          "أعلنت الشركة أن سعر السهم ارتفع بنسبة خمسة في المئة بعد إعلان النتائج.",
          "Readers can follow the hearing live from 9am on the court's website, the spokesman added."})
        EXPECT_EQ(reason_of(line), "none") << line;
}

TEST(boilerplate, long_lines_are_never_boilerplate) {
    std::string line = "Share on Facebook";
    for (int i = 0; i < 40; ++i) line += " and the committee met again";
    EXPECT_FALSE(precis::is_boilerplate(line));
}

TEST(boilerplate, empty_and_punctuation_lines_are_not_boilerplate) {
    EXPECT_FALSE(precis::is_boilerplate(""));
    EXPECT_FALSE(precis::is_boilerplate("* * *"));
    EXPECT_FALSE(precis::is_boilerplate("2024"));
}

TEST(boilerplate, reason_pointer_may_be_null) {
    EXPECT_TRUE(precis::is_boilerplate("Exit mobile version", nullptr));
}

}  // namespace
