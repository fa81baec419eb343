// generate_summary on random-weight tiny models with the real qwen2 (byte-level BPE) and llama (SentencePiece)
// tokenizers: whatever the model wants to write, the result has the requested shape, length and script.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <vector>

#include "model/fixture_article.h"
#include "model/tiny_models.h"
#include "precis/engine.h"
#include "precis/error.h"
#include "precis/facts.h"
#include "precis/language.h"
#include "precis/words.h"

namespace {

using precis::test::vocab;

struct run_case {
    vocab v;
    std::size_t words;
    std::size_t paragraphs;
    std::string language;
    std::uint32_t seed;
};

std::string case_name(const testing::TestParamInfo<run_case> &info) {
    const auto &c = info.param;
    return std::string(c.v == vocab::qwen2 ? "qwen2" : "spm") + "_" + std::to_string(c.words) + "w_" +
           std::to_string(c.paragraphs) + "p_" + c.language + "_seed" + std::to_string(c.seed);
}

std::shared_ptr<precis::model> load(vocab v, const precis::test::model_options &o = {}) {
    std::string err;
    const std::string path = precis::test::tiny_model(v, o, &err);
    EXPECT_FALSE(path.empty()) << err;
    if (path.empty()) return nullptr;
    return precis::load_model({.model_path = path, .threads = 1});
}

// Removes every occurrence of the source's Latin-script names, longest first, so what remains must be
// entirely in the target script.
std::string without_names(std::string text, const std::string &source) {
    auto names = precis::extract_latin_names(source);
    std::sort(names.begin(), names.end(), [](auto &a, auto &b) { return a.size() > b.size(); });
    for (const auto &n : names)
        for (std::size_t at; !n.empty() && (at = text.find(n)) != std::string::npos;) text.replace(at, n.size(), " ");
    return text;
}

class summary_shape : public testing::TestWithParam<run_case> {};

TEST_P(summary_shape, paragraphs_length_and_script_are_exact_for_random_model) {
    const auto &c = GetParam();
    auto m = load(c.v);
    ASSERT_TRUE(m);
    const auto source = precis::test::article_analysis();
    const auto spec = precis::test::make_spec(c.words, c.paragraphs, c.language);
    const auto plan = precis::test::make_even_plan(source, spec);
    std::size_t paragraph_calls = 0, token_calls = 0;
    precis::generation_callbacks cb;
    cb.on_paragraph = [&](std::size_t i, std::string_view) { EXPECT_EQ(i, paragraph_calls++); };
    cb.on_token = [&](const precis::generation_progress &) { ++token_calls; };
    const auto r = precis::generate_summary(*m, source, spec, plan, {.seed = c.seed}, cb);

    ASSERT_EQ(r.paragraphs.size(), c.paragraphs) << "paragraph count";
    EXPECT_EQ(paragraph_calls, c.paragraphs) << "on_paragraph once per paragraph";
    EXPECT_EQ(token_calls, r.generated_tokens) << "on_token once per token";
    const std::string joined = precis::join_paragraphs(r.paragraphs);
    EXPECT_EQ(precis::split_paragraphs(joined).size(), c.paragraphs) << "paragraphs survive joining:\n" << joined;
    const std::size_t total = precis::count_words(joined);
    EXPECT_GE(static_cast<double>(total), 0.99 * static_cast<double>(c.words)) << joined;
    EXPECT_LE(static_cast<double>(total), 1.01 * static_cast<double>(c.words)) << joined;
    for (std::size_t i = 0; i < r.paragraphs.size(); ++i) {
        const std::size_t w = precis::count_words(r.paragraphs[i]);
        EXPECT_GE(2 * w, plan.paragraphs[i].words) << "paragraph " << i << " under half its budget: " << r.paragraphs[i];
        EXPECT_EQ(r.paragraphs[i].find('\n'), std::string::npos) << "newline inside paragraph " << i;
    }
    const auto *lang = precis::find_language(c.language);
    ASSERT_NE(lang, nullptr);
    EXPECT_DOUBLE_EQ(precis::script_share(without_names(joined, source.text), lang->letters), 1.0)
        << "letters outside " << precis::script_name(lang->letters) << ":\n" << joined;
    for (const char *special : {"<|", "|>", "[INST]", "[/INST]", "<s>", "</s>", "<<SYS>>", "[PAD"})
        EXPECT_EQ(joined.find(special), std::string::npos) << "special-token text " << special << " in:\n" << joined;
    EXPECT_GT(r.prompt_tokens, 0u);
    EXPECT_FALSE(r.source_reduced);
    EXPECT_EQ(r.source_sentences_used, source.sentences.size());
}

INSTANTIATE_TEST_SUITE_P(
    tokenizers, summary_shape,
    testing::Values(run_case{vocab::qwen2, 150, 1, "en", 1}, run_case{vocab::llama_spm, 150, 1, "en", 2},
                    run_case{vocab::qwen2, 500, 3, "fr", 3}, run_case{vocab::llama_spm, 500, 3, "fr", 4},
                    run_case{vocab::qwen2, 800, 4, "ru", 5}, run_case{vocab::llama_spm, 800, 4, "ru", 6},
                    run_case{vocab::qwen2, 600, 3, "zh", 7}, run_case{vocab::qwen2, 2000, 6, "ar", 8},
                    run_case{vocab::qwen2, 2000, 6, "ar", 9}, run_case{vocab::qwen2, 3000, 8, "ar", 10}),
    case_name);

}  // namespace
