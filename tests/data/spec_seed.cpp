// The seed page: the pipeline's prompt and the article share one line. precis must find the prompt, read it
// as 2000 words in 6 paragraphs in Arabic, and leave the article text, which starts right after it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "precis/spec.h"

namespace {

std::string read_seed() {
    const std::filesystem::path path =
        std::filesystem::path(PRECIS_DATA_DIR) / "seed" / "000_2310dcb826e5e938.txt";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool seed_present() {
    return std::filesystem::exists(std::filesystem::path(PRECIS_DATA_DIR) / "seed" / "000_2310dcb826e5e938.txt");
}

TEST(spec_seed, seed_instruction_ends_where_the_article_begins) {
    if (!seed_present()) GTEST_SKIP() << "seed data not found under " << PRECIS_DATA_DIR;
    const std::string seed = read_seed();
    const auto n = precis::leading_instruction_length(seed);
    ASSERT_TRUE(n.has_value()) << "the seed begins with an instruction";
    EXPECT_EQ(seed.substr(0, *n), "Summarize this content to 2000 words in 6 paragraphs in Arabic");
    const std::string article = seed.substr(*n);
    EXPECT_EQ(article.rfind(" A small Chinese artificial intelligence lab", 0), 0u)
        << "article starts: " << article.substr(0, 60);
}

TEST(spec_seed, seed_instruction_asks_for_2000_arabic_words_in_6_paragraphs) {
    if (!seed_present()) GTEST_SKIP() << "seed data not found under " << PRECIS_DATA_DIR;
    const std::string seed = read_seed();
    const auto n = precis::leading_instruction_length(seed);
    ASSERT_TRUE(n.has_value());
    const auto spec = precis::resolve_spec(precis::parse_instruction(seed.substr(0, *n)), {}, "en", 1000);
    EXPECT_EQ(spec.words, 2000u);
    EXPECT_EQ(spec.min_words, 1960u);
    EXPECT_EQ(spec.max_words, 2040u);
    EXPECT_EQ(spec.paragraphs, 6u);
    EXPECT_EQ(spec.language, "ar");
}

TEST(spec_seed, seed_footer_lines_are_not_an_instruction) {
    if (!seed_present()) GTEST_SKIP() << "seed data not found under " << PRECIS_DATA_DIR;
    const std::string seed = read_seed();
    const auto footer = seed.find("\u0634\u0627\u0631\u0643\u0647\u0627");  // "شاركها"
    ASSERT_NE(footer, std::string::npos);
    EXPECT_FALSE(precis::leading_instruction_length(seed.substr(footer)).has_value());
}

}  // namespace
