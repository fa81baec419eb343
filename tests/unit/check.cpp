// run_checks (precis/check.h) on small hand-written sources and summaries, and `precis check` on bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "precis/check.h"
#include "precis/error.h"
#include "support/process.h"

namespace {

// A source written for these tests (Arabic), with numbers in several forms and two Latin names.
const std::string source_text =
    "أعلنت شركة Nimbus Grid أنها جمعت 2,048 معالجا في مركز بياناتها الجديد.\n\n"
    "وقالت الشركة إن تكلفة المشروع بلغت 5.6 مليون دولار، وإن عدد المستخدمين ارتفع بنسبة 40% خلال عام 2023.\n\n"
    "ويعمل في المركز نحو 300 مهندس يعملون على تدريب نماذج لغوية كبيرة.";

precis::source_analysis make_source(const std::string &text, const std::string &language) {
    precis::source_analysis s;
    s.text = text;
    s.language = language;
    return s;
}

precis::summary_spec spec_for(std::size_t paragraphs, std::size_t min_words, std::size_t max_words,
                              const std::string &language) {
    precis::summary_spec spec;
    spec.paragraphs = paragraphs;
    spec.min_words = min_words;
    spec.max_words = max_words;
    spec.words = (min_words + max_words) / 2;
    spec.language = language;
    return spec;
}

precis::check_report run(const std::string &summary, const precis::source_analysis &src,
                         const precis::summary_spec &spec, const std::string &instruction = {}) {
    return precis::run_checks({summary, &src, spec, instruction});
}

const precis::check_item &item(const precis::check_report &r, const char *name) {
    const precis::check_item *i = r.find(name);
    EXPECT_NE(i, nullptr) << name;
    static const precis::check_item none{};
    return i ? *i : none;
}

const std::string good_summary =
    "جمعت شركة Nimbus Grid نحو ٢٬٠٤٨ معالجا في مركز بيانات جديد.\n\n"
    "بلغت تكلفة المشروع 5,600,000 دولار، وارتفع عدد المستخدمين 40% في 2023.";

TEST(check, a_faithful_arabic_summary_passes_every_check) {
    const auto src = make_source(source_text, "ar");
    const auto r = run(good_summary, src, spec_for(2, 20, 40, "ar"));
    for (const auto &i : r.items) EXPECT_TRUE(i.passed) << i.name << ": " << i.detail;
    EXPECT_TRUE(r.passed);
    EXPECT_EQ(r.items.size(), 9u) << "all nine checks of DESIGN.md are reported";
}

TEST(check, report_json_has_the_documented_shape) {
    const auto src = make_source(source_text, "ar");
    const nlohmann::json j = run(good_summary, src, spec_for(2, 20, 40, "ar")).to_json();
    ASSERT_TRUE(j["passed"].is_boolean());
    ASSERT_TRUE(j["items"].is_array());
    std::vector<std::string> names;
    for (const auto &i : j["items"]) {
        EXPECT_TRUE(i["passed"].is_boolean());
        EXPECT_TRUE(i["detail"].is_string());
        names.push_back(i["name"].get<std::string>());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"paragraph_count", "word_count", "target_script", "instruction_leak",
                                               "boilerplate_leak", "untranslated_source", "numbers", "entities",
                                               "repetition"}));
}

TEST(check, wrong_paragraph_count_and_length_fail_with_per_paragraph_words) {
    const auto src = make_source(source_text, "ar");
    const auto r = run(good_summary, src, spec_for(3, 100, 120, "ar"));
    EXPECT_FALSE(item(r, "paragraph_count").passed);
    EXPECT_NE(item(r, "paragraph_count").detail.find("3 requested"), std::string::npos) << item(r, "paragraph_count").detail;
    EXPECT_FALSE(item(r, "word_count").passed);
    EXPECT_EQ(item(r, "word_count").data["paragraphs"].size(), 2u);
    EXPECT_NE(item(r, "word_count").detail.find("short of [100, 120]"), std::string::npos) << item(r, "word_count").detail;
}

