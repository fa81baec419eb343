// `precis summarize` without a model, as a user runs it: what it says when the instruction's numbers could not
// be read, and that it says nothing when they could.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/process.h"

using precis::test::run_precis;
using precis::test::shell_quote;
using precis::test::write_temp_file;

namespace {

const std::string article =
    "The library in the old market hall reopened on Saturday after a year of repairs to its roof and windows. "
    "Volunteers moved 12,000 books back onto the shelves in three weekends.\n\n"
    "The reading room now stays open until nine in the evening, and a children's corner has been added "
    "beside the entrance. The town paid for half of the work and a local bakery paid for the rest.\n";

TEST(cli_summarize_spec, an_instruction_whose_numbers_are_not_understood_gets_a_warning_naming_them) {
    const auto path = write_temp_file("summarize-spec-article.txt", article);
    const auto r = run_precis("summarize " + shell_quote(path) +
                              " --instruction 'Fasse den Text in 30 Wörtern und 2 Absätzen zusammen' --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("mentions 30, 2"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--words and --paragraphs"), std::string::npos) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    bool named = false;
    for (const auto &w : j["warnings"]) named = named || w.get<std::string>().find("mentions 30, 2") != std::string::npos;
    EXPECT_TRUE(named) << j["warnings"].dump(1);
}

TEST(cli_summarize_spec, an_understood_instruction_or_flags_give_no_such_warning) {
    const auto path = write_temp_file("summarize-spec-article2.txt", article);
    for (const char *how : {"--instruction 'Summarize in 30 words in 2 paragraphs'",
                            "--instruction 'Fasse den Text in 30 Wörtern zusammen' --words 30 --paragraphs 1"}) {
        const auto r = run_precis("summarize " + shell_quote(path) + " " + how);
        ASSERT_EQ(r.exit_code, 0) << how << "\n" << r.err;
        EXPECT_EQ(r.err.find("mentions"), std::string::npos) << how << "\n" << r.err;
    }
}

}  // namespace
