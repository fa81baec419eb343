// What a caller of generate_summary relies on beyond the shape of one summary: reproducibility by seed, the
// fallback for models without a chat template, reduction of sources that do not fit, clear errors for what
// cannot be done, and cancellation.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "model/fixture_article.h"
#include "model/tiny_models.h"
#include "precis/engine.h"
#include "precis/error.h"
#include "precis/words.h"

namespace {

using precis::test::vocab;

std::shared_ptr<precis::model> load(vocab v, const precis::test::model_options &o = {}, std::size_t context = 0) {
    std::string err;
    const std::string path = precis::test::tiny_model(v, o, &err);
    EXPECT_FALSE(path.empty()) << err;
    if (path.empty()) return nullptr;
    return precis::load_model({.model_path = path, .threads = 1, .context = context});
}

std::string summarize(precis::model &m, std::uint32_t seed, std::size_t words = 120, std::size_t paragraphs = 2,
                      const std::string &lang = "ar") {
    const auto source = precis::test::article_analysis();
    const auto spec = precis::test::make_spec(words, paragraphs, lang);
    const auto plan = precis::test::make_even_plan(source, spec);
    return precis::join_paragraphs(precis::generate_summary(m, source, spec, plan, {.seed = seed}, {}).paragraphs);
}

precis::errc error_code_of(const std::function<void()> &f) {
    try {
        f();
    } catch (const precis::error &e) {
        return e.code;
    }
    ADD_FAILURE() << "no precis::error was thrown";
    return precis::errc::internal;
}

class seeds : public testing::TestWithParam<vocab> {};

TEST_P(seeds, same_seed_gives_byte_identical_output_and_another_seed_differs) {
    auto m = load(GetParam());
    ASSERT_TRUE(m);
    const std::string a = summarize(*m, 7), b = summarize(*m, 7), c = summarize(*m, 8);
    EXPECT_EQ(a, b) << "seed 7 twice gave different text";
    EXPECT_NE(a, c) << "seeds 7 and 8 gave the same text";
    // A second model object on the same file behaves the same (no hidden state in the process).
    auto m2 = load(GetParam());
    ASSERT_TRUE(m2);
    EXPECT_EQ(a, summarize(*m2, 7));
}

INSTANTIATE_TEST_SUITE_P(tokenizers, seeds, testing::Values(vocab::qwen2, vocab::llama_spm),
                         [](const auto &info) { return info.param == vocab::qwen2 ? "qwen2" : "spm"; });

TEST(engine, model_without_chat_template_still_gets_an_exact_summary) {
    auto m = load(vocab::qwen2, {.seed = 3, .chat_template = false});
    ASSERT_TRUE(m);
    const std::string text = summarize(*m, 1, 200, 2, "en");
    EXPECT_EQ(precis::split_paragraphs(text).size(), 2u) << text;
    const auto words = precis::count_words(text);
    EXPECT_GE(words, 198u) << text;
    EXPECT_LE(words, 202u) << text;
}

TEST(engine, source_longer_than_the_context_is_reduced_and_reported) {
    auto m = load(vocab::qwen2, {}, 1200);
    ASSERT_TRUE(m);
    auto source = precis::test::article_analysis();
    // Six copies of the article: far more than the ~600 tokens left for the prompt next to 100 words.
    const auto one = source;
    for (int i = 0; i < 5; ++i) {
        for (auto s : one.sentences) {
            s.paragraph += source.paragraphs.size();
            source.sentences.push_back(s);
        }
        source.paragraphs.insert(source.paragraphs.end(), one.paragraphs.begin(), one.paragraphs.end());
        source.text += "\n\n" + one.text;
    }
    const auto spec = precis::test::make_spec(100, 1, "en");
    auto plan = precis::test::make_even_plan(source, spec);
    plan.paragraphs[0].sentences = {0, 1, 2};
    const auto r = precis::generate_summary(*m, source, spec, plan, {.seed = 5}, {});
    EXPECT_TRUE(r.source_reduced);
    EXPECT_EQ(r.source_sentences, source.sentences.size());
    EXPECT_GE(r.source_sentences_used, 3u) << "the plan's sentences are kept first";
    EXPECT_LT(r.source_sentences_used, source.sentences.size());
    EXPECT_LE(r.prompt_tokens + 100, 1200u);
    ASSERT_EQ(r.paragraphs.size(), 1u);
    const auto words = precis::count_words(r.paragraphs[0]);
    EXPECT_GE(words, 99u) << r.paragraphs[0];
    EXPECT_LE(words, 101u) << r.paragraphs[0];
}

TEST(engine, summary_longer_than_the_context_is_a_model_error) {
    auto m = load(vocab::qwen2, {}, 512);
    ASSERT_TRUE(m);
    EXPECT_EQ(error_code_of([&] { summarize(*m, 1, 2000, 6); }), precis::errc::model);
}

TEST(engine, unknown_target_language_is_a_usage_error) {
    auto m = load(vocab::qwen2);
    ASSERT_TRUE(m);
    EXPECT_EQ(error_code_of([&] { summarize(*m, 1, 100, 1, "tlh"); }), precis::errc::usage);
}

TEST(engine, empty_plan_is_a_usage_error) {
    auto m = load(vocab::qwen2);
    ASSERT_TRUE(m);
    const auto source = precis::test::article_analysis();
    auto spec = precis::test::make_spec(100, 1, "en");
    spec.paragraphs = 0;
    EXPECT_EQ(error_code_of([&] { precis::generate_summary(*m, source, spec, {}, {}, {}); }), precis::errc::usage);
}

TEST(engine, cancel_flag_stops_generation_with_cancelled) {
    auto m = load(vocab::qwen2);
    ASSERT_TRUE(m);
    const auto source = precis::test::article_analysis();
    const auto spec = precis::test::make_spec(2000, 6, "ar");
    const auto plan = precis::test::make_even_plan(source, spec);
    std::atomic<bool> cancel{false};
    std::size_t tokens = 0;
    precis::generation_callbacks cb;
    cb.cancel = &cancel;
    cb.on_token = [&](const precis::generation_progress &p) {
        if (++tokens == 20) cancel = true;
        EXPECT_EQ(p.target_words, 2000u);
        EXPECT_EQ(p.paragraphs, 6u);
    };
    EXPECT_EQ(error_code_of([&] { precis::generate_summary(*m, source, spec, plan, {}, cb); }),
              precis::errc::cancelled);
    EXPECT_EQ(tokens, 20u) << "generation went on after the cancel flag was set";
}

}  // namespace
