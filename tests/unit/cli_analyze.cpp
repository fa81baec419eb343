// `precis analyze` as a user runs it: good input, and every kind of bad input gets a clear message,
// exit code 2 and nothing on stdout.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "support/process.h"

using precis::test::run_precis;
using precis::test::shell_quote;
using precis::test::write_temp_file;

namespace {

const std::string article =
    "Summarize this text in 2 paragraphs, about 60 words, in French\n\n"
    "The town council of Brennick voted on Monday to close the old river bridge to cars from next spring. "
    "Engineers found that two of its five arches had shifted by 4 centimetres since 2019.\n\n"
    "Cyclists and pedestrians will still be able to cross. A temporary bridge for buses is planned, and "
    "the council expects repairs to cost about 3.5 million pounds.\n";

TEST(cli_analyze, reads_the_instruction_at_the_top_of_the_input) {
    auto path = write_temp_file("analyze-article.txt", article);
    auto r = run_precis("analyze " + shell_quote(path) + " --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["spec"]["paragraphs"], 2);
    EXPECT_EQ(j["spec"]["words"], 60);
    EXPECT_EQ(j["spec"]["language"], "fr");
    EXPECT_EQ(j["source"]["language"], "en");
    EXPECT_GE(j["source"]["sentences"].get<int>(), 4);
}

TEST(cli_analyze, flags_override_the_instruction) {
    auto path = write_temp_file("analyze-article2.txt", article);
    auto r = run_precis("analyze " + shell_quote(path) + " --words 40 --paragraphs 1 --lang ar");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["spec"]["words"], 40);
    EXPECT_EQ(j["spec"]["paragraphs"], 1);
    EXPECT_EQ(j["spec"]["language"], "ar");
}

TEST(cli_analyze, reads_standard_input) {
    auto path = write_temp_file("analyze-stdin.txt", article);
    auto r = run_precis("analyze - --format json", path);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["spec"]["paragraphs"], 2);
}

TEST(cli_analyze, invalid_utf8_is_refused_with_the_byte_offset) {
    auto path = write_temp_file("bad-utf8.txt", std::string("Good text here.\nBad \xC3\x28 byte."));
    auto r = run_precis("analyze " + shell_quote(path));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty()) << "nothing may be written on error";
    EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("20"), std::string::npos) << "the message should give byte offset 20: " << r.err;
}

TEST(cli_analyze, empty_input_is_refused) {
    auto path = write_temp_file("empty.txt", "");
    auto r = run_precis("analyze " + shell_quote(path));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
}

TEST(cli_analyze, binary_input_is_refused) {
    std::string bytes;
    for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7919) & 0xFF);
    auto path = write_temp_file("binary.bin", bytes);
    auto r = run_precis("analyze " + shell_quote(path));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_FALSE(r.err.empty());
}

TEST(cli_analyze, a_200_megabyte_input_is_refused_without_reading_it) {
    std::string path = std::string(PRECIS_TEST_TMP) + "/huge.txt";
    std::filesystem::create_directories(PRECIS_TEST_TMP);
    {
        std::ofstream f(path, std::ios::binary);
        f << "Summarize this. ";
    }
    std::filesystem::resize_file(path, 200u << 20);  // sparse: no 200 MB written to disk
    auto r = run_precis("analyze " + shell_quote(path));
    std::filesystem::remove(path);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("MiB"), std::string::npos) << r.err;
}

TEST(cli_analyze, missing_file_and_directory_are_usage_errors) {
    auto r = run_precis("analyze /nonexistent/article.txt");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("/nonexistent/article.txt"), std::string::npos) << r.err;
    r = run_precis("analyze " + shell_quote(PRECIS_TEST_TMP));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("directory"), std::string::npos) << r.err;
}

TEST(cli_analyze, an_impossible_instruction_names_the_phrase) {
    auto path = write_temp_file("analyze-article3.txt", article);
    auto r = run_precis("analyze " + shell_quote(path) + " --instruction 'Summarize in Klingon'");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("Klingon"), std::string::npos) << r.err;
    r = run_precis("analyze " + shell_quote(path) + " --instruction 'Summarize in 0 paragraphs'");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("0 paragraphs"), std::string::npos) << r.err;
}

TEST(cli_analyze, unknown_flag_exits_2) {
    auto r = run_precis("analyze --no-such-flag");
    EXPECT_EQ(r.exit_code, 2);
}

TEST(cli_analyze, help_exits_0_and_teaches) {
    auto r = run_precis("summarize --help");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("--paragraphs"), std::string::npos);
    EXPECT_NE(r.out.find("--model"), std::string::npos);
}

}  // namespace