TEST(check, english_words_in_an_arabic_summary_fail_target_script_but_copied_names_do_not) {
    const auto src = make_source(source_text, "ar");
    const auto ok = run(good_summary, src, spec_for(0, 0, 0, "ar"));
    EXPECT_TRUE(item(ok, "target_script").passed) << "«Nimbus Grid» is copied from the source: " << item(ok, "target_script").detail;
    const auto bad = run(good_summary + " The company said the project was a success.", src, spec_for(0, 0, 0, "ar"));
    EXPECT_FALSE(item(bad, "target_script").passed) << item(bad, "target_script").detail;
}

TEST(check, assistant_chatter_and_the_instruction_are_leaks_in_several_languages) {
    const auto src = make_source(source_text, "ar");
    const char *leaks[] = {
        "Here is the summary of the article.\n\nجمعت الشركة المعالجات.",
        "إليك ملخص المقال:\n\nجمعت الشركة المعالجات.",
        "Sure! جمعت الشركة المعالجات.",
        "لخص هذا المحتوى في فقرتين.\n\nجمعت الشركة المعالجات.",
        "Voici le résumé demandé.",
        "As an AI language model, I cannot verify this.",
    };
    for (const char *s : leaks) {
        const auto r = run(s, src, spec_for(0, 0, 0, ""));
        EXPECT_FALSE(item(r, "instruction_leak").passed) << s;
    }
    const std::string instruction = "Summarize this content to 40 words in 2 paragraphs in Arabic";
    const auto r = run(good_summary + "\n\nSummarize this content to 40 words in 2 paragraphs in Arabic", src,
                       spec_for(0, 0, 0, "ar"), instruction);
    EXPECT_FALSE(item(r, "instruction_leak").passed);
    EXPECT_NE(item(r, "instruction_leak").detail.find("the instruction"), std::string::npos) << item(r, "instruction_leak").detail;
    const auto clean = run(good_summary, src, spec_for(0, 0, 0, "ar"), instruction);
    EXPECT_TRUE(item(clean, "instruction_leak").passed) << item(clean, "instruction_leak").detail;
}

TEST(check, footer_lines_are_boilerplate_leaks) {
    const auto src = make_source(source_text, "ar");
    const auto r = run(good_summary + "\n\nشاركها.\n© 2025 موقع الأخبار. جميع الحقوق محفوظة.", src, spec_for(0, 0, 0, "ar"));
    EXPECT_FALSE(item(r, "boilerplate_leak").passed);
    EXPECT_TRUE(item(run(good_summary, src, spec_for(0, 0, 0, "ar")), "boilerplate_leak").passed);
}

TEST(check, eight_copied_source_words_in_another_language_are_untranslated) {
    const auto src = make_source("The company said on Monday that it had raised money from several large investors "
                                 "in Europe and Asia.",
                                 "en");
    const auto copied = run("أعلنت الشركة: The company said on Monday that it had raised money from investors.", src,
                            spec_for(0, 0, 0, "ar"));
    EXPECT_FALSE(item(copied, "untranslated_source").passed);
    EXPECT_EQ(item(copied, "untranslated_source").data["copied_words"].get<std::size_t>(), 11u)
        << item(copied, "untranslated_source").detail;
    const auto seven = run("أعلنت الشركة: The company said on Monday that it جمعت المال.", src, spec_for(0, 0, 0, "ar"));
    EXPECT_TRUE(item(seven, "untranslated_source").passed) << "seven words are below the limit";
    const auto same = run("The company said on Monday that it had raised money.", src, spec_for(0, 0, 0, "en"));
    EXPECT_TRUE(item(same, "untranslated_source").passed) << "copying is allowed in the source's language";
}

TEST(check, an_altered_number_is_reported_with_the_source_number) {
    const auto src = make_source(source_text, "ar");
    const auto r = run("أعلنت شركة Nimbus Grid أنها جمعت 2,084 معالجا في مركز بياناتها الجديد.", src,
                       spec_for(0, 0, 0, "ar"));
    const auto &n = item(r, "numbers");
    ASSERT_FALSE(n.passed);
    ASSERT_EQ(n.data["altered"].size(), 1u) << n.detail;
    EXPECT_EQ(n.data["altered"][0]["text"], "2,084");
    EXPECT_EQ(n.data["altered"][0]["source"], "2,048");
}

