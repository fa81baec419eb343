// The seed page (../shared/data/seed), read as a summary of its own article against its own instruction, is
// the canonical output `precis check` must reject: it is English where Arabic was asked, it publishes the
// prompt and the site footer, and it is the source copied word for word.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "precis/analyze.h"
#include "precis/check.h"
#include "support/process.h"

namespace {

const std::string seed_path = std::string(PRECIS_DATA_DIR) + "/seed/000_2310dcb826e5e938.txt";

std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class seed_check : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(seed_path)) GTEST_SKIP() << "seed page not found at " << seed_path;
    }
};

TEST_F(seed_check, library_rejects_the_seed_for_script_leaks_and_untranslated_copy) {
    const std::string page = read_file(seed_path);
    const precis::source_analysis source = precis::analyze(page);
    ASSERT_TRUE(source.instruction.has_value()) << "analyze should find the leading instruction";
    precis::summary_spec spec = precis::resolve_spec(*source.instruction, {}, source.language, source.words);
    ASSERT_EQ(spec.language, "ar");
    const precis::check_report r = precis::run_checks({page, &source, spec, source.instruction->text});
    EXPECT_FALSE(r.passed);
    for (const char *name : {"target_script", "instruction_leak", "boilerplate_leak", "untranslated_source"}) {
        const precis::check_item *i = r.find(name);
        ASSERT_NE(i, nullptr) << name << " missing from the report";
        EXPECT_FALSE(i->passed) << name << " should fail on the seed page; detail: " << i->detail;
        EXPECT_FALSE(i->detail.empty()) << name;
    }
    EXPECT_NE(r.find("boilerplate_leak")->detail.find("Exit mobile version"), std::string::npos)
        << r.find("boilerplate_leak")->detail;
    EXPECT_NE(r.find("instruction_leak")->detail.find("Summarize this content"), std::string::npos)
        << r.find("instruction_leak")->detail;
}

TEST_F(seed_check, the_article_alone_checked_in_english_passes_the_leak_and_fact_checks) {
    // Control: the clean article (what ingest kept) as a summary in its own language leaks nothing, invents
    // no number or name, and copying is allowed.
    const precis::source_analysis source = precis::analyze(read_file(seed_path));
    precis::summary_spec spec;
    spec.language = "en";
    const precis::check_report r = precis::run_checks({source.text, &source, spec, source.instruction->text});
    for (const char *name : {"target_script", "instruction_leak", "boilerplate_leak", "untranslated_source", "numbers",
                             "entities", "repetition"})
        EXPECT_TRUE(r.find(name)->passed) << name << ": " << r.find(name)->detail;
}

TEST_F(seed_check, cli_exits_1_and_reports_the_failed_checks_as_json) {
    const auto r = precis::test::run_precis("check " + precis::test::shell_quote(seed_path) + " --source " +
                                            precis::test::shell_quote(seed_path) + " --format json");
    ASSERT_EQ(r.exit_code, 1) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_FALSE(j["passed"].get<bool>());
    std::set<std::string> failed;
    for (const auto &i : j["items"]) {
        EXPECT_TRUE(i.contains("detail")) << i.dump();
        if (!i["passed"].get<bool>()) failed.insert(i["name"].get<std::string>());
    }
    for (const char *name : {"target_script", "instruction_leak", "boilerplate_leak", "untranslated_source"})
        EXPECT_TRUE(failed.count(name)) << name << " should fail: " << r.out;
}

TEST_F(seed_check, cli_text_report_has_one_line_per_check) {
    const auto r = precis::test::run_precis("check " + precis::test::shell_quote(seed_path) + " --source " +
                                            precis::test::shell_quote(seed_path));
    ASSERT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.out.find("✗ target_script — "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("✓ repetition — "), std::string::npos) << r.out;
}

}  // namespace
