// The seed page (../shared/data/seed): a published page whose pipeline leaked its prompt and footer.
// `precis analyze` must read the instruction off its first line, count the English article exactly, and
// list the footer lines as removed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "precis/analyze.h"
#include "support/process.h"

namespace {

const std::string seed_path = std::string(PRECIS_DATA_DIR) + "/seed/000_2310dcb826e5e938.txt";

// Hand count of the article's words (instruction and footer excluded): the article is 1,007
// whitespace-separated tokens (NBSP counts as a space), of which four are bare punctuation — one "—" and
// three stray "." — and so are not words under DESIGN.md's rule.
constexpr std::size_t seed_article_words = 1003;

std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class seed : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(seed_path)) GTEST_SKIP() << "seed page not found at " << seed_path;
    }
};

TEST_F(seed, analyze_json_gives_the_instruction_spec_and_an_english_source) {
    auto r = precis::test::run_precis("analyze " + precis::test::shell_quote(seed_path) + " --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j["spec"].is_object()) << r.out;
    EXPECT_EQ(j["spec"]["words"], 2000);
    EXPECT_EQ(j["spec"]["paragraphs"], 6);
    EXPECT_EQ(j["spec"]["language"], "ar");
    EXPECT_EQ(j["source"]["language"], "en");
    EXPECT_EQ(j["source"]["words"], seed_article_words) << "the article's word count differs from the hand count";
    EXPECT_EQ(j["instruction"], "Summarize this content to 2000 words in 6 paragraphs in Arabic");
}

TEST_F(seed, footer_lines_are_listed_as_removed_and_absent_from_the_content) {
    precis::source_analysis a = precis::analyze(read_file(seed_path));
    const char *footer[] = {"شاركها", "جميع الحقوق محفوظة", "Exit mobile version"};
    for (const char *line : footer) {
        EXPECT_EQ(a.text.find(line), std::string::npos) << "footer text left in the content: " << line;
        bool listed = false;
        for (const auto &r : a.removed) listed = listed || r.text.find(line) != std::string::npos;
        EXPECT_TRUE(listed) << "footer text not listed under removed: " << line;
    }
    EXPECT_EQ(a.text.find("Summarize this content"), std::string::npos) << "the instruction stayed in the content";
    // The article's last sentence is article text and must survive.
    EXPECT_NE(a.text.find("Additional reporting by Wenjie Ding in Beijing"), std::string::npos);
    EXPECT_EQ(a.words, seed_article_words);
}

}  // namespace