TEST(check, a_changed_scale_word_or_an_invented_number_fails_numbers) {
    const auto src = make_source(source_text, "ar");
    const auto scale = run("بلغت تكلفة المشروع 5.6 مليار دولار.", src, spec_for(0, 0, 0, "ar"));
    EXPECT_FALSE(item(scale, "numbers").passed) << item(scale, "numbers").detail;
    const auto invented = run("يعمل في المركز 450 مهندسا.", src, spec_for(0, 0, 0, "ar"));
    EXPECT_FALSE(item(invented, "numbers").passed);
    EXPECT_NE(item(invented, "numbers").detail.find("450"), std::string::npos) << item(invented, "numbers").detail;
}

TEST(check, number_found_elsewhere_in_the_source_but_changed_in_place_is_altered) {
    // 2023 occurs in the source, but not as the number of engineers.
    const auto src = make_source(source_text, "ar");
    const auto r = run("ويعمل في المركز نحو 2023 مهندس يعملون على تدريب نماذج لغوية كبيرة.", src,
                       spec_for(0, 0, 0, "ar"));
    EXPECT_FALSE(item(r, "numbers").passed) << item(r, "numbers").detail;
}

TEST(check, latin_names_not_in_the_source_fail_entities) {
    const auto src = make_source(source_text, "ar");
    const auto r = run("أعلنت شركة Nimbus Grid بالتعاون مع Corvane Systems عن مركز جديد.", src, spec_for(0, 0, 0, "ar"));
    const auto &e = item(r, "entities");
    ASSERT_FALSE(e.passed);
    ASSERT_EQ(e.data["not_in_source"].size(), 1u) << e.detail;
    EXPECT_EQ(e.data["not_in_source"][0]["text"], "Corvane Systems");
}

// A summary meant to be Arabic is not English prose however many Latin letters it has: a copied name opening
// a sentence is still a copied name (it used to count against purity when Latin letters outnumbered Arabic).
TEST(check, copied_names_at_a_sentence_start_do_not_count_against_the_target_script) {
    const auto src = make_source(source_text, "ar");
    const auto r = run("Nimbus Grid. Nimbus Grid: مركز.", src, spec_for(0, 0, 0, "ar"));
    EXPECT_TRUE(item(r, "target_script").passed) << item(r, "target_script").detail;
    EXPECT_TRUE(item(r, "entities").passed) << item(r, "entities").detail;
    const auto bad = run("Corvane. Nimbus Grid: مركز.", src, spec_for(0, 0, 0, "ar"));
    EXPECT_FALSE(item(bad, "entities").passed) << "«Corvane» opens a sentence but is not in the source";
}

// Only names are copies: English sentences in an Arabic summary count against the target script even when
// every word of them is in the source, and with no source nothing Latin is excused.
TEST(check, english_text_in_an_arabic_summary_fails_target_script_even_when_copied_from_the_source) {
    const auto english = make_source("Officials said the decision was unanimous. The central bank raised interest "
                                     "rates on Tuesday, Nimbus Grid said.",
                                     "en");
    for (const char *summary : {"Officials said the decision was unanimous.",
                                "رفع البنك the central bank raised interest rates"}) {
        const auto r = run(summary, english, spec_for(0, 0, 0, "ar"));
        EXPECT_FALSE(item(r, "target_script").passed) << summary << ": " << item(r, "target_script").detail;
    }
    const auto none = precis::run_checks({"Officials said the decision was unanimous.", nullptr,
                                          spec_for(0, 0, 0, "ar"), {}});
    EXPECT_FALSE(item(none, "target_script").passed) << item(none, "target_script").detail;
    const auto ok = run("قالت شركة Nimbus Grid يوم Tuesday إن البنك رفع أسعار الفائدة.", english, spec_for(0, 0, 0, "ar"));
    EXPECT_TRUE(item(ok, "target_script").passed) << item(ok, "target_script").detail;
}

