// Instruction parsing: what users write (English and Arabic) and the spec precis resolves it to.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "precis/error.h"
#include "precis/spec.h"

namespace {

// Every phrasing is resolved against the same source: an English article of 5,000 words. Expected ranges
// follow DESIGN.md (Counting): "N words"/"about N" → N ± 2% rounded inwards; "at most N" → [0.9N, N];
// "at least N" → [N, 1.1N]; "between A and B" → [A, B]; the target is the middle. Without a length the
// default is a fifth of the source clamped to [100, 600] (here 600), at least 50 words per asked paragraph;
// without a paragraph count, one per ~120 words, 1–8.
struct phrasing {
    const char *text;
    std::size_t words, min_words, max_words, paragraphs;
    const char *language;
};

const std::vector<phrasing> phrasings = {
    // English: plain counts and number words
    {"Summarize this content to 2000 words in 6 paragraphs in Arabic", 2000, 1960, 2040, 6, "ar"},
    {"about 500 words", 500, 490, 510, 4, "en"},
    {"approximately 300 words, 3 paragraphs", 300, 294, 306, 3, "en"},
    {"around 1000 words in five paragraphs", 1000, 980, 1020, 5, "en"},
    {"Keep it to roughly 250 words.", 250, 245, 255, 2, "en"},
    {"~400 words in 4 paragraphs", 400, 392, 408, 4, "en"},
    {"two thousand words in six paragraphs", 2000, 1960, 2040, 6, "en"},
    {"one hundred and fifty words", 150, 147, 153, 1, "en"},
    {"six paragraphs, twenty-five hundred words", 2500, 2450, 2550, 6, "en"},
    {"2k words in 8 paragraphs", 2000, 1960, 2040, 8, "en"},
    {"Summarize to approximately 1,200 words in 10 paragraphs", 1200, 1176, 1224, 10, "en"},
    {"a 500-word summary in three paragraphs, in French", 500, 490, 510, 3, "fr"},
    {"a three-paragraph summary of 450 words", 450, 441, 459, 3, "en"},
    {"a 1,000-word piece in 4 paragraphs in German", 1000, 980, 1020, 4, "de"},
    {"200 words in 4 paras", 200, 196, 204, 4, "en"},
    {"Write it in 6 paragraphs", 600, 588, 612, 6, "en"},
    {"Condense this into a dozen paragraphs", 600, 588, 612, 12, "en"},
    {"a single paragraph of about 120 words", 120, 118, 122, 1, "en"},
    {"one paragraph, 100 words", 100, 98, 102, 1, "en"},
    {"Summarize this in a paragraph", 600, 588, 612, 1, "en"},
    {"word count: 800", 800, 784, 816, 7, "en"},
    {"words: 300, paragraphs: 2", 300, 294, 306, 2, "en"},
    {"Summarize this article.", 600, 588, 612, 5, "en"},
    // English: bounds
    {"no more than 200 words", 190, 180, 200, 2, "en"},
    {"at most 500 words in 2 paragraphs", 475, 450, 500, 2, "en"},
    {"up to 1000 words", 950, 900, 1000, 8, "en"},
    {"maximum 300 words", 285, 270, 300, 2, "en"},
    {"a maximum of 250 words", 238, 225, 250, 2, "en"},
    {"Summarize in under 150 words in one paragraph", 143, 135, 150, 1, "en"},
    {"Summarize in no more than three hundred words", 285, 270, 300, 2, "en"},
    {"500 words or less", 475, 450, 500, 4, "en"},
    {"300 words max, 2 paragraphs", 285, 270, 300, 2, "en"},
    {"at least 800 words", 840, 800, 880, 7, "en"},
    {"minimum 400 words in 3 paragraphs", 420, 400, 440, 3, "en"},
    {"no fewer than 600 words", 630, 600, 660, 5, "en"},
    {"more than 100 words", 105, 100, 110, 1, "en"},
    {"a summary of at least 1000 words", 1050, 1000, 1100, 8, "en"},
    {"between 300 and 500 words", 400, 300, 500, 3, "en"},
    {"between two hundred and three hundred words", 250, 200, 300, 2, "en"},
    {"from 200 to 300 words", 250, 200, 300, 2, "en"},
    {"1,500-2,000 words in 6 paragraphs", 1750, 1500, 2000, 6, "en"},
    {"1500 to 2000 words", 1750, 1500, 2000, 8, "en"},
    {"100 words per paragraph in 3 paragraphs", 300, 294, 306, 3, "en"},
    // English: tolerance
    {"500 words ±5%", 500, 475, 525, 4, "en"},
    {"500 words +/- 10%", 500, 450, 550, 4, "en"},
    {"about 1000 words within 5%", 1000, 950, 1050, 8, "en"},
    // Languages
    {"in Arabic, 300 words", 300, 294, 306, 3, "ar"},
    {"into French in 2 paragraphs of about 200 words", 200, 196, 204, 2, "fr"},
    {"to Arabic, 250 words", 250, 245, 255, 2, "ar"},
    {"translated to Spanish, at most 400 words", 380, 360, 400, 3, "es"},
    {"en français, 300 mots", 300, 294, 306, 3, "fr"},
    {"auf Deutsch, 5 Absätze, 500 Wörter", 500, 490, 510, 5, "de"},
    {"lang: ar, 400 words", 400, 392, 408, 3, "ar"},
    {"language=fr 150 words", 150, 147, 153, 1, "fr"},
    {"in Modern Standard Arabic, 300 words", 300, 294, 306, 3, "ar"},
    {"Write an Arabic summary of 200 words", 200, 196, 204, 2, "ar"},
    {"600 characters in Chinese", 600, 588, 612, 5, "zh"},
    {"600字, lang: zh", 600, 588, 612, 5, "zh"},
    // Arabic
    {"لخص هذا المحتوى في 2000 كلمة في 6 فقرات باللغة العربية", 2000, 1960, 2040, 6, "ar"},
    {"ست فقرات", 600, 588, 612, 6, "en"},
    {"اكتب ملخصا في ستة فقرات", 600, 588, 612, 6, "en"},
    {"خمس فقرات، حوالي 500 كلمة", 500, 490, 510, 5, "en"},
    {"لخص النص في فقرتين", 600, 588, 612, 2, "en"},
    {"في فقرة واحدة بالعربية", 600, 588, 612, 1, "ar"},
    {"ألفي كلمة", 2000, 1960, 2040, 8, "en"},
    {"ثلاثمائة كلمة في فقرتين", 300, 294, 306, 2, "en"},
    {"ألف وخمسمائة كلمة", 1500, 1470, 1530, 8, "en"},
    {"خمسة وعشرون كلمة", 25, 25, 25, 1, "en"},
    {"ثلاثة آلاف كلمة في عشر فقرات", 3000, 2940, 3060, 10, "en"},
    {"مئتي كلمة", 200, 196, 204, 2, "en"},
    {"حوالي 400 كلمة", 400, 392, 408, 3, "en"},
    {"تقريبا 700 كلمة", 700, 686, 714, 6, "en"},
    {"700 كلمة تقريبًا", 700, 686, 714, 6, "en"},
    {"لا يزيد عن 300 كلمة", 285, 270, 300, 2, "en"},
    {"300 كلمة على الأكثر", 285, 270, 300, 2, "en"},
    {"لا يقل عن 500 كلمة", 525, 500, 550, 4, "en"},
    {"500 كلمة على الأقل", 525, 500, 550, 4, "en"},
    {"بين 300 و 500 كلمة", 400, 300, 500, 3, "en"},
    {"بين 300 و500 كلمة", 400, 300, 500, 3, "en"},
    {"في 6 فقرات", 600, 588, 612, 6, "en"},
    {"٥٠٠ كلمة في ٣ فقرات", 500, 490, 510, 3, "en"},
    {"أربع فقرات من 100 كلمة لكل فقرة", 400, 392, 408, 4, "en"},
    {"لخص في فقرتين بالفرنسية", 600, 588, 612, 2, "fr"},
    {"ترجم إلى الفرنسية في 3 فقرات", 600, 588, 612, 3, "fr"},
    {"اختصر المقال إلى 250 كلمة بهامش ±10٪", 250, 225, 275, 2, "en"},
    {"اكتب ملخصا لا يتجاوز مئتين وخمسين كلمة", 238, 225, 250, 2, "en"},
    {"اكتب 3 فقرات، كل فقرة 100 كلمة", 300, 294, 306, 3, "en"},
    {"لخص النص التالي في حدود 300 كلمة وبالفرنسية", 300, 294, 306, 3, "fr"},
    // Requirements as a list, clauses joined by "and" or ";"
    {"summarize (500 words, 5 paragraphs, Arabic)", 500, 490, 510, 5, "ar"},
    {"output language: German; 300 words", 300, 294, 306, 3, "de"},
    {"Keep it under 2,500 words and split it into seven paragraphs", 2375, 2250, 2500, 7, "en"},
    {"Summarize the text into four paragraphs of roughly 150 words each", 600, 588, 612, 4, "en"},
};

TEST(spec, every_phrasing_in_the_table_resolves_to_its_spec) {
    ASSERT_GE(phrasings.size(), 60u);
    for (const auto &p : phrasings) {
        SCOPED_TRACE(p.text);
        precis::summary_spec spec;
        try {
            spec = precis::resolve_spec(precis::parse_instruction(p.text), {}, "en", 5000);
        } catch (const precis::error &e) {
            ADD_FAILURE() << "threw: " << e.what() << " [" << e.detail << "]";
            continue;
        }
        EXPECT_EQ(spec.words, p.words) << "target words";
        EXPECT_EQ(spec.min_words, p.min_words) << "min words";
        EXPECT_EQ(spec.max_words, p.max_words) << "max words";
        EXPECT_EQ(spec.paragraphs, p.paragraphs) << "paragraphs";
        EXPECT_EQ(spec.language, p.language) << "language";
    }
}

// Nonsense exits 2: a usage error whose detail quotes the phrase that cannot be honoured.
struct nonsense {
    const char *text;
    const char *phrase;  // must appear in error.detail
};

const std::vector<nonsense> nonsense_phrasings = {
    {"Summarize in 0 paragraphs", "0 paragraphs"},
    {"Summarize to 0 words", "0 words"},
    {"Summarize in zero paragraphs", "zero paragraphs"},
    {"Write 20 paragraphs of at most 10 words", "20 paragraphs"},
    {"Summarize in 12 paragraphs and 5 words", "5 words"},
    {"Summarize this in a billion words", "a billion words"},
    {"Summarize in 200000 words", "200000 words"},
    {"Summarize this in Klingon", "Klingon"},
    {"Translate into Klingon.", "Klingon"},
    {"language: Elvish", "Elvish"},
    {"Summarize in -5 words", "-5 words"},
    {"Summarize in 2.5 paragraphs", "2.5 paragraphs"},
    {"500 words ±80%", "±80%"},
    {"لخص في 0 فقرات", "0 فقرات"},
    {"لخص في صفر فقرات", "صفر فقرات"},
    {"اكتب مليار كلمة", "مليار كلمة"},
    {"لخص النص باللغة الكلينغونية", "الكلينغونية"},
};

TEST(spec, nonsense_requests_are_usage_errors_naming_the_phrase) {
    ASSERT_GE(nonsense_phrasings.size(), 10u);
    for (const auto &n : nonsense_phrasings) {
        SCOPED_TRACE(n.text);
        try {
            const auto parsed = precis::parse_instruction(n.text);
            (void)precis::resolve_spec(parsed, {}, "en", 5000);
            ADD_FAILURE() << "accepted a request that cannot be honoured";
        } catch (const precis::error &e) {
            EXPECT_EQ(e.code, precis::errc::usage);
            EXPECT_NE(e.detail.find(n.phrase), std::string::npos) << "detail: " << e.detail;
            EXPECT_NE(std::string(e.what()).find(n.phrase), std::string::npos) << "message: " << e.what();
        }
    }
}

TEST(spec, zero_paragraph_message_says_what_to_do) {
    try {
        (void)precis::parse_instruction("Summarize in 0 paragraphs");
        FAIL() << "0 paragraphs accepted";
    } catch (const precis::error &e) {
        EXPECT_STREQ(e.what(), "cannot summarize into 0 paragraphs (\"in 0 paragraphs\"): ask for at least 1");
        EXPECT_EQ(e.detail, "in 0 paragraphs");
    }
}

TEST(spec, phrases_after_in_that_are_not_languages_are_not_rejected) {
    for (const char *text : {"Summarize in 6 paragraphs", "Summarize in the style of Hemingway",
                             "Explain it in plain words", "Summarize in Markdown", "in simple terms, 200 words",
                             "Summarize this report in Bullet Points", "Summarize news in brief."}) {
        SCOPED_TRACE(text);
        EXPECT_NO_THROW((void)precis::parse_instruction(text));
        EXPECT_FALSE(precis::parse_instruction(text).language.has_value()) << "no language was asked for";
    }
}

TEST(spec, text_that_asks_for_nothing_parses_to_an_empty_instruction) {
    const auto parsed = precis::parse_instruction("  Please make it readable.  ");
    EXPECT_FALSE(parsed.words);
    EXPECT_FALSE(parsed.paragraphs);
    EXPECT_FALSE(parsed.language);
    EXPECT_FALSE(parsed.tolerance);
    EXPECT_EQ(parsed.text, "Please make it readable.");
}

TEST(spec, parsed_instruction_keeps_the_bound_as_stated) {
    const auto between = precis::parse_instruction("between 300 and 500 words");
    EXPECT_EQ(between.bound, precis::length_bound::between);
    EXPECT_EQ(between.words, 300u);
    EXPECT_EQ(between.words_high, 500u);
    EXPECT_EQ(precis::parse_instruction("at most 200 words").bound, precis::length_bound::at_most);
    EXPECT_EQ(precis::parse_instruction("لا يقل عن 200 كلمة").bound, precis::length_bound::at_least);
    const auto tol = precis::parse_instruction("400 words, within 5%");
    ASSERT_TRUE(tol.tolerance.has_value());
    EXPECT_DOUBLE_EQ(*tol.tolerance, 0.05);
}

TEST(spec, flags_override_the_instruction) {
    const auto parsed = precis::parse_instruction("Summarize to 2000 words in 6 paragraphs in Arabic");
    precis::spec_overrides flags;
    flags.words = 300;
    flags.paragraphs = 3;
    flags.language = "fr";
    flags.tolerance = 0.1;
    const auto spec = precis::resolve_spec(parsed, flags, "en", 5000);
    EXPECT_EQ(spec.words, 300u);
    EXPECT_EQ(spec.min_words, 270u);
    EXPECT_EQ(spec.max_words, 330u);
    EXPECT_EQ(spec.paragraphs, 3u);
    EXPECT_EQ(spec.language, "fr");
    EXPECT_DOUBLE_EQ(spec.tolerance, 0.1);
}

TEST(spec, defaults_follow_the_source) {
    const auto small = precis::resolve_spec({}, {}, "ar", 300);
    EXPECT_EQ(small.language, "ar") << "the source's language is the default";
    EXPECT_EQ(small.words, 100u) << "a fifth of the source, at least 100";
    EXPECT_EQ(small.paragraphs, 1u);
    const auto big = precis::resolve_spec({}, {}, "en", 100000);
    EXPECT_EQ(big.words, 600u) << "a fifth of the source, at most 600";
    EXPECT_EQ(big.paragraphs, 5u);
    const auto tiny = precis::resolve_spec({}, {}, "en", 40);
    EXPECT_LE(tiny.max_words, 40u) << "never longer than the source";
}

TEST(spec, characters_are_words_for_chinese_and_converted_for_other_languages) {
    const auto parsed = precis::parse_instruction("600 characters");
    EXPECT_TRUE(parsed.length_in_characters);
    EXPECT_EQ(precis::resolve_spec(parsed, {}, "zh", 5000).words, 600u);
    const auto en = precis::resolve_spec(parsed, {}, "en", 5000);
    EXPECT_EQ(en.words, 100u) << "about six characters per word with its space";
}

TEST(spec, resolve_rejects_flags_that_cannot_be_met) {
    const precis::parsed_instruction none;
    auto usage = [&](precis::spec_overrides flags) {
        try {
            (void)precis::resolve_spec(none, flags, "en", 5000);
            return false;
        } catch (const precis::error &e) {
            return e.code == precis::errc::usage;
        }
    };
    precis::spec_overrides zero_words;
    zero_words.words = 0;
    EXPECT_TRUE(usage(zero_words)) << "--words 0";
    precis::spec_overrides zero_paragraphs;
    zero_paragraphs.paragraphs = 0;
    EXPECT_TRUE(usage(zero_paragraphs)) << "--paragraphs 0";
    precis::spec_overrides crowded;
    crowded.words = 10;
    crowded.paragraphs = 20;
    EXPECT_TRUE(usage(crowded)) << "more paragraphs than words";
    precis::spec_overrides huge;
    huge.words = precis::max_target_words + 1;
    EXPECT_TRUE(usage(huge)) << "above max_target_words";
    precis::spec_overrides klingon;
    klingon.language = "tlh";
    EXPECT_TRUE(usage(klingon)) << "unknown language code";
    precis::spec_overrides loose;
    loose.tolerance = 0.9;
    EXPECT_TRUE(usage(loose)) << "tolerance above 50%";
}

}  // namespace
