// Finding where an instruction written at the top of the input ends and the article begins.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "precis/spec.h"

namespace {

struct leading_case {
    const char *input;
    const char *instruction;  // nullptr: the input does not begin with an instruction
};

// The instruction part as leading_instruction_length reports it, or nullopt.
std::optional<std::string> instruction_part(const std::string &input) {
    const auto n = precis::leading_instruction_length(input);
    if (!n) return std::nullopt;
    EXPECT_LE(*n, input.size());
    return input.substr(0, *n);
}

const std::vector<leading_case> cases = {
    // The instruction and the article on one line (the seed page's shape).
    {"Summarize this content to 2000 words in 6 paragraphs in Arabic A small lab in the east released a new "
     "model on Monday and explained how it was trained on a modest budget.",
     "Summarize this content to 2000 words in 6 paragraphs in Arabic"},
    {"Summarize to 500 words in 3 paragraphs The market fell 3% on Monday. Traders blamed the weather.",
     "Summarize to 500 words in 3 paragraphs"},
    {"Condense into about 300 words, in French Officials said on Tuesday that the bridge would reopen.",
     "Condense into about 300 words, in French"},
    {"لخص هذا المحتوى في 500 كلمة باللغة العربية أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في "
     "المناطق الريفية.",
     "لخص هذا المحتوى في 500 كلمة باللغة العربية"},
    {"اختصر النص في ثلاث فقرات أعلنت البلدية.", "اختصر النص في ثلاث فقرات"},
    // The instruction on its own line.
    {"Summarize the following article in 3 paragraphs:\n\nThe council met on Monday to discuss the budget.",
     "Summarize the following article in 3 paragraphs:"},
    {"Summarize this article.\nThe council met on Monday to discuss the budget.", "Summarize this article."},
    {"Please summarize this in about 300 words, keeping the key figures.\nThe council met on Monday.",
     "Please summarize this in about 300 words, keeping the key figures."},
    {"Translate to Spanish in 2 paragraphs\nThe council met on Monday.", "Translate to Spanish in 2 paragraphs"},
    {"اكتب ملخصا في فقرتين\nاجتمع المجلس يوم الاثنين.", "اكتب ملخصا في فقرتين"},
    {"Instruction: condense to 200 words\nText: The council met on Monday.",
     "Instruction: condense to 200 words"},
    {"\xEF\xBB\xBF  Summarize in 4 paragraphs: The council met on Monday.",
     "\xEF\xBB\xBF  Summarize in 4 paragraphs:"},
    // Articles that merely start with similar words.
    {"Summary statistics show that prices rose in 6 paragraphs of the report.", nullptr},
    {"In 6 paragraphs the author lays out the case for reform.", nullptr},
    {"Write-in candidates won 3 seats in the election.", nullptr},
    {"The council met on Monday. Summarize in 3 paragraphs.", nullptr},
    {"Give peace a chance, the crowd chanted on Monday as the talks began.", nullptr},
};

TEST(spec_leading, instruction_at_the_top_is_separated_from_the_article) {
    for (const auto &c : cases) {
        SCOPED_TRACE(c.input);
        const auto got = instruction_part(c.input);
        if (!c.instruction) {
            EXPECT_FALSE(got.has_value()) << "read an instruction: [" << got.value_or("") << "]";
            continue;
        }
        ASSERT_TRUE(got.has_value()) << "missed the instruction";
        EXPECT_EQ(*got, c.instruction);
    }
}

TEST(spec_leading, the_found_instruction_parses_to_what_it_asks) {
    const std::string input =
        "Summarize this content to 2000 words in 6 paragraphs in Arabic A small lab in the east released a new "
        "model on Monday and explained how it was trained on a modest budget.";
    const auto n = precis::leading_instruction_length(input);
    ASSERT_TRUE(n.has_value());
    const auto parsed = precis::parse_instruction(input.substr(0, *n));
    EXPECT_EQ(parsed.words, 2000u);
    EXPECT_EQ(parsed.paragraphs, 6u);
    EXPECT_EQ(parsed.language, "ar");
}

TEST(spec_leading, a_nonsense_leading_instruction_is_found_and_then_rejected) {
    const std::string input = "Summarize in 0 paragraphs\nThe council met on Monday.";
    const auto n = precis::leading_instruction_length(input);
    ASSERT_TRUE(n.has_value()) << "finding the instruction must not judge it";
    EXPECT_THROW((void)precis::parse_instruction(input.substr(0, *n)), std::exception);
}

TEST(spec_leading, empty_and_blank_inputs_have_no_instruction) {
    EXPECT_FALSE(precis::leading_instruction_length(""));
    EXPECT_FALSE(precis::leading_instruction_length("   \n\n  "));
}

}  // namespace
