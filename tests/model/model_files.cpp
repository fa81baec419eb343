// precis-mkmodel writes models llama.cpp loads, for both tokenizer families and when quantized; and
// load_model turns every kind of bad model file into a clear error{model} (exit code 3) instead of a crash.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "model/fixture_article.h"
#include "model/tiny_models.h"
#include "precis/engine.h"
#include "precis/error.h"

namespace {

using precis::test::vocab;

std::string make(vocab v, const precis::test::model_options &o = {}) {
    std::string err;
    std::string path = precis::test::tiny_model(v, o, &err);
    EXPECT_FALSE(path.empty()) << err;
    return path;
}

// The error load_model throws for `path`, or a failure when it loads.
precis::error load_error(const std::string &path) {
    try {
        precis::load_model({.model_path = path, .threads = 1});
    } catch (const precis::error &e) {
        return e;
    }
    ADD_FAILURE() << "load_model accepted " << path;
    return precis::error{precis::errc::internal, "loaded"};
}

std::string temp_path(const std::string &name) {
    std::filesystem::create_directories(PRECIS_TEST_TMP);
    return std::string(PRECIS_TEST_TMP) + "/model_files-" + std::to_string(::getpid()) + "-" + name;
}

TEST(mkmodel, qwen2_byte_level_bpe_model_loads_with_its_chat_template) {
    const auto path = make(vocab::qwen2);
    ASSERT_FALSE(path.empty());
    auto m = precis::load_model({.model_path = path, .threads = 1});
    ASSERT_TRUE(m);
    EXPECT_NE(precis::model_name(*m).find("precis-random-qwen2"), std::string::npos) << precis::model_name(*m);
}

TEST(mkmodel, llama_sentencepiece_model_loads) {
    const auto path = make(vocab::llama_spm);
    ASSERT_FALSE(path.empty());
    auto m = precis::load_model({.model_path = path, .threads = 1});
    ASSERT_TRUE(m);
    EXPECT_NE(precis::model_name(*m).find("precis-random-llama"), std::string::npos) << precis::model_name(*m);
}

TEST(mkmodel, same_seed_writes_the_same_file_and_another_seed_does_not) {
    const auto a = make(vocab::qwen2, {.seed = 11, .type = "f16"});
    const auto b_path = temp_path("seed11.gguf");
    auto r = precis::test::run_command(precis::test::shell_quote(precis::test::mkmodel_path()) + " --vocab " +
                                       precis::test::shell_quote(precis::test::vocab_path(vocab::qwen2)) +
                                       " --seed 11 --type f16 -o " + precis::test::shell_quote(b_path));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto slurp = [](const std::string &p) {
        std::ifstream in(p, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    EXPECT_TRUE(slurp(a) == slurp(b_path)) << "two runs with seed 11 differ";
    const auto c = make(vocab::qwen2, {.seed = 12, .type = "f16"});
    EXPECT_FALSE(slurp(a) == slurp(c)) << "seeds 11 and 12 wrote the same weights";
    std::filesystem::remove(b_path);
}

TEST(mkmodel, q4_k_m_quantized_model_loads_and_is_smaller) {
    const auto f16 = make(vocab::llama_spm, {.type = "f16"});
    const auto q4 = make(vocab::llama_spm, {.type = "q4_k_m", .extra = "--n-embd 256 --n-ff 512"});
    ASSERT_FALSE(q4.empty());
    auto m = precis::load_model({.model_path = q4, .threads = 1});
    ASSERT_TRUE(m);
    const auto f16_wide = make(vocab::llama_spm, {.type = "f16", .extra = "--n-embd 256 --n-ff 512"});
    EXPECT_LT(std::filesystem::file_size(q4), std::filesystem::file_size(f16_wide) / 2)
        << "Q4_K_M should be well under half the size of f16";
    EXPECT_FALSE(f16.empty());
}

TEST(mkmodel, bad_vocab_file_fails_with_exit_code_3_and_a_message) {
    auto r = precis::test::run_command(precis::test::shell_quote(precis::test::mkmodel_path()) +
                                       " --vocab /nonexistent/vocab.gguf -o " +
                                       precis::test::shell_quote(temp_path("never.gguf")));
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("/nonexistent/vocab.gguf"), std::string::npos) << r.err;
}

TEST(load_model, missing_file_is_a_model_error_naming_the_path) {
    const auto e = load_error("/nonexistent/dir/model.gguf");
    EXPECT_EQ(e.code, precis::errc::model);
    EXPECT_EQ(precis::exit_code(e.code), 3);
    EXPECT_NE(std::string(e.what()).find("not found"), std::string::npos) << e.what();
    EXPECT_EQ(e.detail, "/nonexistent/dir/model.gguf");
}

TEST(load_model, directory_is_a_model_error) {
    const auto e = load_error(PRECIS_TEST_TMP);
    EXPECT_EQ(e.code, precis::errc::model);
    EXPECT_NE(std::string(e.what()).find("not a regular file"), std::string::npos) << e.what();
}

TEST(load_model, text_file_is_rejected_as_not_gguf) {
    const auto path = temp_path("article.gguf");
    std::ofstream(path) << "This is an article, not a model.\n";
    const auto e = load_error(path);
    EXPECT_EQ(e.code, precis::errc::model);
    EXPECT_NE(std::string(e.what()).find("not a GGUF model"), std::string::npos) << e.what();
    std::filesystem::remove(path);
}

TEST(load_model, empty_file_is_a_model_error) {
    const auto path = temp_path("empty.gguf");
    std::ofstream{path};
    const auto e = load_error(path);
    EXPECT_EQ(e.code, precis::errc::model);
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    std::filesystem::remove(path);
}

TEST(load_model, truncated_download_is_reported_as_truncated) {
    const auto full = make(vocab::qwen2);
    ASSERT_FALSE(full.empty());
    const auto path = temp_path("truncated.gguf");
    std::filesystem::copy_file(full, path, std::filesystem::copy_options::overwrite_existing);
    std::filesystem::resize_file(path, std::filesystem::file_size(full) * 2 / 3);
    const auto e = load_error(path);
    EXPECT_EQ(e.code, precis::errc::model);
    EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
    std::filesystem::remove(path);
}

TEST(load_model, damaged_header_is_reported) {
    const auto path = temp_path("damaged.gguf");
    std::ofstream(path, std::ios::binary) << "GGUF\x03\0\0\0garbage that is not a header";
    const auto e = load_error(path);
    EXPECT_EQ(e.code, precis::errc::model);
    EXPECT_NE(std::string(e.what()).find("damaged or truncated"), std::string::npos) << e.what();
    std::filesystem::remove(path);
}

TEST(load_model, vocabulary_only_gguf_is_rejected) {
    const auto e = load_error(precis::test::vocab_path(vocab::qwen2));
    EXPECT_EQ(e.code, precis::errc::model);
    EXPECT_NE(std::string(e.what()).find("no weights"), std::string::npos) << e.what();
}

TEST(load_model, empty_path_is_a_usage_error) {
    try {
        precis::load_model({});
        ADD_FAILURE() << "an empty model path was accepted";
    } catch (const precis::error &e) {
        EXPECT_EQ(e.code, precis::errc::usage);
    }
}

}  // namespace
