// `precis summarize … --model` end to end on random-weight tiny models: the acceptance cases of the
// abstractive engine, checked on the CLI's JSON the way a user would (count_words, script_share), plus the
// exit codes of bad models.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "model/fixture_article.h"
#include "model/tiny_models.h"
#include "precis/facts.h"
#include "precis/language.h"
#include "precis/words.h"

namespace {

using precis::test::run_precis;
using precis::test::shell_quote;
using precis::test::vocab;

std::string seed_page() {
    const std::string dir = std::string(PRECIS_DATA_DIR) + "/seed";
    if (!std::filesystem::exists(dir)) return {};
    for (const auto &e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".txt") return e.path().string();
    return {};
}

std::string article_file() {
    std::string text;
    for (const auto &p : precis::test::article_paragraphs) {
        for (const auto &s : p) text += s + " ";
        text += "\n\n";
    }
    return precis::test::write_temp_file("cli-article-" + std::to_string(::getpid()) + ".txt", text);
}

struct cli_case {
    vocab v;
    std::string flags;  // spec flags; empty = the instruction on the seed page
    std::size_t words, paragraphs;
    std::string language;
    std::uint32_t seed;
};

class cli_summary : public testing::TestWithParam<cli_case> {};

TEST_P(cli_summary, json_meets_the_spec_and_checks_pass) {
    const auto &c = GetParam();
    std::string input = c.flags.empty() ? seed_page() : article_file();
    if (input.empty()) GTEST_SKIP() << "no seed page under " << PRECIS_DATA_DIR;
    std::string err;
    const auto model = precis::test::tiny_model(c.v, {}, &err);
    ASSERT_FALSE(model.empty()) << err;
    const auto r = run_precis("summarize " + shell_quote(input) + " " + c.flags + " --model " + shell_quote(model) +
                              " --format json --threads 1 --seed " + std::to_string(c.seed));
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out << r.err;
    const auto paragraphs = j["summary"]["paragraphs"].get<std::vector<std::string>>();
    ASSERT_EQ(paragraphs.size(), c.paragraphs) << r.out;
    const std::string joined = precis::join_paragraphs(paragraphs);
    const double total = static_cast<double>(precis::count_words(joined));
    EXPECT_GE(total, 0.99 * static_cast<double>(c.words)) << joined;
    EXPECT_LE(total, 1.01 * static_cast<double>(c.words)) << joined;
    for (const char *special : {"<|", "|>", "[INST]", "</s>", "<<SYS>>"})
        EXPECT_EQ(joined.find(special), std::string::npos) << special << " in:\n" << joined;
    const auto *lang = precis::find_language(c.language);
    ASSERT_NE(lang, nullptr);
    // Letters outside the target script may only be the source's own Latin-script names.
    std::string rest = joined;
    std::ifstream in(input);
    const std::string source((std::istreambuf_iterator<char>(in)), {});
    auto names = precis::extract_latin_names(source);
    std::sort(names.begin(), names.end(), [](auto &a, auto &b) { return a.size() > b.size(); });
    for (const auto &n : names)
        for (std::size_t at; !n.empty() && (at = rest.find(n)) != std::string::npos;) rest.replace(at, n.size(), " ");
    EXPECT_DOUBLE_EQ(precis::script_share(rest, lang->letters), 1.0) << joined;
    EXPECT_TRUE(j["checks"]["passed"].get<bool>()) << j["checks"].dump(1);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    acceptance, cli_summary,
    testing::Values(cli_case{vocab::qwen2, "", 2000, 6, "ar", 1}, cli_case{vocab::qwen2, "", 2000, 6, "ar", 2},
                    cli_case{vocab::llama_spm, "", 2000, 6, "ar", 3},
                    cli_case{vocab::qwen2, "--words 150 --paragraphs 1 --lang en", 150, 1, "en", 4},
                    cli_case{vocab::llama_spm, "--words 150 --paragraphs 1 --lang en", 150, 1, "en", 5},
                    cli_case{vocab::qwen2, "--words 500 --paragraphs 3 --lang fr", 500, 3, "fr", 6},
                    cli_case{vocab::qwen2, "--words 800 --paragraphs 4 --lang ru", 800, 4, "ru", 7},
                    cli_case{vocab::qwen2, "--words 600 --paragraphs 3 --lang zh", 600, 3, "zh", 8},
                    cli_case{vocab::qwen2, "--words 3000 --paragraphs 8 --lang ar", 3000, 8, "ar", 9}),
    [](const auto &info) { return "case" + std::to_string(info.index); });

TEST(cli_summary, same_seed_gives_identical_json_summary_and_another_seed_differs) {
    std::string err;
    const auto model = precis::test::tiny_model(vocab::qwen2, {}, &err);
    ASSERT_FALSE(model.empty()) << err;
    const std::string input = article_file();
    auto run = [&](int seed) {
        return run_precis("summarize " + shell_quote(input) + " --words 120 --paragraphs 2 --lang ar --model " +
                          shell_quote(model) + " --format text --threads 1 --seed " + std::to_string(seed))
            .out;
    };
    const auto a = run(3);
    EXPECT_FALSE(a.empty());
    EXPECT_EQ(a, run(3));
    EXPECT_NE(a, run(4));
}

// Short targets: 2% of 40 rounds to nothing, so "40 words" is exactly [40, 40]; the last paragraph's window
// must not reach past it (it used to land on 41).
TEST(cli_summary, short_targets_land_inside_the_spec_range_exactly) {
    const auto input = article_file();
    for (const vocab v : {vocab::qwen2, vocab::llama_spm}) {
        std::string err;
        const auto model = precis::test::tiny_model(v, {}, &err);
        ASSERT_FALSE(model.empty()) << err;
        for (const char *flags : {"--words 40 --paragraphs 1 --lang en", "--words 25 --paragraphs 2 --lang ar",
                                  "--instruction 'at most 60 words in 3 paragraphs in Russian'"}) {
            for (int seed : {1, 2}) {
                const auto r = run_precis("summarize " + shell_quote(input) + " " + flags + " --model " +
                                          shell_quote(model) + " --format json --threads 1 --seed " +
                                          std::to_string(seed));
                const auto j = nlohmann::json::parse(r.out, nullptr, false);
                ASSERT_FALSE(j.is_discarded()) << flags << "\n" << r.out << r.err;
                const auto words = precis::count_words(
                    precis::join_paragraphs(j["summary"]["paragraphs"].get<std::vector<std::string>>()));
                EXPECT_GE(words, j["spec"]["min_words"].get<std::size_t>()) << flags << " seed " << seed;
                EXPECT_LE(words, j["spec"]["max_words"].get<std::size_t>()) << flags << " seed " << seed;
                EXPECT_EQ(r.exit_code, 0) << flags << " seed " << seed << "\n" << r.err;
            }
        }
    }
}

TEST(cli_summary, bad_model_files_exit_3_with_a_message_naming_the_file) {
    const std::string input = article_file();
    const std::string text_model = precis::test::write_temp_file("not-a-model.gguf", "plain text\n");
    for (const std::string &model : {std::string("/nonexistent/model.gguf"), text_model}) {
        const auto r = run_precis("summarize " + shell_quote(input) + " --words 100 --paragraphs 1 --lang en --model " +
                                  shell_quote(model));
        EXPECT_EQ(r.exit_code, 3) << r.err;
        EXPECT_NE(r.err.find(model), std::string::npos) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
    }
}

TEST(cli_summary, model_without_chat_template_still_summarizes) {
    std::string err;
    const auto model = precis::test::tiny_model(vocab::qwen2, {.chat_template = false}, &err);
    ASSERT_FALSE(model.empty()) << err;
    const auto r = run_precis("summarize " + shell_quote(article_file()) +
                              " --words 150 --paragraphs 2 --lang en --format json --threads 1 --model " +
                              shell_quote(model));
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    EXPECT_EQ(j["summary"]["paragraphs"].size(), 2u);
}

}  // namespace