// German capitalises every noun, so a German summary's new nouns are not invented names; codes with digits
// or inner capitals still are.
TEST(check, german_nouns_are_not_names_but_invented_codes_are) {
    const auto src = make_source(
        "The harbour board said on Tuesday that the ferry run by Northwind Marine will leave earlier from March. "
        "Its new H800 engine saves fuel.",
        "en");
    const auto ok = run("Die Hafenbehörde teilte am Dienstag mit, dass die Fähre von Northwind Marine ab März früher "
                        "ablegt. Der neue Motor H800 spart Treibstoff.",
                        src, spec_for(0, 0, 0, "de"));
    EXPECT_TRUE(item(ok, "entities").passed) << item(ok, "entities").detail;
    EXPECT_TRUE(item(ok, "target_script").passed) << item(ok, "target_script").detail;
    const auto bad = run("Die Fähre der Reederei SeaLink fährt mit dem Motor X900.", src, spec_for(0, 0, 0, "de"));
    const auto &e = item(bad, "entities");
    ASSERT_FALSE(e.passed);
    ASSERT_EQ(e.data["not_in_source"].size(), 2u) << e.detail;
    EXPECT_EQ(e.data["not_in_source"][0]["text"], "SeaLink");
    EXPECT_EQ(e.data["not_in_source"][1]["text"], "X900");
}

TEST(check, a_looping_summary_fails_repetition) {
    const auto src = make_source(source_text, "ar");
    std::string loop;
    for (int i = 0; i < 20; ++i) loop += "جمعت الشركة المعالجات في المركز. ";
    const auto r = run(loop, src, spec_for(0, 0, 0, "ar"));
    EXPECT_FALSE(item(r, "repetition").passed) << item(r, "repetition").detail;
    EXPECT_TRUE(item(run(good_summary, src, spec_for(0, 0, 0, "ar")), "repetition").passed);
}

TEST(check, invalid_utf8_summary_is_an_error) {
    const auto src = make_source(source_text, "ar");
    EXPECT_THROW(run("abc\xC3\x28", src, spec_for(0, 0, 0, "ar")), precis::error);
}

// ---- the CLI on bad input ---------------------------------------------------------------------------------

std::string write_tmp(const std::string &name, const std::string &content) {
    std::filesystem::create_directories(PRECIS_TEST_TMP);
    const std::string path = std::string(PRECIS_TEST_TMP) + "/check-" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

TEST(check_cli, exit_codes_follow_the_contract) {
    using precis::test::run_precis;
    using precis::test::shell_quote;
    const std::string src = write_tmp("source.txt", source_text);
    const std::string good = write_tmp("good.txt", good_summary);
    const auto ok = run_precis("check " + shell_quote(good) + " --source " + shell_quote(src) +
                               " --paragraphs 2 --words 30 --tolerance 0.5 --lang ar --format json");
    EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
    const auto fail = run_precis("check " + shell_quote(good) + " --source " + shell_quote(src) + " --paragraphs 5");
    EXPECT_EQ(fail.exit_code, 1) << fail.out << fail.err;

    const auto missing = run_precis("check /nonexistent/summary.txt --source " + shell_quote(src));
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("summary.txt"), std::string::npos) << "names the missing file: " << missing.err;
    EXPECT_TRUE(missing.out.empty());

    const auto empty = run_precis("check " + shell_quote(write_tmp("empty.txt", " \n\n ")) + " --source " + shell_quote(src));
    EXPECT_EQ(empty.exit_code, 2);
    EXPECT_NE(empty.err.find("empty"), std::string::npos) << empty.err;

    const auto bad = run_precis("check " + shell_quote(write_tmp("bad.txt", "ok \xC3\x28 text")) + " --source " + shell_quote(src));
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("UTF-8"), std::string::npos) << bad.err;
}

}  // namespace
