// precis's ROUGE reproduces the published ROUGE-1/2 of every CNN/DM 100 system output (±0.5) and their order.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "precis/rouge.h"
#include "support/process.h"

namespace {

struct published {
    const char *path;
    double r1, r2;
};

// From shared/data/README.md.
const published outputs[] = {
    {"abs/bart/out.txt", 44.90, 21.53},          {"abs/bottom_up/out.txt", 39.33, 16.68},
    {"abs/fast_abs_rl/out_1.txt", 40.24, 17.49}, {"abs/fast_abs_rl/out_rerank.txt", 38.70, 16.97},
    {"abs/neusumm/out.txt", 41.36, 18.70},       {"abs/presumm/out_abs.txt", 42.11, 19.57},
    {"abs/presumm/out_ext_abs.txt", 41.45, 18.79}, {"abs/presumm/out_trans_abs.txt", 38.20, 15.77},
    {"abs/ptr_generator/out_baseline.txt", 30.27, 11.47}, {"abs/ptr_generator/out_pointer_gen.txt", 36.73, 15.64},
    {"abs/ptr_generator/out_pointer_gen_cov.txt", 38.02, 15.94}, {"abs/semsim/out.txt", 45.92, 22.45},
    {"abs/t5/out_11B.txt", 45.24, 21.64},        {"abs/t5/out_3B.txt", 43.57, 21.34},
    {"abs/t5/out_base.txt", 42.25, 19.58},       {"abs/t5/out_large.txt", 44.01, 21.40},
    {"abs/t5/out_small.txt", 41.59, 19.39},      {"abs/two_stage_rl/out.txt", 42.11, 19.72},
    {"abs/unilm/out_v1.txt", 43.45, 19.99},      {"abs/unilm/out_v2.txt", 44.18, 21.40},
    {"ext/banditsumm/out.txt", 41.92, 19.67},    {"ext/bart/out.txt", 45.84, 22.64},
    {"ext/heter_graph/out.txt", 42.08, 19.65},   {"ext/matchsumm/out.txt", 44.46, 21.15},
    {"ext/pnbert/out_bert_lstm_pn.txt", 42.47, 19.93}, {"ext/pnbert/out_bert_lstm_pn_rl.txt", 42.11, 19.37},
    {"ext/pnbert/out_bert_lstm_sl.txt", 41.96, 19.39}, {"ext/pnbert/out_bert_tf_pn.txt", 41.43, 18.96},
    {"ext/pnbert/out_bert_tf_sl.txt", 41.68, 19.06}, {"ext/pnbert/out_lstm_pn.txt", 40.60, 17.82},
    {"ext/pnbert/out_lstm_pn_rl.txt", 41.82, 19.23}, {"ext/pnbert/out_lstm_sl.txt", 40.95, 18.73},
    {"ext/pnbert/out_tf_pn.txt", 40.47, 18.16},  {"ext/pnbert/out_tf_sl.txt", 40.89, 18.70},
    {"ext/refresh/out.txt", 39.09, 17.90},
};

std::vector<std::string> lines(const std::string &path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

}  // namespace

TEST(rouge_cnndm, every_published_output_scores_within_half_a_point_and_in_published_order) {
    const std::string dir = std::string(PRECIS_DATA_DIR) + "/summarization/cnndm100";
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no CNN/DM 100 data at " << dir;
    std::vector<double> ours_r1;
    for (const auto &o : outputs) {
        const std::string out_path = dir + "/" + o.path;
        const auto cands = lines(out_path);
        const auto refs = lines(std::filesystem::path(out_path).parent_path().string() + "/ref.txt");
        ASSERT_EQ(cands.size(), 100u) << out_path;
        ASSERT_EQ(refs.size(), cands.size()) << out_path;
        std::vector<precis::rouge_scores> s;
        for (std::size_t d = 0; d < cands.size(); ++d)
            s.push_back(precis::rouge(precis::untag_sentences(cands[d]), {precis::untag_sentences(refs[d])}, "en"));
        const auto m = precis::mean(s);
        EXPECT_NEAR(m.r1, o.r1, 0.5) << o.path << " ROUGE-1";
        EXPECT_NEAR(m.r2, o.r2, 0.5) << o.path << " ROUGE-2";
        ours_r1.push_back(m.r1);
    }
    const std::size_t n = std::size(outputs);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (outputs[i].r1 > outputs[j].r1) {
                EXPECT_GT(ours_r1[i], ours_r1[j]) << outputs[i].path << " should outrank " << outputs[j].path;
            }
}

TEST(rouge_cnndm, eval_rouge_batch_command_reproduces_a_published_system_in_json) {
    const std::string dir = std::string(PRECIS_DATA_DIR) + "/summarization/cnndm100/abs/bart";
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no CNN/DM 100 data at " << dir;
    const auto r = precis::test::run_precis("eval rouge --candidates " + precis::test::shell_quote(dir + "/out.txt") +
                                            " --references " + precis::test::shell_quote(dir + "/ref.txt") +
                                            " --lang en --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["documents"].get<int>(), 100);
    EXPECT_NEAR(j["rouge1"].get<double>(), 44.90, 0.5) << r.out;
    EXPECT_NEAR(j["rouge2"].get<double>(), 21.53, 0.5) << r.out;
}

TEST(rouge_cnndm, misaligned_batch_files_exit_2_naming_the_file) {
    const std::string dir = std::string(PRECIS_DATA_DIR) + "/summarization/cnndm100/abs/bart";
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no CNN/DM 100 data at " << dir;
    const std::string short_refs = precis::test::write_temp_file("three_refs.txt", "one\ntwo\nthree\n");
    const auto r = precis::test::run_precis("eval rouge --candidates " + precis::test::shell_quote(dir + "/out.txt") +
                                            " --references " + precis::test::shell_quote(short_refs));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty()) << "nothing may be written on error";
    EXPECT_NE(r.err.find("three_refs.txt"), std::string::npos) << r.err;
}
